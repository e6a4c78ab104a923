import { act, type Outcome, type RunCommand } from './act.ts';
import { formatJournalLine, utcTime } from './journal.ts';
import { describeMove, parseMove, type Move } from './moves.ts';
import { buildPrompt } from './prompt.ts';
import type { Decider } from './runners/index.ts';
import type { RunnerResult } from './runners/result.ts';
import { sense, type Reading, type RunSensor } from './sense.ts';
import { formatMemory, MEMORY_FILE, type Memory } from './state/memory.ts';
import type { LoadedState } from './state/read.ts';
import type { BeatRecord } from './state/record.ts';
import { afterWrites, changedSignals, fingerprint } from './world.ts';

/** The state branch as the beat sees it: read it, then write one record. */
export interface Store {
  readonly seeded: boolean;
  load(): Promise<LoadedState>;
  commit(record: BeatRecord): Promise<{ readonly sha: string | undefined; readonly attempts: number }>;
}

/** The outside world, reached only through these. */
export interface BeatPorts {
  readonly store: Store;
  readonly runSensor: RunSensor;
  readonly decider: Decider;
  readonly runCommand: RunCommand;
  readonly now: () => Date;
}

export interface BeatOptions {
  readonly beat: string;
  readonly model: string | undefined;
  readonly allow: readonly string[];
  readonly sensorTimeoutMs: number;
  readonly dryRun: boolean;
  /** A note a person gave with a manual beat: it asks for a decision even when nothing changed. */
  readonly note?: string;
}

export type Decision =
  | { readonly kind: 'skipped'; readonly why: string }
  | { readonly kind: 'failed'; readonly error: string; readonly run?: RunnerResult }
  | { readonly kind: 'move'; readonly move: Move; readonly run: RunnerResult; readonly outcome?: Outcome };

/** What a beat saw and did: everything the job summary and the outputs show. */
export interface BeatReport {
  readonly beat: string;
  readonly at: Date;
  readonly seeded: boolean;
  readonly dryRun: boolean;
  readonly readings: readonly Reading[];
  /** Names of readings whose signal changed since the last decision. */
  readonly changedSignals: readonly string[];
  /** Something (signals, goals, PLAYBOOK, sensors) changed since the last decided beat. */
  readonly changed: boolean;
  readonly decision: Decision;
  readonly journalLine?: string;
  readonly commit?: { readonly sha: string | undefined; readonly attempts: number };
  readonly lastDecidedAt?: string;
  readonly problems: readonly string[];
}

/** A failed decision waits 5 minutes, then twice as long after each further failure, up to 6 hours. */
export function backoffUntil(failures: NonNullable<Memory['failures']>): Date {
  const minutes = Math.min(5 * 2 ** (failures.count - 1), 360);
  return new Date(Date.parse(failures.lastAt) + minutes * 60_000);
}

/** One beat: load, sense, decide (only on change), act, record, and say what happened. */
export async function runBeat(ports: BeatPorts, options: BeatOptions): Promise<BeatReport> {
  const at = ports.now();
  const state = await ports.store.load();
  const readings = await sense(state.sensors, ports.runSensor, options.sensorTimeoutMs);
  const print = fingerprint({ state, readings });
  const memory = state.memory;
  const base = {
    beat: options.beat,
    at,
    seeded: ports.store.seeded,
    dryRun: options.dryRun,
    readings,
    changedSignals: changedSignals(readings, state.snapshots),
    changed: memory.decided?.fingerprint !== print,
    ...(memory.decided === undefined ? {} : { lastDecidedAt: memory.decided.at }),
    problems: state.problems,
  };
  const skip = whyNotDecide(base.changed, memory, options.note, at);
  if (skip !== undefined) return { ...base, decision: { kind: 'skipped', why: skip } };

  const prompt = buildPrompt({ state, readings, changed: base.changedSignals, beat: options.beat, now: at, ...noteOf(options) });
  const run = await ports.decider(prompt, options.model);
  const decision = readDecision(run.result);
  if (options.dryRun) return { ...base, decision };

  if (decision.kind !== 'move') {
    const record = failureRecord(options, at, state, decision);
    return { ...base, decision, journalLine: record.journal[0] ?? '', commit: await ports.store.commit(record) };
  }
  const outcome = await act(decision.move, { state, allow: options.allow, runCommand: ports.runCommand, beat: options.beat });
  const record = moveRecord(options, at, state, readings, decision, outcome);
  return { ...base, decision: { ...decision, outcome }, journalLine: record.journal[0] ?? '', commit: await ports.store.commit(record) };
}

