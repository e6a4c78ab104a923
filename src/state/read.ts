import { createHash } from 'node:crypto';
import { parseAsk, type Ask } from '../resources/asks/model.ts';
import { parseFailure, type LoadedFailure } from '../resources/failures/model.ts';
import { parseWorker, type Worker } from '../resources/workers/model.ts';
import { ASKS_DIR, askPath, BUDGET_FILE, FAILURES_DIR, GOALS_DIR, JOURNAL_FILE, parseSnapshot, PLAYBOOK_FILE, RUNS_DIR, SENSORS_DIR, sensorPath, snapshotPath, workerPath, WORKERS_DIR, type Snapshot } from './layout.ts';
import { parseGoal, type Goal } from './goals.ts';
import { MEMORY_FILE, parseMemory, type Memory } from './memory.ts';
import { isName, isPeoplesPath } from './names.ts';
import { journalLines } from './journal.ts';
import { endOf, isUnread, linksIn, textOf, treeFromDir, type StateTree } from './tree.ts';
import { loadYaml, YamlNotLoaded } from '../text/yaml.ts';

/** A sensor script as found in `sensors/`. */
export interface SensorScript {
  /** The reading's name: the file name without its extension. */
  readonly name: string;
  /** Path inside the state tree, e.g. `sensors/ci.sh`. */
  readonly file: string;
  /** Content digest and executable bit: editing a sensor is a change to the world. */
  readonly digest: string;
  /** Why this file cannot run as a sensor; it then reads as an error. */
  readonly problem?: string;
}

export type { Snapshot } from './layout.ts';

export interface LoadedAsk {
  readonly ask: Ask;
  /** The file as read: a claim on the ask holds only while the file is still this. */
  readonly text: string;
}

export interface LoadedWorker {
  readonly worker: Worker;
  /** The file as read, for the compare-and-swap of the next write. */
  readonly text: string;
}

/** The state branch as a beat reads it. */
export interface LoadedState {
  readonly playbook: string;
  readonly goals: readonly Goal[];
  readonly sensors: readonly SensorScript[];
  readonly snapshots: Readonly<Record<string, Snapshot>>;
  readonly memory: Memory;
  /** beat.json could not be read: what it remembered (standing holds among it) is taken from elsewhere. */
  readonly memoryDamaged: boolean;
  /** Every ask on the branch, open or resolved, with the file text it was read from. */
  readonly asks: readonly LoadedAsk[];
  /** Ids of ask files that could not be read: taken, never overwritten, until a person fixes them. */
  readonly unreadableAsks: readonly string[];
  /** Failure issues (failures/<fingerprint>.md); one that cannot be read is reported and left alone. */
  readonly failures: readonly LoadedFailure[];
  /** Every worker on the branch, live or finished. */
  readonly workers: readonly LoadedWorker[];
  /** Ids of worker files that could not be read: taken (no spawn reuses the id), never overwritten. */
  readonly unreadableWorkers: readonly string[];
  /** The journal's last lines; undefined while a long journal's end is not read (the store reads it when a decision needs it). */
  readonly journalTail: readonly string[] | undefined;
  /** budget.json as it stands, or null before the first decision. */
  readonly budget: string | null;
  /** The beats whose decisions are kept under runs/. */
  readonly keptDecisions: readonly string[];
  /** Paths that are symbolic links on the branch: reported, never read or written through. */
  readonly links: readonly string[];
  /** Things wrong in the tree that a person should fix (bad front matter, stray files, links). */
  readonly problems: readonly string[];
}

