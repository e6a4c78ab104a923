import { askPath, formatSnapshot, snapshotPath } from '../state/layout.ts';
import { act, type ActContext, type Outcome } from './act.ts';
import { merged, record } from './record.ts';
import { RESOURCES, senseResources } from '../resources/index.ts';
import type { ResourceContext } from '../resources/resource.ts';
import { formatAsk, type Ask } from '../resources/asks/model.ts';
import { BUDGET_FILE, BudgetSpentError, dayOf, reserve, type Charge, type Limits } from '../state/budget.ts';
import { canonicalJson } from '../text/canonical.ts';
import { chargeRecord, decide, runFiles, type Launch } from './decide.ts';
import { configurationError, isConfiguration, pausing, type Failure, type FailureKind } from '../resources/failures/model.ts';
import { holdIn, holdsOf } from '../moves/gate.ts';
import { formatJournalLine, utcTime } from '../state/journal.ts';
import { describeMove, type Move } from '../moves/schema.ts';
import type { BeatPorts } from './ports.ts';
import { buildPrompt } from '../prompt/build.ts';
import { openAsk, type AskContext, type Tended } from '../resources/asks/reconcile.ts';
import { nextFailures, pauseOnFailure, resolveFailures } from '../resources/failures/reconcile.ts';
import type { RunnerResult } from '../runners/result.ts';
import type { Settings } from '../settings.ts';
import { sense, type Reading } from './sense.ts';
import { workerActions } from '../resources/workers/act.ts';
import type { WorkerActions } from './act.ts';
import { withWorkers } from '../resources/workers/state.ts';
import type { Worker } from '../resources/workers/model.ts';
import { MEMORY_FILE, type Memory } from '../state/memory.ts';
import type { LoadedState } from '../state/read.ts';
import { mergeFiles, type BeatRecord, type FileWrite } from '../state/record.ts';
import { heldCommands, memoryWrite, recoverRunning } from './commands.ts';
import { afterWrites, changedSignals, fingerprint } from './world.ts';

export type { BeatPorts, Store } from './ports.ts';

export interface BeatOptions {
  readonly beat: string;
  /** The workflow run, so a claim can be checked for life later. */
  readonly runId?: string;
  readonly runUrl?: string;
  /** The repository's page, for links to issues. */
  readonly repositoryUrl?: string;
  /** Which runner decides, for the fix a failure issue and a configuration error name. */
  readonly runner: Settings['runner'];
  /** Where a person reads an ask file whole, on the state branch. */
  readonly askFileUrl?: (id: string) => string;
  readonly model: string | undefined;
  readonly escalationModel?: string;
  readonly limits: Limits;
  readonly prices: Settings['prices'];
  readonly allow: readonly string[];
  readonly approvers: readonly string[];
  readonly sensorTimeoutMs: number;
  readonly commandTimeoutMs: number;
  /** Workers' policy (inputs worker-workflow, max-workers, worker-budget-usd); absent: workers are off. */
  readonly workers?: { readonly workflow: string; readonly max: number; readonly budgetUsd: number | undefined };
  /** Tokens the decision's prompt may take (input prompt-budget). */
  readonly promptBudget?: number;
  readonly dryRun: boolean;
  /** A note a person gave with a manual beat: it asks for a decision even when nothing changed. */
  readonly note?: string;
}

export type Decision =
  | { readonly kind: 'skipped'; readonly why: string }
  | { readonly kind: 'failed'; readonly error: string; readonly failure: FailureKind; readonly run?: RunnerResult }
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
  /** Workers as they stand after this beat. */
  readonly workers?: readonly Worker[];
  readonly decision: Decision;
  /** Every journal line this beat wrote. */
  readonly journal: readonly string[];
  readonly commit?: { readonly sha: string | undefined; readonly attempts: number };
  readonly lastDecidedAt?: string;
  readonly problems: readonly string[];
  /** What the workflow should fix, shown as warning annotations. */
  readonly warnings?: readonly string[];
  /** Decisions wait for a person: the failure issue that says why. */
  readonly paused?: Paused;
  /** A configuration error: what to change in the workflow; the step fails with it, after the record is pushed. */
  readonly configurationError?: string;
  /** Claims of other beats the resources left alone, and when they are settled. */
  readonly lookAgain?: readonly LookAgain[];
  /** What gave way so that the decision's prompt fit its budget. */
  readonly promptLeftOut?: readonly string[];
}

