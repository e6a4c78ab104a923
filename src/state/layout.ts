import { MAX_NESTING, nestsDeeper } from '../text/canonical.ts';

/**
 * The state tree's layout: every path the loop reads or writes is named here, once, and each
 * kind of file is parsed and formatted here (snapshots) or by the schema of the module that owns it
 * (goals, asks, failures, beat.json, budget.json). The reader, the fingerprint's view of a
 * beat's own writes, the steer check and the test fakes all go through it.
 */
export const PLAYBOOK_FILE = 'PLAYBOOK.md';
export const JOURNAL_FILE = 'journal.md';
export const MEMORY_FILE = 'beat.json';
export const BUDGET_FILE = 'budget.json';

export const GOALS_DIR = 'goals';
export const SENSORS_DIR = 'sensors';
export const SNAPSHOTS_DIR = 'snapshots';
export const ASKS_DIR = 'asks';
export const FAILURES_DIR = 'failures';
export const RUNS_DIR = 'runs';
export const WORKERS_DIR = 'workers';
export const SCHEDULES_DIR = 'schedules';

/** The top-level entries the loop reads and may write; nothing else in the tree is ever touched. */
export const STATE_ROOTS: ReadonlySet<string> = new Set([
  PLAYBOOK_FILE,
  JOURNAL_FILE,
  MEMORY_FILE,
  BUDGET_FILE,
  GOALS_DIR,
  SENSORS_DIR,
  SNAPSHOTS_DIR,
  ASKS_DIR,
  FAILURES_DIR,
  WORKERS_DIR,
  SCHEDULES_DIR,
  RUNS_DIR,
]);

export const goalPath = (slug: string): string => `${GOALS_DIR}/${slug}.md`;
export const sensorPath = (file: string): string => `${SENSORS_DIR}/${file}`;
export const snapshotPath = (name: string): string => `${SNAPSHOTS_DIR}/${name}.json`;
export const askPath = (id: string): string => `${ASKS_DIR}/${id}.md`;
export const workerPath = (id: string): string => `${WORKERS_DIR}/${id}.md`;
export const failurePath = (fingerprint: string): string => `${FAILURES_DIR}/${fingerprint}.md`;
/** The folder of one beat's decisions: prompts, raw output, results. */
export const runsPath = (beat: string): string => `${RUNS_DIR}/${beat}/`;

/** What a path of the tree is, for the readers of a beat's writes. */
export type StateFile =
  | { readonly kind: 'playbook' }
  | { readonly kind: 'goal'; readonly slug: string }
  | { readonly kind: 'ask'; readonly id: string }
  | { readonly kind: 'failure'; readonly fingerprint: string }
  | { readonly kind: 'worker'; readonly id: string }
  | { readonly kind: 'snapshot'; readonly name: string }
  | { readonly kind: 'other' };

const SLUG = '[a-z0-9][a-z0-9-]{0,63}';
const GOAL_FILE = new RegExp(`^${GOALS_DIR}/(${SLUG})\\.md$`);
const ASK_FILE = new RegExp(`^${ASKS_DIR}/(${SLUG})\\.md$`);
const WORKER_FILE = new RegExp(`^${WORKERS_DIR}/(${SLUG})\\.md$`);
const FAILURE_FILE = new RegExp(`^${FAILURES_DIR}/([0-9a-f]{12})\\.md$`);
const SNAPSHOT_FILE = new RegExp(`^${SNAPSHOTS_DIR}/(${SLUG})\\.json$`);

export function stateFile(file: string): StateFile {
  if (file === PLAYBOOK_FILE) return { kind: 'playbook' };
  const goal = GOAL_FILE.exec(file)?.[1];
  if (goal !== undefined) return { kind: 'goal', slug: goal };
  const ask = ASK_FILE.exec(file)?.[1];
  if (ask !== undefined) return { kind: 'ask', id: ask };
  const failure = FAILURE_FILE.exec(file)?.[1];
  if (failure !== undefined) return { kind: 'failure', fingerprint: failure };
  const worker = WORKER_FILE.exec(file)?.[1];
  if (worker !== undefined) return { kind: 'worker', id: worker };
  const snapshot = SNAPSHOT_FILE.exec(file)?.[1];
  if (snapshot !== undefined) return { kind: 'snapshot', name: snapshot };
  return { kind: 'other' };
}

/** A sensor's reading as recorded at the last decision. */
export type Snapshot = { readonly signal: unknown; readonly detail?: unknown };

/** A snapshot file, or why it cannot be read (the next decision's reading replaces it). */
export function parseSnapshot(text: string): { ok: true; snapshot: Snapshot } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'is not JSON' };
  }
  if (nestsDeeper(text)) return { ok: false, problem: `nests deeper than ${String(MAX_NESTING)} levels` };
  // Any object with a signal, its other fields kept: checked by hand, so that reading the tree
  // (which the entry does before the bundle loads, io/prefetch.ts) needs no schema library.
  if (json === null || typeof json !== 'object' || Array.isArray(json) || !('signal' in json)) return { ok: false, problem: 'has no "signal"' };
  return { ok: true, snapshot: { ...(json as Snapshot) } };
}

export function formatSnapshot(reading: { readonly signal: unknown; readonly detail?: unknown }, at: string): string {
  return `${JSON.stringify({ signal: reading.signal, detail: reading.detail, at }, null, 2)}\n`;
}
