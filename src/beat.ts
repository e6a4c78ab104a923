import { act, type Outcome } from './act.ts';
import { askWrite, formatAsk, type Ask } from './asks.ts';
import { holdsOf } from './gate.ts';
import { formatJournalLine, utcTime } from './journal.ts';
import { describeMove, type Move } from './moves.ts';
import type { BeatPorts } from './ports.ts';
import { buildPrompt } from './prompt.ts';
import { openAsk, tendAsks, type AskContext, type Tended } from './reconcile.ts';
import { dayOf, type Limits } from './budget.ts';
import { chargeRecord, decide, runFiles, type Launch } from './decide.ts';
import type { RunnerResult } from './runners/result.ts';
import type { Settings } from './settings.ts';
import { sense, type Reading } from './sense.ts';
import { formatMemory, MEMORY_FILE, type Memory } from './state/memory.ts';
import type { LoadedState } from './state/read.ts';
import type { BeatRecord, FileWrite } from './state/record.ts';
import { afterWrites, changedSignals, fingerprint } from './world.ts';

export type { BeatPorts, Store } from './ports.ts';

export interface BeatOptions {
  readonly beat: string;
  /** The workflow run, so a claim on an ask can be checked for life later. */
  readonly runId?: string;
  readonly runUrl?: string;
  readonly model: string | undefined;
  readonly escalationModel?: string;
  readonly limits: Limits;
  readonly prices: Settings['prices'];
  readonly allow: readonly string[];
  readonly approvers: readonly string[];
  readonly sensorTimeoutMs: number;
  readonly commandTimeoutMs: number;
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
  /** Something (signals, goals, PLAYBOOK, sensors, asks) changed since the last decided beat. */
  readonly changed: boolean;
  /** Why guard sensors hold the loop. */
  readonly holds: readonly string[];
  /** Asks as they stand after this beat. */
  readonly asks: readonly Ask[];
  readonly decision: Decision;
  /** Every journal line this beat wrote. */
  readonly journal: readonly string[];
  readonly commit?: { readonly sha: string | undefined; readonly attempts: number };
  readonly lastDecidedAt?: string;
  readonly problems: readonly string[];
}

/** A failed decision waits 5 minutes, then twice as long after each further failure, up to 6 hours. */
export function backoffUntil(failures: NonNullable<Memory['failures']>): Date {
  const minutes = Math.min(5 * 2 ** (failures.count - 1), 360);
  return new Date(Date.parse(failures.lastAt) + minutes * 60_000);
}

/** Comments are read again from a little before this beat, for clocks that disagree. */
const CLOCK_SKEW_MS = 2 * 60_000;

