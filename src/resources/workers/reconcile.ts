import { BUDGET_FILE, BudgetSpentError, reserveWorker, workerChargeId } from '../../state/budget.ts';
import { formatJournalLine } from '../../state/journal.ts';
import { ClaimLostError, type FileWrite } from '../../state/record.ts';
import type { LoadedState, LoadedWorker } from '../../state/read.ts';
import type { WorkflowRunInfo } from '../../beat/github.ts';
import { formatWorker, workerPath, workerWrite, type Worker } from './model.ts';
import { earliestSince, runOf, WORKER_INPUT } from './runs.ts';
import { unspent, type WorkerActContext } from './act.ts';

/** A dispatch that started no run in this long is taken as lost (GitHub starts one within seconds). */
export const NO_RUN_MS = 30 * 60_000;

export type WorkerContext = Omit<WorkerActContext, 'allow' | 'maxWorkers'> & {
  readonly at: Date;
  /** Why guards hold the loop: a worker's work changes the repository, so an answered worker waits while they stand. */
  readonly holds: readonly string[];
};

export interface TendedWorkers {
  readonly state: LoadedState;
  readonly files: Record<string, FileWrite>;
  readonly journal: string[];
  /** A dispatched worker whose run is not seen yet is looked at again by then. */
  readonly lookAgainAt?: Date;
}

/**
 * Every live worker against GitHub: a run that ended without its worker reporting is recorded
 * dead with the run's conclusion; a dispatch that never started a run, dead after a while; a
 * waiting worker whose question was answered is dispatched again, a round on, on its branch.
 */
export async function tendWorkers(state: LoadedState, context: WorkerContext): Promise<TendedWorkers> {
  const out = { files: {} as Record<string, FileWrite>, journal: [] as string[], changed: new Map<string, Worker>() };
  const watched = state.workers.filter(({ worker }) => worker.status === 'dispatched' || worker.status === 'running');
  const from = earliestSince(watched.map(({ worker }) => worker));
  const runs = from === undefined ? [] : await context.github.workflowRuns(context.workflow, from);
  let lookAgain: number | undefined;
  const neverRan: Worker[] = [];
  for (const loaded of watched) {
    const verdict = await deadOrAlive(loaded.worker, runs, context);
    if (verdict.dead !== undefined) end(out, loaded, { ...loaded.worker, status: 'dead', reason: verdict.dead, ended: context.at.toISOString() }, context, 'dead');
    // A dispatch that started no run spent nothing; a run that died may have spent its whole cap.
    if (verdict.dead !== undefined && verdict.noRun === true) neverRan.push(loaded.worker);
    if (verdict.lookAgainAt !== undefined) lookAgain = Math.min(lookAgain ?? Infinity, verdict.lookAgainAt);
  }
  if (neverRan.length > 0) out.files[BUDGET_FILE] = unspent(neverRan, context.at);
  for (const loaded of state.workers.filter(({ worker }) => worker.status === 'waiting')) {
    if (context.holds.length === 0) await answered(loaded, state, context, out);
  }
  const workers = state.workers.map((loaded) => {
    const worker = out.changed.get(loaded.worker.id);
    return worker === undefined ? loaded : { worker, text: formatWorker(worker) };
  });
  return { state: { ...state, workers }, files: out.files, journal: out.journal, ...(lookAgain === undefined ? {} : { lookAgainAt: new Date(lookAgain) }) };
}

async function deadOrAlive(worker: Worker, runs: readonly WorkflowRunInfo[], context: WorkerContext): Promise<{ dead?: string; noRun?: boolean; lookAgainAt?: number }> {
  const run = runOf(worker, runs);
  if (run?.status === 'completed') return { dead: `its run ended (${run.conclusion ?? 'no conclusion'}) without the worker reporting: ${run.url}` };
  if (run !== undefined) return {};
  // Older than the list: the run the worker reported is asked for by id.
  const known = worker.run?.id ?? worker.dispatched?.runId;
  if (known !== undefined && (await context.github.workflowRun(known)) === 'finished') return { dead: `its run ${known} ended without the worker reporting` };
  if (known !== undefined || worker.status === 'running') return {};
  const due = Date.parse(worker.dispatched?.at ?? worker.created) + NO_RUN_MS;
  if (context.at.getTime() < due) return { lookAgainAt: due };
  return {
    noRun: true,
    dead: `no run of ${context.workflow} named for it started within ${NO_RUN_MS / 60_000} minutes of its dispatch: check that the workflow is on the default branch, takes input "${WORKER_INPUT}", and has run-name: looop worker \${{ inputs.${WORKER_INPUT} }}`,
  };
}

