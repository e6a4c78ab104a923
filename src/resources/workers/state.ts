import type { LoadedState } from '../../state/read.ts';
import { formatWorker, type Worker } from './model.ts';

/** The state with these workers as they now stand: what the next beat will read. */
export function withWorkers(state: LoadedState, workers: readonly Worker[]): LoadedState {
  if (workers.length === 0) return state;
  const changed = new Map(workers.map((worker) => [worker.id, worker]));
  const kept = state.workers.filter(({ worker }) => !changed.has(worker.id));
  return { ...state, workers: [...kept, ...workers.map((worker) => ({ worker, text: formatWorker(worker) }))] };
}