/** One beat: load, sense, reconcile asks, decide (only on change), act, record, and say what happened. */
export async function runBeat(ports: BeatPorts, options: BeatOptions): Promise<BeatReport> {
  const at = ports.now();
  const loaded = await ports.store.load();
  const readings = await sense(loaded.sensors, ports.runSensor, options.sensorTimeoutMs);
  const holds = holdsOf(readings);
  const actContext = { allow: options.allow, holds, runCommand: ports.runCommand, beat: options.beat };
  const asking = askContext(ports, options, at, actContext);
  const tended: Tended = asking === undefined ? { state: loaded, files: {}, journal: [] } : await tendAsks(loaded, asking);
  // An approved command's output is shown to this beat's decision, like an allowed one's to the next.
  const state = tended.lastRun === undefined ? tended.state : { ...tended.state, memory: { ...tended.state.memory, lastRun: tended.lastRun } };
  const print = fingerprint({ state, readings });
  const memory = asking === undefined || tended.reread === true || !state.asks.some(({ ask }) => ask.status === 'pending')
    ? state.memory
    : { ...state.memory, asksCheckedAt: new Date(at.getTime() - CLOCK_SKEW_MS).toISOString() };
  const base = {
    beat: options.beat,
    at,
    seeded: ports.store.seeded,
    dryRun: options.dryRun,
    readings,
    changedSignals: changedSignals(readings, state.snapshots),
    changed: state.memory.decided?.fingerprint !== print,
    holds,
    ...(state.memory.decided === undefined ? {} : { lastDecidedAt: state.memory.decided.at }),
    problems: state.problems,
  };
  const skip = whyNotDecide(base.changed, state.memory, options.note, at);
  if (skip !== undefined) {
    const housekeeping = tended.journal.length > 0 || Object.keys(tended.files).length > 0;
    const record: BeatRecord = { files: { ...tended.files, [MEMORY_FILE]: formatMemory(memory) }, journal: tended.journal, message: `looop: beat ${options.beat}: asks` };
    const commit = housekeeping ? await ports.store.commit(record) : undefined;
    return { ...base, asks: asksOf(state), decision: { kind: 'skipped', why: skip }, journal: tended.journal, ...(commit === undefined ? {} : { commit }) };
  }

  const prompt = buildPrompt({ state, readings, changed: base.changedSignals, beat: options.beat, now: at, holds, ...noteOf(options) });
  const result = await decide(prompt, state.budget, {
    decider: ports.decider,
    limits: options.limits,
    prices: options.prices,
    model: options.model,
    escalationModel: options.escalationModel,
    beat: options.beat,
    at,
  });
  if (result.kind === 'stopped') return budgetStopped(ports, options, base, { state, memory, tended, at }, result.why);
  const decision = result.decided;
  if (options.dryRun) return { ...base, asks: asksOf(state), decision, journal: [] };

  const spent = { ...runFiles(options.beat, result.launches, state.runs), ...chargeRecord(result.launches, at) };
  const escalated = result.launches.length > 1 ? [escalationLine(options, at, result.launches[0], options.escalationModel)] : [];
  if (decision.kind !== 'move') {
    const record = failureRecord(options, at, memory, decision, { ...tended, files: { ...tended.files, ...spent }, journal: [...tended.journal, ...escalated] });
    return { ...base, asks: asksOf(state), decision, journal: record.journal, commit: await ports.store.commit(record) };
  }
  const acted = await act(decision.move, { ...actContext, state });
  const { outcome, after, askFile } = await askIfGated(acted, decision.move, state, holds, asking);
  const record = moveRecord({ options, at, memory, readings, decision, outcome, tended: { ...tended, files: { ...tended.files, ...spent, ...askFile }, journal: [...tended.journal, ...escalated] }, after });
  return { ...base, asks: asksOf(after), decision: { ...decision, outcome }, journal: record.journal, commit: await ports.store.commit(record) };
}

function askContext(ports: BeatPorts, options: BeatOptions, at: Date, act: AskContext['act']): AskContext | undefined {
  if (ports.github === undefined || options.dryRun) return undefined;
  return {
    github: ports.github,
    store: ports.store,
    beat: options.beat,
    runId: options.runId,
    runUrl: options.runUrl,
    at,
    now: ports.now,
    approvers: options.approvers,
    commandTimeoutMs: options.commandTimeoutMs,
    act,
  };
}

function asksOf(state: LoadedState): Ask[] {
  return state.asks.map(({ ask }) => ask);
}

/** Without a GitHub token and repository there is nobody to ask: the move is refused. */
function cannotAsk(outcome: Outcome): Outcome {
  return { outcome: 'refused', summary: `${outcome.summary}; no GitHub token and repository to ask through, so nothing was done`, files: {} };
}

async function askIfGated(
  outcome: Outcome,
  move: Move,
  state: LoadedState,
  holds: readonly string[],
  context: AskContext | undefined,
): Promise<{ outcome: Outcome; after: LoadedState; askFile?: Record<string, FileWrite> }> {
  if (outcome.ask === undefined) return { outcome, after: afterWrites(state, outcome.files) };
  if (context === undefined) return { outcome: cannotAsk(outcome), after: state };
  const { ask, opened } = await openAsk(state, outcome.ask, move.reason, holds, context);
  const where = ask.issue === undefined ? '' : ` in #${ask.issue}`;
  const summary = opened ? `asked${where} (ask ${ask.id}): ${outcome.summary}` : `already asked${where} (ask ${ask.id}): ${outcome.summary}`;
  const asked: Outcome = { outcome: 'asked', summary, files: {} };
  if (!opened) return { outcome: asked, after: state };
  const path = `asks/${ask.id}.md`;
  // Written against the claim this beat pushed: an answer that landed meanwhile is kept.
  return { outcome: asked, after: afterWrites(state, { [path]: formatAsk(ask) }), askFile: { [path]: askWrite(ask, formatAsk({ ...ask, issue: undefined })) } };
}