/** Reads the state from the branch's tree; never throws on what a person committed. */
export function readState(tree: StateTree): LoadedState {
  const problems: string[] = [];
  // .github/ belongs to people (the steer workflow): it is not state, and what is in it is theirs.
  const links = linksIn(tree).filter((link) => !isPeoplesPath(link));
  for (const link of links) problems.push(`${link} is a symbolic link: the loop never reads or writes through one; replace it with a regular file`);
  for (const [file, entry] of tree) {
    if (entry.kind === 'opaque' && entry.problem !== undefined) problems.push(`${file} ${entry.problem}`);
  }
  const { memory, damaged, problem } = parseMemory(textOf(tree, MEMORY_FILE));
  if (problem !== undefined) problems.push(problem);
  const sensors = readSensors(tree, problems);
  const { asks, unreadable } = readAsks(tree, problems);
  return {
    playbook: textOf(tree, PLAYBOOK_FILE) ?? '',
    goals: readGoals(tree, problems),
    sensors,
    snapshots: readSnapshots(tree, sensors, problems),
    memory,
    memoryDamaged: damaged,
    asks,
    unreadableAsks: unreadable,
    failures: readFailures(tree, problems),
    ...readWorkers(tree, problems),
    journalTail: isUnread(tree, JOURNAL_FILE) ? undefined : journalLines(endOf(tree, JOURNAL_FILE)),
    budget: textOf(tree, BUDGET_FILE),
    keptDecisions: [...new Set(filesIn(tree, RUNS_DIR, true).map((file) => file.split('/')[0] ?? ''))].filter((name) => name !== '' && !name.startsWith('.')),
    links,
    problems,
  };
}

/**
 * The state, read without the YAML parser and, when a goal's or an ask's front matter needs it
 * (the loop writes its own as JSON), read again with it loaded: each file is decoded and its
 * front matter read once on a beat that needs no YAML, a thousand goals too.
 */
export async function loadState(tree: StateTree): Promise<LoadedState> {
  try {
    return readState(tree);
  } catch (error) {
    if (!(error instanceof YamlNotLoaded)) throw error;
  }
  await loadYaml();
  return readState(tree);
}

/** The sensor scripts alone, as readState reads them (it reports their problems). */
export function sensorScripts(tree: StateTree): SensorScript[] {
  return readSensors(tree, []);
}

/** A folder of the filesystem read as state (the template, a test's fixture). */
export async function readStateDir(dir: string): Promise<LoadedState> {
  return loadState(await treeFromDir(dir));
}

/** Files the tree holds directly in a folder (or anywhere below it), as paths relative to it, sorted. */
function filesIn(tree: StateTree, folder: string, deep = false): string[] {
  const prefix = `${folder}/`;
  return [...tree.keys()]
    .filter((key) => key.startsWith(prefix) && (deep || !key.slice(prefix.length).includes('/')))
    .map((key) => key.slice(prefix.length))
    .sort();
}

function readAsks(tree: StateTree, problems: string[]): { asks: LoadedAsk[]; unreadable: string[] } {
  const asks: LoadedAsk[] = [];
  const unreadable: string[] = [];
  for (const file of filesIn(tree, ASKS_DIR)) {
    const id = file.slice(0, -3);
    if (!file.endsWith('.md') || !isName(id)) continue;
    const text = textOf(tree, askPath(id));
    const read = text === null ? { ok: false as const, problem: 'is not a regular file' } : parseAsk(text);
    // The id names its issue, its file and its heading in the prompt: one that is not its file's name is a forgery or a slip.
    const parsed = read.ok && read.ask.id !== id ? { ok: false as const, problem: `says its id is ${JSON.stringify(read.ask.id.slice(0, 80))}, which is not its file's name` } : read;
    if (parsed.ok && text !== null) {
      asks.push({ ask: parsed.ask, text });
      continue;
    }
    unreadable.push(id);
    problems.push(`${askPath(id)} ${parsed.ok ? '' : parsed.problem}; it is left as it is and its answers wait until it is fixed`);
  }
  return { asks, unreadable };
}

function readWorkers(tree: StateTree, problems: string[]): { workers: LoadedWorker[]; unreadableWorkers: string[] } {
  const workers: LoadedWorker[] = [];
  const unreadableWorkers: string[] = [];
  for (const file of filesIn(tree, WORKERS_DIR)) {
    const id = file.slice(0, -3);
    if (!file.endsWith('.md') || !isName(id)) continue;
    const text = textOf(tree, workerPath(id));
    const read = text === null ? { ok: false as const, problem: 'is not a regular file' } : parseWorker(text);
    const parsed = read.ok && read.worker.id !== id ? { ok: false as const, problem: `says its id is ${JSON.stringify(read.worker.id.slice(0, 80))}, which is not its file's name` } : read;
    if (parsed.ok && text !== null) {
      workers.push({ worker: parsed.worker, text });
      continue;
    }
    unreadableWorkers.push(id);
    problems.push(`${workerPath(id)} ${parsed.ok ? '' : parsed.problem}; it is left as it is until a person fixes it`);
  }
  return { workers, unreadableWorkers };
}

