import type { Worker } from '../resources/workers/model.ts';
import type { Goal } from '../state/goals.ts';
import { oneLine } from '../text/fit.ts';

/**
 * The worker record at each step of its run, worked out without I/O: the mode writes these
 * through workerWrite, which keeps whatever a beat wrote meanwhile when it is further along.
 */

const SUMMARY_CHARS = 4000;
const REASON_CHARS = 1000;

/** What a person reads the goal as: its first heading, else its slug. */
export function goalTitle(goal: Goal | undefined, slug: string): string {
  const heading = goal === undefined ? undefined : /^#\s+(.+)$/m.exec(goal.text)?.[1];
  return heading === undefined ? slug : oneLine(heading, 120);
}

/** The goal's body without its front matter. */
export function goalBody(goal: Goal | undefined): string | undefined {
  return goal?.text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '');
}

/** The worker without fields of an earlier step: a round's record says only what is true of it. */
function without(worker: Worker, fields: readonly (keyof Worker)[]): Worker {
  return Object.fromEntries(Object.entries(worker).filter(([field]) => !(fields as readonly string[]).includes(field))) as Worker;
}

export interface RunInfo {
  readonly id: string;
  readonly url?: string;
}

/** The round taken by this run. */
export function claimed(worker: Worker, run: RunInfo, at: Date): Worker {
  return { ...without(worker, ['reason', 'error', 'ended', 'question']), status: 'running', run: { id: run.id, ...(run.url === undefined ? {} : { url: run.url }), at: at.toISOString() } };
}

/** One round's spend, added to the worker's over its rounds. */
export interface Spend {
  readonly usd?: number;
  readonly tokensIn?: number;
  readonly tokensOut?: number;
}

function summed(worker: Worker, spend: Spend): Pick<Worker, 'costUsd' | 'tokensIn' | 'tokensOut'> {
  const add = (before: number | undefined, now: number | undefined): number | undefined => (before === undefined && now === undefined ? undefined : (before ?? 0) + (now ?? 0));
  const costUsd = add(worker.costUsd, spend.usd);
  const tokensIn = add(worker.tokensIn, spend.tokensIn);
  const tokensOut = add(worker.tokensOut, spend.tokensOut);
  return { ...(costUsd === undefined ? {} : { costUsd }), ...(tokensIn === undefined ? {} : { tokensIn }), ...(tokensOut === undefined ? {} : { tokensOut }) };
}

export interface RoundEnd {
  readonly spend: Spend;
  readonly summary?: string;
  readonly at: Date;
}

/** Done: its work is pushed and its pull request says what it did. */
export function done(worker: Worker, end: RoundEnd & { pr?: Worker['pr']; verified?: Worker['verified'] }): Worker {
  return {
    ...without(worker, ['question', 'reason']),
    ...summed(worker, end.spend),
    status: 'done',
    ...(end.pr === undefined ? {} : { pr: end.pr }),
    ...(end.verified === undefined ? {} : { verified: end.verified }),
    ...(end.summary === undefined ? {} : { summary: oneLine(end.summary, SUMMARY_CHARS) }),
    ended: end.at.toISOString(),
  };
}

/** Failed, with why: the loop sees it and decides what next (a worker is never retried by itself). */
export function failed(worker: Worker, end: RoundEnd & { reason: string }): Worker {
  return {
    ...without(worker, ['question']),
    ...summed(worker, end.spend),
    status: 'failed',
    reason: oneLine(end.reason, REASON_CHARS),
    ...(end.summary === undefined ? {} : { summary: oneLine(end.summary, SUMMARY_CHARS) }),
    ended: end.at.toISOString(),
  };
}

/** Waiting for a person: the ask carries the question, and a beat dispatches it again with the answer. */
export function waiting(worker: Worker, end: RoundEnd & { question: string; ask: string }): Worker {
  return {
    ...worker,
    ...summed(worker, end.spend),
    status: 'waiting',
    question: { text: end.question, ask: end.ask, round: worker.round },
    ...(end.summary === undefined ? {} : { summary: oneLine(end.summary, SUMMARY_CHARS) }),
  };
}
