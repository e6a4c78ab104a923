import type { Resource } from '../resource.ts';
import { tendFailures } from './reconcile.ts';

/** Failures: a decide failure that repeated, the issue it paused decisions on, and who resumes them. */
export const failures: Resource = {
  name: 'failures',
  async reconcile(state, context) {
    const tended = await tendFailures(state, context);
    return {
      state: { ...state, failures: tended.failures },
      draft: { files: tended.files, journal: tended.journal },
      // A person resumed: the failures stay for the next prompt, but the next decision is due now.
      ...(tended.resumed ? { remember: (memory) => (memory.failures === undefined ? memory : { ...memory, failures: { ...memory.failures, streak: 0, beats: [] } }) } : {}),
    };
  },
};
