import type { Resource } from '../resource.ts';
import { workersSection, workersSignal } from './prompt.ts';
import { tendWorkers } from './reconcile.ts';

/** Workers: work handed to workflow runs of their own, each on its branch, ending in a pull request. */
export const workers: Resource = {
  name: 'workers',
  async reconcile(state, context) {
    if (context.workers === undefined) return { state, draft: { files: {}, journal: [] } };
    const tended = await tendWorkers(state, { ...context.workers, github: context.github, store: context.store, beat: context.beat, now: context.now, at: context.at, holds: context.act.holds });
    return { state: tended.state, draft: { files: tended.files, journal: tended.journal }, ...(tended.lookAgainAt === undefined ? {} : { lookAgainAt: tended.lookAgainAt }) };
  },
  sense(state) {
    const all = state.workers.map(({ worker }) => worker);
    const prompt = workersSection(all);
    const signal = workersSignal(all);
    return { name: 'workers', ...(signal === undefined ? {} : { signal }), ...(prompt === undefined ? {} : { prompt }) };
  },
};
