import { BUDGET_FILE, BudgetSpentError, charge, reserveWorker, workerChargeId, type Limits } from '../../state/budget.ts';
import { checkAllowed } from '../../moves/allow.ts';
import type { GitHub } from '../../beat/github.ts';
import type { Move } from '../../moves/schema.ts';
import type { Outcome, WorkerActions } from '../../beat/act.ts';
import type { Store } from '../../beat/ports.ts';
import type { LoadedState, LoadedWorker } from '../../state/read.ts';
import { ClaimLostError, type FileWrite } from '../../state/record.ts';
import { formatWorker, isLive, newWorker, workerPath, workerWrite, type Worker } from './model.ts';
import { findRun, WORKER_INPUT } from './runs.ts';

/** What spawning and killing workers need of the beat: the store for the claim, GitHub to dispatch and cancel, the policy. */
export interface WorkerActContext {
  readonly github: GitHub;
  readonly store: Store;
  readonly beat: string;
  readonly now: () => Date;
  /** The worker workflow file (input worker-workflow). */
  readonly workflow: string;
  readonly maxWorkers: number;
  /** What one worker may cost (input worker-budget-usd). */
  readonly budgetUsd: number | undefined;
  readonly limits: Limits;
  readonly allow: readonly string[];
}


function refused(summary: string): Outcome {
  return { outcome: 'refused', summary, files: {} };
}

/** Why this spawn may not go ahead, before anything is written. */
function spawnRefusal(move: Extract<Move, { type: 'spawn_worker' }>, state: LoadedState, context: WorkerActContext, existing: LoadedWorker | undefined): string | undefined {
  if (context.maxWorkers === 0) return 'workers are off (input max-workers is 0); nothing was started';
  // A USD cap with no worker cap cannot be kept: what a worker spends is known only when it ends.
  if (context.limits.dailyBudgetUsd !== undefined && context.budgetUsd === undefined) {
    return `input daily-budget-usd is set but worker-budget-usd is not, so what worker ${move.id} may spend cannot be reserved against the day's budget: set worker-budget-usd in the workflow`;
  }
  if (state.unreadableWorkers.includes(move.id)) return `${workerPath(move.id)} cannot be read, so worker ${move.id} is left alone: choose another id`;
  if (existing !== undefined && isLive(existing.worker)) {
    return `worker ${move.id} is already ${existing.worker.status} (round ${existing.worker.round}); a worker is never started twice: wait for it, or kill_worker it first`;
  }
  const live = state.workers.filter(({ worker }) => isLive(worker)).length;
  if (live >= context.maxWorkers) return `${live} worker(s) are live and input max-workers is ${context.maxWorkers}: worker ${move.id} was not started; wait for one to finish, or kill_worker one`;
  if (!state.goals.some((goal) => goal.slug === move.goal && goal.status === 'active')) return `there is no active goal "${move.goal}" for worker ${move.id} to work toward: write it first`;
  if (move.verify !== undefined) {
    const verdict = checkAllowed(move.verify, context.allow);
    if (!verdict.allowed) return `the verify command \`${move.verify}\` is not allowed (${verdict.why}); a worker's verify runs unattended, so it must match an allow pattern`;
  }
  return undefined;
}