/** A resource left another beat's claim alone: by this time it is settled, and a beat looks again. */
export interface LookAgain {
  readonly resource: string;
  readonly at: string;
}

export interface Paused {
  readonly kind: FailureKind;
  readonly issue?: number;
  readonly url?: string;
}

/** A move needed a person, and there was no way to ask one. */
export const CANNOT_ASK = 'a move needed a person, but there is no GitHub token and repository to open an ask with, so it was refused: keep input github-token at its default (${{ github.token }}) and grant "permissions: issues: write"';

/** Pending asks without an issue, in a beat that has no way to open one: nobody hears of them. */
export function cannotTell(count: number): string {
  return `${count} pending ask(s) on the state branch have no issue, and there is no GitHub token and repository to open one with, so nobody is asked: keep input github-token at its default (\${{ github.token }}) and grant "permissions: issues: write"`;
}

/**
 * A failed decision waits 5 minutes, then twice as long after each further failure, up to 6
 * hours; after a person resumed decisions (a streak of 0) it waits for nothing.
 */
export function backoffUntil(failures: NonNullable<Memory['failures']>): Date {
  if (failures.streak === 0) return new Date(Date.parse(failures.lastAt));
  const minutes = Math.min(5 * 2 ** (failures.count - 1), 360);
  return new Date(Date.parse(failures.lastAt) + minutes * 60_000);
}

type Base = Omit<BeatReport, 'asks' | 'decision' | 'journal'>;

/** One beat, in the spec's order: load, sense, reconcile, compare, decide, act, record, report. */
export async function runBeat(ports: BeatPorts, options: BeatOptions): Promise<BeatReport> {
  const at = ports.now();
  // Sensors start before the rest of the state is read, and run while it is.
  const scripts = ports.store.sensorScripts?.();
  const sensing = scripts === undefined ? undefined : sense(scripts, ports.runSensor, options.sensorTimeoutMs);
  const loaded = await ports.store.load();
  const readings = await (sensing ?? sense(loaded.sensors, ports.runSensor, options.sensorTimeoutMs));
  const world = await reconcile(ports, options, loaded, readings, at);
  const compared = compare(world, ports, options);
  if (compared.skip !== undefined) return recordUndecided(ports, options, world, { ...compared.base, ...(compared.paused === undefined ? {} : { paused: compared.paused }) }, compared.skip);
  const state = world.state.journalTail === undefined && ports.store.journalTail !== undefined ? { ...world.state, journalTail: await ports.store.journalTail() } : world.state;
  const prompt = buildPrompt({ state, readings, virtual: senseResources(world.state), changed: compared.base.changedSignals, beat: options.beat, now: at, holds: world.holds.reasons, ...noteOf(options), ...(options.promptBudget === undefined ? {} : { budget: options.promptBudget }) });
  const base: Base = prompt.leftOut.length === 0 ? compared.base : { ...compared.base, promptLeftOut: prompt.leftOut };
  const result = await decide(prompt.text, world.state.budget, {
    decider: ports.decider,
    limits: options.limits,
    prices: options.prices,
    model: options.model,
    escalationModel: options.escalationModel,
    beat: options.beat,
    at,
    reserve: (pending) => reserveCharge(ports, options, pending, at),
  });
  if (result.kind === 'stopped') return budgetStopped(ports, options, base, { ...world, tended: world.tended }, result.why);
  // A dry run is how a person tries the setup: a configuration error fails it too.
  if (options.dryRun) return { ...base, ...configurationOf(result.decided, options), ...standing(world.state), decision: result.decided, journal: [] };
  const spent = spending(world, options, result.launches);
  if (result.decided.kind !== 'move') return decideFailed({ ports, options, ...world, decision: result.decided, tended: spent, base: base });
  return actAndRecord(ports, options, world, { base }, { ...result.decided, tended: spent });
}