function end(out: { files: Record<string, FileWrite>; journal: string[]; changed: Map<string, Worker> }, loaded: LoadedWorker, worker: Worker, context: WorkerContext, outcome: string): void {
  out.files[workerPath(worker.id)] = workerWrite(worker, loaded.text);
  out.changed.set(worker.id, worker);
  out.journal.push(formatJournalLine({ at: context.at, beat: context.beat, move: 'worker', summary: `worker ${worker.id}: ${worker.reason ?? worker.status}`, outcome }));
}

/** A waiting worker's ask, once a person answered it (or refused it): the worker goes on, or ends. */
async function answered(loaded: LoadedWorker, state: LoadedState, context: WorkerContext, out: { files: Record<string, FileWrite>; journal: string[]; changed: Map<string, Worker> }): Promise<void> {
  const { worker } = loaded;
  const question = worker.question;
  const ask = question === undefined ? undefined : state.asks.find((a) => a.ask.id === question.ask)?.ask;
  if (question === undefined || ask === undefined) return;
  if (ask.status === 'denied' || ask.status === 'withdrawn') {
    end(out, loaded, { ...worker, status: 'failed', reason: `its question (ask ${ask.id}) was ${ask.status === 'denied' ? 'denied' : 'withdrawn (its issue closed)'}, so it stopped`, ended: context.at.toISOString() }, context, 'failed');
    return;
  }
  const answer = ask.answers.at(-1);
  if (ask.status !== 'answered' || answer === undefined) return;
  const resumed = resumedWorker(worker, question.text, answer, context);
  const claimed = await claimRound(loaded, resumed, context);
  if (typeof claimed === 'string') {
    out.journal.push(formatJournalLine({ at: context.at, beat: context.beat, move: 'worker', summary: `worker ${worker.id} was answered but not resumed: ${claimed}`, outcome: 'held' }));
    return;
  }
  try {
    const ref = await context.github.defaultBranch();
    const run = await context.github.dispatchWorkflow(context.workflow, ref, { [WORKER_INPUT]: worker.id });
    const dispatched: Worker = { ...resumed, dispatched: { beat: context.beat, at: context.at.toISOString(), ...(run.runId === undefined ? {} : { runId: run.runId }), ...(run.url === undefined ? {} : { url: run.url }) } };
    out.files[workerPath(worker.id)] = workerWrite(dispatched, claimed.text);
    out.changed.set(worker.id, dispatched);
    out.journal.push(formatJournalLine({ at: context.at, beat: context.beat, move: 'worker', summary: `worker ${worker.id} resumed (round ${dispatched.round}) with @${answer.by}'s answer to ask ${ask.id}`, outcome: 'ok' }));
  } catch (error) {
    const why = `it was answered, but the worker workflow could not be dispatched again: ${error instanceof Error ? error.message : String(error)}`;
    end(out, { worker: resumed, text: claimed.text }, { ...resumed, status: 'failed', reason: why, ended: context.at.toISOString() }, context, 'failed');
  }
}

function resumedWorker(worker: Worker, question: string, answer: { by: string; at: string; text: string }, context: WorkerContext): Worker {
  const rest: Worker = { ...worker };
  delete rest.question;
  delete rest.run;
  const pastRuns = [...worker.pastRuns, ...(worker.run === undefined ? [] : [worker.run.id]), ...(worker.dispatched?.runId === undefined || worker.dispatched.runId === worker.run?.id ? [] : [worker.dispatched.runId])];
  delete rest.verified;
  return {
    ...rest,
    status: 'dispatched',
    round: worker.round + 1,
    pastRuns,
    answers: [...worker.answers, { question, answer: answer.text, by: answer.by, at: answer.at }],
    dispatched: { beat: context.beat, at: context.at.toISOString() },
  };
}

/** A new round lands before its dispatch, with its charge reserved, exactly as a spawn does. */
async function claimRound(loaded: LoadedWorker, worker: Worker, context: WorkerContext): Promise<string | { text: string }> {
  const path = workerPath(worker.id);
  const text = formatWorker(worker);
  const pending = { id: workerChargeId(worker.id, worker.round), at: context.at.toISOString(), worker: worker.id, ...(context.budgetUsd === undefined ? {} : { usd: context.budgetUsd }) };
  try {
    await context.store.commit({ files: { [path]: text, [BUDGET_FILE]: reserveWorker(pending, context.limits, context.at) }, expect: { [path]: loaded.text }, journal: [], message: `looop: beat ${context.beat}: resume worker ${worker.id}` });
    return { text };
  } catch (error) {
    if (error instanceof BudgetSpentError) return error.message;
    if (error instanceof ClaimLostError) return 'another beat changed it first';
    throw error;
  }
}