export function workerActions(context: WorkerActContext): WorkerActions {
  return {
    async spawn(move, state) {
      const existing = state.workers.find(({ worker }) => worker.id === move.id);
      const refusal = spawnRefusal(move, state, context, existing);
      if (refusal !== undefined) return refused(refusal);
      const at = context.now();
      const before = existing?.worker;
      const pastRuns = before === undefined ? [] : [...before.pastRuns, ...(before.run === undefined ? [] : [before.run.id])];
      const worker = { ...newWorker({ id: move.id, goal: move.goal, prompt: move.prompt, ...(move.verify === undefined ? {} : { verify: move.verify }), beat: context.beat, at: at.toISOString(), round: (before?.round ?? 0) + 1 }), pastRuns };
      const claimed = await claim(context, worker, existing, at);
      if (typeof claimed === 'string') return refused(claimed);
      return dispatch(context, worker, claimed);
    },
    async kill(move, state) {
      const found = state.workers.find(({ worker }) => worker.id === move.id);
      if (found === undefined) return { outcome: `failed: there is no worker ${move.id}`, summary: `there is no worker ${move.id} to kill`, files: {} };
      if (!isLive(found.worker)) return refused(`worker ${move.id} is already ${found.worker.status}; nothing to kill`);
      const run = found.worker.run?.id ?? found.worker.dispatched?.runId ?? (await findRun(context.github, context.workflow, found.worker))?.id;
      const cancelled = run === undefined ? 'unknown' : await context.github.cancelWorkflowRun(run);
      const killed: Worker = { ...found.worker, status: 'killed', reason: move.reason, ended: context.now().toISOString() };
      const how = { cancelled: `its run ${run ?? ''} was cancelled`, finished: `its run ${run ?? ''} had already ended`, unknown: run === undefined ? 'no run of it was found to cancel' : `its run ${run} could not be looked up to cancel` }[cancelled];
      return { outcome: 'ok', summary: `killed worker ${move.id} (${how}): ${move.reason}`, files: {}, writes: { [workerPath(move.id)]: workerWrite(killed, found.text) }, workers: [killed] };
    },
  };
}

/**
 * The spawn lands on the branch before the dispatch, with the worker's charge reserved: the
 * run it starts finds its record, two beats cannot spawn the same worker, and a beat that
 * dies after the dispatch leaves a record the next one watches (found dead if no run came).
 */
async function claim(context: WorkerActContext, worker: Worker, existing: LoadedWorker | undefined, at: Date): Promise<string | { text: string }> {
  const path = workerPath(worker.id);
  const text = formatWorker(worker);
  const pending = { id: workerChargeId(worker.id, worker.round), at: at.toISOString(), worker: worker.id, ...(context.budgetUsd === undefined ? {} : { usd: context.budgetUsd }) };
  try {
    await context.store.commit({
      files: { [path]: text, [BUDGET_FILE]: reserveWorker(pending, context.limits, at) },
      expect: { [path]: existing?.text ?? null },
      journal: [],
      message: `looop: beat ${context.beat}: spawn worker ${worker.id}`,
    });
    return { text };
  } catch (error) {
    if (error instanceof BudgetSpentError) return `worker ${worker.id} was not started: ${error.message}`;
    if (error instanceof ClaimLostError) return `another beat changed worker ${worker.id} first; it was not started twice`;
    throw error;
  }
}

async function dispatch(context: WorkerActContext, worker: Worker, claimed: { text: string }): Promise<Outcome> {
  const path = workerPath(worker.id);
  try {
    const ref = await context.github.defaultBranch();
    const run = await context.github.dispatchWorkflow(context.workflow, ref, { [WORKER_INPUT]: worker.id });
    const dispatched: Worker = { ...worker, dispatched: { beat: context.beat, at: worker.created, ...(run.runId === undefined ? {} : { runId: run.runId }), ...(run.url === undefined ? {} : { url: run.url }) } };
    const where = run.url === undefined ? `${context.workflow} on ${ref}` : run.url;
    return { outcome: 'ok', summary: `spawned worker ${worker.id} for goal ${worker.goal} on branch ${worker.branch} (${where})`, files: {}, writes: { [path]: workerWrite(dispatched, claimed.text) }, workers: [dispatched] };
  } catch (error) {
    const why = `the worker workflow could not be dispatched: ${error instanceof Error ? error.message : String(error)}; check that ${context.workflow} is on the default branch with a workflow_dispatch input "${WORKER_INPUT}", and that the beat's job has "permissions: actions: write"`;
    const failed: Worker = { ...worker, status: 'failed', reason: why, ended: context.now().toISOString() };
    const writes = { [path]: workerWrite(failed, claimed.text), [BUDGET_FILE]: unspent([worker], context.now()) };
    return { outcome: `failed: ${why}`, summary: `worker ${worker.id} was recorded but not started: ${why}`, files: {}, writes, workers: [failed] };
  }
}

/** Workers that never started spent nothing: their reserved charges are settled at zero. */
export function unspent(workers: readonly Worker[], at: Date): FileWrite {
  return charge(workers.map((worker) => ({ id: workerChargeId(worker.id, worker.round), at: at.toISOString(), worker: worker.id, usd: 0, metered: true })), at);
}