/** What the beat knows once every resource is reconciled: the state as it now stands, and what the record must say of it. */
interface World {
  readonly at: Date;
  readonly loaded: LoadedState;
  readonly readings: readonly Reading[];
  readonly holds: ReturnType<typeof holdsOf>;
  /** The state with every resource as it now stands (and an approved command's output, for this decision). */
  readonly state: LoadedState;
  readonly memory: Memory;
  /** What reconciling wrote and journaled so far, for the record. */
  readonly tended: Tended;
  readonly remember: (memory: Memory) => FileWrite;
  readonly actContext: Omit<ActContext, 'state'>;
  /** Absent without GitHub (a local run) and in a dry run: then no resource is reconciled. */
  readonly context: ResourceContext | undefined;
  readonly lookAgain: readonly LookAgain[];
}

/**
 * The reconcile step, level-triggered: the commands beats claimed (a dead beat's claim settled),
 * then each resource (asks, failures) against GitHub, whatever event started the beat.
 */
async function reconcile(ports: BeatPorts, options: BeatOptions, loaded: LoadedState, readings: readonly Reading[], at: Date): Promise<World> {
  const holds = holdsOf(readings, standingHolds(loaded));
  const check = { ...(ports.github === undefined ? {} : { github: ports.github }), beat: options.beat, runId: options.runId, at, commandTimeoutMs: options.commandTimeoutMs };
  const recovered = await recoverRunning(loaded.memory, check);
  const remember = (memory: Memory): FileWrite => memoryWrite(memory, recovered.settled);
  const actContext = { allow: options.allow, holds: holds.reasons, interrupted: heldCommands(recovered.memory), runCommand: ports.runCommand, beat: options.beat, ...workersOf(ports, options) };
  const context = resourceContext(ports, options, at, actContext);
  let state: LoadedState = { ...loaded, memory: recovered.memory };
  let draft = merged({ files: {}, journal: linkNotice(loaded, options, at) }, { files: {}, journal: recovered.journal });
  const remembered: ((memory: Memory) => Memory)[] = [];
  const lookAgain: LookAgain[] = [];
  if (context !== undefined) {
    for (const resource of RESOURCES) {
      const reconciled = await resource.reconcile(state, context);
      state = reconciled.state;
      draft = merged(draft, reconciled.draft);
      if (reconciled.remember !== undefined) remembered.push(reconciled.remember);
      if (reconciled.lookAgainAt !== undefined) lookAgain.push({ resource: resource.name, at: reconciled.lookAgainAt.toISOString() });
    }
  }
  const memory = remembered.reduce((m, change) => change(m), baseMemory(state, holds.standing));
  const tended: Tended = { state, files: { ...draft.files }, journal: [...draft.journal] };
  return { at, loaded, readings, holds, state, memory, tended, remember, actContext, context, lookAgain };
}

/** The compare step: the world's fingerprint against the last decision's, and why not to decide now. */
function compare(world: World, ports: BeatPorts, options: BeatOptions): { base: Base; paused: Paused | undefined; skip: string | undefined } {
  const { state, readings, at } = world;
  const print = fingerprint({ state, readings, virtual: senseResources(state) });
  const paused = pausedBy(pausing(state.failures), options);
  const untold = world.context === undefined && !options.dryRun ? state.asks.filter(({ ask }) => ask.status === 'pending' && ask.issue === undefined).length : 0;
  const base: Base = {
    beat: options.beat,
    at,
    seeded: ports.store.seeded,
    dryRun: options.dryRun,
    readings,
    changedSignals: changedSignals(readings, state.snapshots),
    changed: state.memory.decided?.fingerprint !== print,
    holds: world.holds.reasons,
    ...(state.memory.decided === undefined ? {} : { lastDecidedAt: state.memory.decided.at }),
    problems: state.problems,
    ...(untold > 0 ? { warnings: [cannotTell(untold)] } : {}),
    ...(world.lookAgain.length === 0 ? {} : { lookAgain: world.lookAgain }),
  };
  return { base, paused, skip: whyNotDecide(base.changed, world.memory, options.note, at, paused) };
}