function escalationLine(options: BeatOptions, at: Date, first: Launch | undefined, model: string | undefined): string {
  const reason = first?.decided.kind === 'move' ? first.decided.move.reason : '';
  return formatJournalLine({ at, beat: options.beat, move: 'escalate', summary: `escalated to ${model ?? '?'}: ${reason}`, outcome: 'ok', ...reportedCost(first?.run.result) });
}

interface Held {
  readonly state: LoadedState;
  readonly memory: Memory;
  readonly tended: Tended;
  readonly at: Date;
}

/**
 * Past the budget the beat still senses and reconciles, but does not decide; the first such
 * beat of the day says so in the journal, the rest only in their summaries.
 */
async function budgetStopped(ports: BeatPorts, options: BeatOptions, base: Omit<BeatReport, 'asks' | 'decision' | 'journal'>, held: Held, why: string): Promise<BeatReport> {
  const day = dayOf(held.at);
  const first = held.memory.budgetHeld !== day && !options.dryRun;
  const journal = [...held.tended.journal, ...(first ? [formatJournalLine({ at: held.at, beat: options.beat, move: 'decide', summary: `no decision: ${why}`, outcome: 'held' })] : [])];
  const files = { ...held.tended.files, ...(first ? { [MEMORY_FILE]: formatMemory({ ...held.memory, budgetHeld: day }) } : {}) };
  const commit = Object.keys(files).length > 0 || journal.length > 0 ? await ports.store.commit({ files, journal, message: `looop: beat ${options.beat}: budget spent` }) : undefined;
  return { ...base, asks: asksOf(held.state), decision: { kind: 'skipped', why: `budget: ${why}` }, journal, ...(commit === undefined ? {} : { commit }) };
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

function reportedCost(run: RunnerResult | undefined): { costUsd?: number } {
  // Only a cost the runner reported: one from tokens × prices is in budget.json.
  return run?.costUsd === undefined ? {} : { costUsd: run.costUsd };
}

/** A failed decision is recorded, shown in the next prompt, and backed off from. */
function failureRecord(options: BeatOptions, at: Date, memory: Memory, decision: Extract<Decision, { kind: 'failed' }>, tended: Pick<Tended, 'files' | 'journal'>): BeatRecord {
  const failures = { count: (memory.failures?.count ?? 0) + 1, lastAt: utcTime(at), lastError: decision.error };
  return {
    files: { ...tended.files, [MEMORY_FILE]: formatMemory({ ...memory, failures }) },
    journal: [...tended.journal, formatJournalLine({ at, beat: options.beat, move: 'decide', summary: decision.error, outcome: 'failed', ...reportedCost(decision.run) })],
    message: `looop: beat ${options.beat}: decide failed`,
  };
}

interface MoveRecordInputs {
  readonly options: BeatOptions;
  readonly at: Date;
  readonly memory: Memory;
  readonly readings: readonly Reading[];
  readonly decision: Extract<Decision, { kind: 'move' }>;
  readonly outcome: Outcome;
  readonly tended: Pick<Tended, 'files' | 'journal'>;
  /** The state once this beat's writes are in. */
  readonly after: LoadedState;
}

function moveRecord({ options, at, memory, readings, decision, outcome, tended, after }: MoveRecordInputs): BeatRecord {
  // The world's fingerprint as the next beat will read it, so the loop's own writes do not
  // wake it again; only what people and sensors change does.
  const next: Memory = {
    decided: { beat: options.beat, at: utcTime(at), fingerprint: fingerprint({ state: after, readings }) },
    ...(memory.asksCheckedAt === undefined ? {} : { asksCheckedAt: memory.asksCheckedAt }),
    ...(outcome.lastRun === undefined ? {} : { lastRun: outcome.lastRun }),
  };
  const snapshots = Object.fromEntries(
    readings.map((r) => [`snapshots/${r.name}.json`, `${JSON.stringify({ signal: r.signal, detail: r.detail, at: utcTime(at) }, null, 2)}\n`]),
  );
  return {
    files: { ...tended.files, ...snapshots, ...outcome.files, [MEMORY_FILE]: formatMemory(next) },
    ...(outcome.executable === undefined ? {} : { executable: outcome.executable }),
    journal: [...tended.journal, formatJournalLine({ at, beat: options.beat, move: decision.move.type, summary: outcome.summary, outcome: outcome.outcome, ...reportedCost(decision.run) })],
    message: `looop: beat ${options.beat}: ${describeMove(decision.move)}`,
  };
}
