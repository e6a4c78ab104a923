import type { GitHub, WorkflowRunInfo } from '../../beat/github.ts';
import type { Worker } from './model.ts';

/** The worker workflow's input that names the worker; its run-name must carry it, so the runs API can find the run. */
export const WORKER_INPUT = 'worker-id';

/** Clocks of the runner and of GitHub may disagree by a little. */
const CLOCK_SKEW_MS = 2 * 60_000;

function since(worker: Worker): string {
  const at = Date.parse(worker.dispatched?.at ?? worker.created);
  return new Date((Number.isFinite(at) ? at : Date.now()) - CLOCK_SKEW_MS).toISOString();
}

/** Whether a run's name carries the worker's id as a word: run-name `looop worker ${{ inputs.worker-id }}`. */
function names(run: WorkflowRunInfo, id: string): boolean {
  return run.name.split(/[\s:()[\]]+/).includes(id);
}

/**
 * The run that took the worker's latest round: the one it reported or the dispatch named, else
 * the newest run of the worker workflow since the dispatch whose name carries its id.
 */
export function runOf(worker: Worker, runs: readonly WorkflowRunInfo[]): WorkflowRunInfo | undefined {
  const known = worker.run?.id ?? worker.dispatched?.runId;
  if (known !== undefined) return runs.find((run) => run.id === known);
  const from = since(worker);
  return runs.filter((run) => run.created >= from && names(run, worker.id) && !worker.pastRuns.includes(run.id)).sort((a, b) => (a.created < b.created ? 1 : -1))[0];
}

export async function findRun(github: GitHub, workflow: string, worker: Worker): Promise<WorkflowRunInfo | undefined> {
  return runOf(worker, await github.workflowRuns(workflow, since(worker)));
}

/** The earliest dispatch among these workers, for one list of runs that covers them all. */
export function earliestSince(workers: readonly Worker[]): string | undefined {
  const times = workers.map(since).sort();
  return times[0];
}