/** No decision this beat: what reconciling changed is recorded, when it changed anything worth a commit. */
async function recordUndecided(ports: BeatPorts, options: BeatOptions, world: World, base: Base, why: string): Promise<BeatReport> {
  const { tended, memory } = world;
  const housekeeping = tended.journal.length > 0 || Object.keys(tended.files).length > 0 || remembersOther(memory, world.loaded.memory);
  const draft = { files: { ...tended.files, [MEMORY_FILE]: world.remember(memory) }, journal: tended.journal };
  const commit = housekeeping && !options.dryRun ? await record(ports.store, draft, `looop: beat ${options.beat}: asks`) : undefined;
  return { ...base, ...standing(world.state), decision: { kind: 'skipped', why }, journal: tended.journal, ...(commit === undefined ? {} : { commit }) };
}

/** What deciding spent, for the record: the runs kept under runs/, the charge, the escalation. */
function spending(world: World, options: BeatOptions, launches: readonly Launch[]): Tended {
  const spent = { ...runFiles(options.beat, launches, world.state.keptDecisions), ...chargeRecord(launches, world.at) };
  const escalated = launches.length > 1 ? [escalationLine(options, world.at, launches[0], options.escalationModel)] : [];
  return { ...world.tended, files: mergeFiles(world.tended.files, spent), journal: [...world.tended.journal, ...escalated] };
}

/**
 * The act and record steps of a good decision: failure issues resolved, the move acted on (a
 * command claimed on the branch before it runs, a gated move asked), and one record.
 */
async function actAndRecord(ports: BeatPorts, options: BeatOptions, world: World, compared: { base: Base }, decided: Extract<Decision, { kind: 'move' }> & { tended: Tended }): Promise<BeatReport> {
  const { at, memory, readings, state, remember, context } = world;
  const { tended, ...decision } = decided;
  const resolved = context === undefined ? undefined : await resolveFailures(state.failures, context);
  const withResolved = resolved === undefined ? tended : { ...tended, files: { ...tended.files, ...resolved.files }, journal: [...tended.journal, ...resolved.journal] };
  const inputs = { options, at, memory, readings, decision, tended: withResolved, remember };
  const claimCommand = async (command: string): Promise<void> => {
    // The decision and its claim on the command land before the command runs: a beat killed
    // while it runs leaves a claim the next beat finds, and the command is never run again by itself.
    const running = { beat: options.beat, ...(options.runId === undefined ? {} : { runId: options.runId }), command, at: ports.now().toISOString() };
    const claiming = { ...memory, running: [...(memory.running ?? []), running] };
    const claimed = moveRecord({ ...inputs, memory: claiming, outcome: { outcome: 'running', summary: '', files: {} }, after: state });
    await record(ports.store, { files: claimed.files, journal: [] }, `looop: beat ${options.beat}: running \`${command.slice(0, 200)}\``);
  };
  const acted = await act(decision.move, { ...world.actContext, state, claimCommand });
  const { outcome, after, askFile, journal } = await askIfGated(acted, decision.move, state, world.holds.reasons, context);
  const final = moveRecord({ ...inputs, outcome, tended: { ...withResolved, files: { ...withResolved.files, ...askFile }, journal: [...withResolved.journal, ...journal] }, after });
  const warnings = [...(compared.base.warnings ?? []), ...(acted.ask !== undefined && context === undefined ? [CANNOT_ASK] : [])];
  return { ...compared.base, ...standing(after), decision: { ...decision, outcome }, journal: final.journal, commit: await record(ports.store, final, final.message), warnings };
}

