import type { Resource } from '../resource.ts';
import { earliestSettled } from '../../beat/claims.ts';
import { failureSection } from './prompt.ts';
import { tendFailures } from './reconcile.ts';

/** Failures: a decide failure that repeated, the issue it paused decisions on, and who resumes them. */
export const failures: Resource = {
  name: 'failures',
  async reconcile(state, context) {
    const tended = await tendFailures(state, context);
    // Another beat's claim on opening a paused failure's issue is left to it until it is settled.
    const opening = tended.failures.filter(({ failure }) => failure.status === 'paused' && failure.issue === undefined);
    const lookAgainAt = earliestSettled(opening.map(({ failure }) => failure.creating), context);
    return {
      state: { ...state, failures: tended.failures },
      draft: { files: tended.files, journal: tended.journal },
      // A person resumed: the failures stay for the next prompt, but the next decision is due now.
      ...(tended.resumed ? { remember: (memory) => (memory.failures === undefined ? memory : { ...memory, failures: { ...memory.failures, streak: 0, beats: [] } }) } : {}),
      ...(lookAgainAt === undefined ? {} : { lookAgainAt }),
    };
  },
  // A failed decision is due again by its back-off, not by change: the streak enters the prompt only.
  sense(state) {
    const prompt = failureSection(state.memory.failures);
    return { name: 'failures', ...(prompt === undefined ? {} : { prompt }) };
  },
};