function noteOf(options: BeatOptions): { note?: string } {
  return options.note === undefined ? {} : { note: options.note };
}

function whyNotDecide(changed: boolean, memory: Memory, note: string | undefined, at: Date): string | undefined {
  const due = changed || note !== undefined || memory.lastRun !== undefined || memory.failures !== undefined;
  if (!due) return `nothing changed since the last decision (${memory.decided?.at ?? 'never'}); no runner call`;
  if (memory.failures !== undefined && note === undefined) {
    const until = backoffUntil(memory.failures);
    if (at < until) {
      return `${memory.failures.count} decision(s) in a row failed; backing off until ${utcTime(until)} (a manual beat with a note decides now)`;
    }
  }
  return undefined;
}

function readDecision(result: RunnerResult): Exclude<Decision, { kind: 'skipped' }> {
  if (!result.ok) return { kind: 'failed', error: `the runner failed (${result.failure?.kind ?? 'error'}): ${result.failure?.message ?? 'no reason given'}`, run: result };
  if (result.text === null) return { kind: 'failed', error: 'the runner succeeded but gave no final text', run: result };
  const parsed = parseMove(result.text);
  if (!parsed.ok) return { kind: 'failed', error: parsed.error, run: result };
  return { kind: 'move', move: parsed.move, run: result };
}

/** A failed decision is recorded, shown in the next prompt, and backed off from. */
function failureRecord(options: BeatOptions, at: Date, state: LoadedState, decision: Extract<Decision, { kind: 'failed' }>): BeatRecord {
  const failures = { count: (state.memory.failures?.count ?? 0) + 1, lastAt: utcTime(at), lastError: decision.error };
  const cost = decision.run?.costUsd;
  return {
    files: { [MEMORY_FILE]: formatMemory({ ...state.memory, failures }) },
    journal: [formatJournalLine({ at, beat: options.beat, move: 'decide', summary: decision.error, outcome: 'failed', ...(cost === undefined ? {} : { costUsd: cost }) })],
    message: `looop: beat ${options.beat}: decide failed`,
  };
}

function moveRecord(
  options: BeatOptions,
  at: Date,
  state: LoadedState,
  readings: readonly Reading[],
  decision: Extract<Decision, { kind: 'move' }>,
  outcome: Outcome,
): BeatRecord {
  // The world's fingerprint as the next beat will read it, so the loop's own writes do not
  // wake it again; only what people and sensors change does.
  const print = fingerprint({ state: afterWrites(state, outcome.files), readings });
  const memory: Memory = {
    decided: { beat: options.beat, at: utcTime(at), fingerprint: print },
    ...(outcome.lastRun === undefined ? {} : { lastRun: outcome.lastRun }),
  };
  const snapshots = Object.fromEntries(
    readings.map((r) => [`snapshots/${r.name}.json`, `${JSON.stringify({ signal: r.signal, detail: r.detail, at: utcTime(at) }, null, 2)}\n`]),
  );
  const cost = decision.run.costUsd;
  return {
    files: { ...snapshots, ...outcome.files, [MEMORY_FILE]: formatMemory(memory) },
    journal: [formatJournalLine({ at, beat: options.beat, move: decision.move.type, summary: outcome.summary, outcome: outcome.outcome, ...(cost === undefined ? {} : { costUsd: cost }) })],
    message: `looop: beat ${options.beat}: ${describeMove(decision.move)}`,
  };
}