/** The holds that stood at the last beat; when beat.json cannot say, the last snapshots do, so a guard still fails closed. */
function standingHolds(state: LoadedState): Readonly<Record<string, string>> {
  if (state.memory.holds !== undefined && !state.memoryDamaged) return state.memory.holds;
  const fromSnapshots = Object.entries(state.snapshots).flatMap(([name, snapshot]) => {
    const why = holdIn(snapshot.signal);
    return why === undefined ? [] : [[name, why] as const];
  });
  return { ...Object.fromEntries(fromSnapshots), ...state.memory.holds };
}

/** What this beat's record remembers, whatever else it writes: the holds that stand, the links it reported. */
function baseMemory(state: LoadedState, standing: Readonly<Record<string, string>>): Memory {
  const rest: Memory = { ...state.memory };
  delete rest.holds;
  delete rest.links;
  const held = Object.keys(standing).length > 0 ? { holds: { ...standing } } : {};
  const linked = state.links.length > 0 ? { links: [...state.links] } : {};
  return { ...rest, ...held, ...linked };
}

/** Symbolic links a steering change put on the branch are journaled when they appear or change; the summary lists them every beat. */
function linkNotice(state: LoadedState, options: BeatOptions, at: Date): string[] {
  if (canonicalJson(state.links) === canonicalJson(state.memory.links ?? [])) return [];
  const summary = state.links.length === 0 ? 'no symbolic links are left on the state branch' : `the state branch holds symbolic links, which the loop never reads or writes through: ${state.links.join(', ')}`;
  return [formatJournalLine({ at, beat: options.beat, move: 'state', summary, outcome: state.links.length === 0 ? 'ok' : 'refused' })];
}

/** Whether two memories differ in more than the comment window (which alone is not worth a commit). */
function remembersOther(a: Memory, b: Memory): boolean {
  return canonicalJson({ ...a, asksCheckedAt: undefined }) !== canonicalJson({ ...b, asksCheckedAt: undefined });
}

/** Charges a decision on the branch before it is launched; says why not when the budget is spent there. */
async function reserveCharge(ports: BeatPorts, options: BeatOptions, pending: Charge, at: Date): Promise<string | undefined> {
  if (options.dryRun) return undefined;
  try {
    await record(ports.store, { files: { [BUDGET_FILE]: reserve(pending, options.limits, at) }, journal: [] }, `looop: beat ${options.beat}: charge decision ${pending.id}`);
    return undefined;
  } catch (error) {
    if (error instanceof BudgetSpentError) return error.message;
    throw error;
  }
}

/** Spawning and killing workers need GitHub, and nothing of a dry run is done. */
function workersOf(ports: BeatPorts, options: BeatOptions): { workers?: WorkerActions } {
  if (ports.github === undefined || options.dryRun || options.workers === undefined) return {};
  const policy = options.workers;
  return { workers: workerActions({ github: ports.github, store: ports.store, beat: options.beat, now: ports.now, workflow: policy.workflow, maxWorkers: policy.max, budgetUsd: policy.budgetUsd, limits: options.limits, allow: options.allow }) };
}

function resourceContext(ports: BeatPorts, options: BeatOptions, at: Date, act: ResourceContext['act']): ResourceContext | undefined {
  if (ports.github === undefined || options.dryRun) return undefined;
  return {
    github: ports.github,
    store: ports.store,
    beat: options.beat,
    runId: options.runId,
    runUrl: options.runUrl,
    repositoryUrl: options.repositoryUrl,
    askFileUrl: options.askFileUrl,
    at,
    now: ports.now,
    approvers: options.approvers,
    commandTimeoutMs: options.commandTimeoutMs,
    act,
    fix: { runner: options.runner, model: options.model },
    ...(options.workers === undefined ? {} : { workers: { workflow: options.workers.workflow, budgetUsd: options.workers.budgetUsd, limits: options.limits } }),
  };
}