function readFailures(tree: StateTree, problems: string[]): LoadedFailure[] {
  const failures: LoadedFailure[] = [];
  for (const file of filesIn(tree, FAILURES_DIR)) {
    if (!/^[0-9a-f]{12}\.md$/.test(file)) continue;
    const text = textOf(tree, `${FAILURES_DIR}/${file}`);
    const parsed = text === null ? { ok: false as const, problem: 'is not a regular file' } : parseFailure(text);
    if (parsed.ok && text !== null && `${parsed.failure.fingerprint}.md` === file) failures.push({ failure: parsed.failure, text });
    else problems.push(`${FAILURES_DIR}/${file} ${parsed.ok ? 'names another fingerprint' : parsed.problem}; it is left as it is`);
  }
  return failures;
}

function readGoals(tree: StateTree, problems: string[]): Goal[] {
  const goals: Goal[] = [];
  for (const file of filesIn(tree, GOALS_DIR)) {
    const slug = file.replace(/\.md$/, '');
    const text = textOf(tree, `${GOALS_DIR}/${file}`);
    if (text === null) continue;
    if (!file.endsWith('.md') || !isName(slug)) {
      problems.push(`goals/${file} is ignored: goal files are named <slug>.md with a slug of a-z, 0-9 and -`);
      continue;
    }
    const goal = parseGoal(slug, text);
    if (goal.problem !== undefined) problems.push(`goals/${file}: ${goal.problem}; read as active`);
    goals.push(goal);
  }
  return goals;
}

function readSensors(tree: StateTree, problems: string[]): SensorScript[] {
  const sensors: SensorScript[] = [];
  const seen = new Set<string>();
  for (const file of filesIn(tree, SENSORS_DIR)) {
    const entry = tree.get(sensorPath(file));
    if (/^readme/i.test(file) || file.startsWith('.') || entry?.kind !== 'file') continue;
    const digest = createHash('sha256').update(entry.content).update(entry.executable ? 'x' : '-').digest('hex');
    const stem = file.replace(/\.[A-Za-z0-9]+$/, '');
    const name = isName(stem) ? stem : sanitize(stem);
    const problem = sensorProblem(file, stem, name, entry.executable, seen);
    if (problem !== undefined) problems.push(problem);
    seen.add(name);
    sensors.push({ name, file: sensorPath(file), digest, ...(problem === undefined ? {} : { problem }) });
  }
  return sensors;
}

function sensorProblem(file: string, stem: string, name: string, executable: boolean, seen: Set<string>): string | undefined {
  if (stem !== name) return `sensors/${file}: sensor names use a-z, 0-9 and - (read as "${name}")`;
  if (seen.has(name)) return `sensors/${file}: another sensor is also named "${name}"`;
  if (!executable) return `sensors/${file} is not executable: run "git update-index --chmod=+x sensors/${file}"`;
  return undefined;
}

function sanitize(stem: string): string {
  const cleaned = stem.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '').slice(0, 64);
  return cleaned === '' ? 'sensor' : cleaned;
}

/** A snapshot that cannot be read is reported; the next decision's reading replaces it. */
function readSnapshots(tree: StateTree, sensors: readonly SensorScript[], problems: string[]): Record<string, Snapshot> {
  const snapshots: Record<string, Snapshot> = {};
  for (const sensor of sensors) {
    const file = snapshotPath(sensor.name);
    const text = textOf(tree, file);
    if (text === null) continue;
    const parsed = parseSnapshot(text);
    if (parsed.ok) snapshots[sensor.name] = parsed.snapshot;
    else problems.push(`${file} ${parsed.problem}; the next decision's reading replaces it`);
  }
  return snapshots;
}


