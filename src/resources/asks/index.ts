import type { Resource } from '../resource.ts';
import { earliestSettled } from '../../beat/claims.ts';
import { isOpen } from './model.ts';
import { asksSection, asksSignal } from './prompt.ts';
import { tendAsks } from './reconcile.ts';

/** Comments are read again from a little before this beat, for clocks that disagree. */
const CLOCK_SKEW_MS = 2 * 60_000;

/** Asks: a question or a gated move, its issue, and the answers on it. */
export const asks: Resource = {
  name: 'asks',
  async reconcile(state, context) {
    const tended = await tendAsks(state, context);
    // An approved command's output is shown to this beat's decision, like an allowed one's to the next.
    const after = tended.lastCommand === undefined ? tended.state : { ...tended.state, memory: { ...tended.state.memory, lastCommand: tended.lastCommand } };
    // The comment window moves on only when every ask could be read: an approval given while an ask file was broken waits for its fix.
    const frozen = tended.reread === true || after.unreadableAsks.length > 0 || !after.asks.some(({ ask }) => ask.status === 'pending');
    const checkedAt = new Date(context.at.getTime() - CLOCK_SKEW_MS).toISOString();
    // Another beat's claim (an issue being opened, an approved move running) is left to it until it is settled.
    const claims = after.asks.flatMap(({ ask }) => [isOpen(ask) && ask.issue === undefined ? ask.creating : undefined, ask.status === 'executing' ? ask.claimedBy : undefined]);
    const lookAgainAt = earliestSettled(claims, context);
    return {
      state: after,
      draft: { files: tended.files, journal: tended.journal },
      ...(frozen ? {} : { remember: (memory) => ({ ...memory, asksCheckedAt: checkedAt }) }),
      ...(lookAgainAt === undefined ? {} : { lookAgainAt }),
    };
  },
  sense(state) {
    const all = state.asks.map(({ ask }) => ask);
    const prompt = asksSection(all);
    return { name: 'asks', signal: asksSignal(all), ...(prompt === undefined ? {} : { prompt }) };
  },
};