/** The asks and workers as they stand after this beat, for the report. */
function standing(state: LoadedState): { asks: Ask[]; workers: Worker[] } {
  return { asks: state.asks.map(({ ask }) => ask), workers: state.workers.map(({ worker }) => worker) };
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
): Promise<{ outcome: Outcome; after: LoadedState; askFile?: Record<string, FileWrite>; journal: readonly string[] }> {
  if (outcome.ask === undefined) return { outcome, after: withWorkers(afterWrites(state, outcome.files), outcome.workers ?? []), journal: [] };
  if (context === undefined) return { outcome: cannotAsk(outcome), after: state, journal: [] };
  const { ask, opened, file, journal } = await openAsk(state, outcome.ask, move.reason, holds, context);
  const where = ask.issue === undefined ? '' : ` in #${ask.issue}`;
  const summary = opened ? `asked${where} (ask ${ask.id}): ${outcome.summary}` : `already asked${where} (ask ${ask.id}): ${outcome.summary}`;
  const asked: Outcome = { outcome: 'asked', summary, files: {} };
  if (!opened || file === undefined) return { outcome: asked, after: state, journal };
  const path = askPath(ask.id);
  return { outcome: asked, after: afterWrites(state, { [path]: formatAsk(ask) }), askFile: { [path]: file }, journal };
}

function escalationLine(options: BeatOptions, at: Date, first: Launch | undefined, model: string | undefined): string {
  const reason = first?.decided.kind === 'move' ? first.decided.move.reason : '';
  return formatJournalLine({ at, beat: options.beat, move: 'escalate', summary: `escalated to ${model ?? '?'}: ${reason}`, outcome: 'ok', ...reportedCost(first?.run.result) });
}

/** What a beat the budget stopped still records. */
interface BudgetStop {
  readonly state: LoadedState;
  readonly memory: Memory;
  readonly tended: Tended;
  readonly at: Date;
  readonly remember: (memory: Memory) => FileWrite;
}

/**
 * Past the budget the beat still senses and reconciles, but does not decide; the first such
 * beat of the day says so in the journal, the rest only in their summaries.
 */
async function budgetStopped(ports: BeatPorts, options: BeatOptions, base: Base, stop: BudgetStop, why: string): Promise<BeatReport> {
  const day = dayOf(stop.at);
  const first = stop.memory.budgetStoppedOn !== day && !options.dryRun;
  const journal = [...stop.tended.journal, ...(first ? [formatJournalLine({ at: stop.at, beat: options.beat, move: 'decide', summary: `no decision: ${why}`, outcome: 'budget spent' })] : [])];
  const files = { ...stop.tended.files, [MEMORY_FILE]: stop.remember({ ...stop.memory, ...(first ? { budgetStoppedOn: day } : {}) }) };
  const worth = first || journal.length > 0 || Object.keys(stop.tended.files).length > 0 || remembersOther(stop.memory, stop.state.memory);
  const commit = worth && !options.dryRun ? await record(ports.store, { files, journal }, `looop: beat ${options.beat}: budget spent`) : undefined;
  return { ...base, ...standing(stop.state), decision: { kind: 'skipped', why: `budget: ${why}` }, journal, ...(commit === undefined ? {} : { commit }) };
}

function noteOf(options: BeatOptions): { note?: string } {
  return options.note === undefined ? {} : { note: options.note };
}

function whyNotDecide(changed: boolean, memory: Memory, note: string | undefined, at: Date, paused: Paused | undefined): string | undefined {
  // A note comes from a person who may run the workflow: it asks for one decision, paused or not.
  if (paused !== undefined && note === undefined) {
    return `decisions are paused: they failed (${paused.kind}) until ${paused.issue === undefined ? 'a failure issue is opened' : `a person resumes them on #${paused.issue}`}; comment /resume there once it is fixed, change the PLAYBOOK or a goal, or run the workflow with a note`;
  }
  const due = changed || note !== undefined || memory.lastCommand !== undefined || memory.failures !== undefined;
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

interface FailedInputs {
  readonly ports: BeatPorts;
  readonly options: BeatOptions;
  readonly at: Date;
  readonly memory: Memory;
  readonly decision: Extract<Decision, { kind: 'failed' }>;
  readonly tended: Pick<Tended, 'files' | 'journal'>;
  readonly remember: (memory: Memory) => FileWrite;
  readonly state: LoadedState;
  readonly context: ResourceContext | undefined;
  readonly base: Base;
}

/**
 * A failed decision is recorded, shown in the next prompt, and backed off from; repeated, it
 * pauses decisions on a failure issue. A configuration error also fails the step, once its
 * record is pushed.
 */
async function decideFailed({ ports, options, at, memory, decision, tended, remember, state, context, base }: FailedInputs): Promise<BeatReport> {
  const beat = { beat: options.beat, at: at.toISOString(), ...(options.runUrl === undefined ? {} : { url: options.runUrl }) };
  const failures = nextFailures(memory, { kind: decision.failure, error: decision.error, beat });
  const paused = context === undefined ? { failures: state.failures, files: {}, journal: [] } : await pauseOnFailure(state, failures, decision.failure, context);
  const failedRecord: BeatRecord = {
    files: { ...tended.files, ...paused.files, [MEMORY_FILE]: remember({ ...memory, failures: { ...failures, lastAt: utcTime(at) } }) },
    journal: [...tended.journal, formatJournalLine({ at, beat: options.beat, move: 'decide', summary: decision.error, outcome: 'failed', ...reportedCost(decision.run) }), ...paused.journal],
    message: `looop: beat ${options.beat}: decide failed`,
  };
  const pause = pausedBy(pausing(paused.failures), options);
  return { ...base, ...(pause === undefined ? {} : { paused: pause }), ...configurationOf(decision, options), ...standing(state), decision, journal: failedRecord.journal, commit: await record(ports.store, failedRecord, failedRecord.message) };
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
  readonly remember: (memory: Memory) => FileWrite;
}

function moveRecord({ options, at, memory, readings, decision, outcome, tended, after, remember }: MoveRecordInputs): BeatRecord {
  // The world's fingerprint as the next beat will read it, so the loop's own writes do not
  // wake it again; only what people and sensors change does.
  // A good decision ends failures, the budget notice, a claim and the last command's output.
  const next: Memory = { ...memory, decided: { beat: options.beat, at: utcTime(at), fingerprint: fingerprint({ state: after, readings, virtual: senseResources(after) }) } };
  delete next.failures;
  delete next.budgetStoppedOn;
  delete next.lastCommand;
  if (outcome.lastCommand !== undefined) next.lastCommand = outcome.lastCommand;
  const snapshots = Object.fromEntries(
    readings.map((r) => [snapshotPath(r.name), formatSnapshot(r, utcTime(at))]),
  );
  return {
    files: { ...mergeFiles({ ...tended.files, ...snapshots, ...outcome.files }, outcome.writes ?? {}), [MEMORY_FILE]: remember(next) },
    ...(outcome.executable === undefined ? {} : { executable: outcome.executable }),
    journal: [...tended.journal, formatJournalLine({ at, beat: options.beat, move: decision.move.type, summary: outcome.summary, outcome: outcome.outcome, ...reportedCost(decision.run) })],
    message: `looop: beat ${options.beat}: ${describeMove(decision.move)}`,
  };
}

function pausedBy(failure: Failure | undefined, options: BeatOptions): Paused | undefined {
  if (failure === undefined) return undefined;
  const issue = failure.issue;
  return { kind: failure.kind, ...(issue === undefined ? {} : { issue, ...(options.repositoryUrl === undefined ? {} : { url: `${options.repositoryUrl}/issues/${issue}` }) }) };
}

function configurationOf(decision: Decision, options: BeatOptions): { configurationError?: string } {
  if (decision.kind !== 'failed' || !isConfiguration(decision.failure)) return {};
  return { configurationError: configurationError(decision.failure, { runner: options.runner, model: options.model, beat: options.beat }) };
}
