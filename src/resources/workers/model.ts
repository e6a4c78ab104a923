import { z } from 'zod';
import type { FileWrite } from '../../state/record.ts';

/**
 * A worker: one piece of work the loop handed to a workflow run of its own, kept as
 * `workers/<id>.md` on the state branch. The beat that spawns it writes it `dispatched`; the
 * worker's run writes `running`, then `waiting` (it asked a person), `done` or `failed`; a beat
 * writes `dead` (its run ended without reporting) or `killed` (kill_worker). Each dispatch is a
 * round: a worker resumed after an answer is the same worker, on the same branch, a round on.
 */
export const workerStatuses = ['dispatched', 'running', 'waiting', 'done', 'failed', 'dead', 'killed'] as const;
export type WorkerStatus = (typeof workerStatuses)[number];

/** Dispatched, running or waiting for an answer: what counts against max-workers. */
export function isLive(worker: Worker): boolean {
  return worker.status === 'dispatched' || worker.status === 'running' || worker.status === 'waiting';
}

const login = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*(\[bot\])?$/, 'expected a GitHub login');
const when = z.object({ beat: z.string(), at: z.string() });

const workerSchema = z.object({
  id: z.string(),
  status: z.enum(workerStatuses),
  /** The goal it works toward, by slug. */
  goal: z.string(),
  /** What the agent is told, in the loop's words. */
  prompt: z.string(),
  /** A command that must match allow; run in the worker's branch after the agent, its result shown on the pull request. */
  verify: z.string().optional(),
  /** looop/<id>. */
  branch: z.string(),
  /** The beat that spawned it, and when. */
  beat: z.string(),
  created: z.string(),
  round: z.number().int().positive(),
  /** The latest dispatch, and the run it started when GitHub said. */
  dispatched: when.extend({ runId: z.string().optional(), url: z.string().optional() }).optional(),
  /** Runs of earlier rounds: never taken for the latest round's. */
  pastRuns: z.array(z.string()).default([]),
  /** The run that took the latest round, written by the worker when it starts. */
  run: z.object({ id: z.string(), url: z.string().optional(), at: z.string() }).optional(),
  pr: z.object({ number: z.number().int().positive(), url: z.string() }).optional(),
  /** The verify command's outcome in the latest round. */
  verified: z.object({ ok: z.boolean(), outcome: z.string(), tail: z.string() }).optional(),
  /** The agent's own account of what it did (its final text, cut). */
  summary: z.string().optional(),
  /** Summed over its rounds. */
  costUsd: z.number().nonnegative().optional(),
  tokensIn: z.number().int().nonnegative().optional(),
  tokensOut: z.number().int().nonnegative().optional(),
  /** Why it failed, died or was killed. */
  reason: z.string().optional(),
  /** While waiting: what it asked, and the ask that carries the question to a person. */
  question: z.object({ text: z.string(), ask: z.string(), round: z.number().int().positive() }).optional(),
  /** Questions answered so far: each resumed round is told all of them. */
  answers: z.array(z.object({ question: z.string(), answer: z.string(), by: login, at: z.string() })).default([]),
  ended: z.string().optional(),
  /** The last error GitHub gave for this worker (a dispatch or cancel refused), until a call on it succeeds. */
  error: z.string().optional(),
});

export type Worker = z.infer<typeof workerSchema>;
export type WorkerFile = { readonly ok: true; readonly worker: Worker } | { readonly ok: false; readonly problem: string };

export { workerPath } from '../../state/layout.ts';

/** The branch a worker works on. */
export function workerBranch(id: string): string {
  return `looop/${id}`;
}

const FRONT = /^---\n([\s\S]*?)\n---\n?/;

export function parseWorker(text: string): WorkerFile {
  const match = FRONT.exec(text);
  if (match === null) return { ok: false, problem: 'has no front matter' };
  let value: unknown;
  try {
    value = JSON.parse(match[1] ?? '');
  } catch {
    return { ok: false, problem: 'front matter is not JSON (the loop writes it as JSON)' };
  }
  const parsed = workerSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problem: `front matter is not a worker: ${parsed.error.issues[0]?.message ?? ''}` };
  // The branch is the id's, always: a record edited to name another branch would aim the pull request there.
  if (parsed.data.branch !== workerBranch(parsed.data.id)) return { ok: false, problem: `says its branch is ${JSON.stringify(parsed.data.branch.slice(0, 80))}, not ${workerBranch(parsed.data.id.slice(0, 64))}` };
  return { ok: true, worker: parsed.data };
}

/** Front matter for the loop, and the prompt and outcome again as Markdown for a person reading the branch. */
export function formatWorker(worker: Worker): string {
  const front = JSON.stringify(worker, null, 2);
  const lines = [`# Worker ${worker.id}`, '', `Status: ${worker.status}. Goal: ${worker.goal}. Branch: \`${worker.branch}\`.${worker.pr === undefined ? '' : ` Pull request #${worker.pr.number}.`}`];
  if (worker.reason !== undefined) lines.push('', `Why: ${worker.reason}`);
  lines.push('', '## Prompt', '', '```text', worker.prompt.replace(/```/g, '``\u200b`'), '```', '');
  return `---\n${front}\n---\n${lines.join('\n')}`;
}

const rank: Readonly<Record<WorkerStatus, number>> = { dispatched: 0, running: 1, waiting: 2, done: 3, failed: 3, dead: 3, killed: 3 };

/**
 * Whether `theirs`, found on the branch, stands over `mine`: a later round, or the same round
 * further on. An ending is written once: of two (the run's done, a beat's dead or killed), the
 * first to land stays.
 */
export function standsOver(theirs: Worker, mine: Worker): boolean {
  if (theirs.round !== mine.round) return theirs.round > mine.round;
  return rank[theirs.status] > rank[mine.status] || (rank[theirs.status] === 3 && rank[mine.status] === 3);
}

/**
 * A worker file as one writer leaves it, worked out against what the branch holds by then:
 * when another writer (a beat, the worker's run) changed it meanwhile, the further one wins, so
 * a late `running` can never undo `killed`, nor a stale beat's copy send a finished worker back.
 * A file a person broke meanwhile is theirs to fix: never overwritten.
 */
export function workerWrite(worker: Worker, read: string | null): FileWrite {
  return (current) => {
    if (current === read || current === null) return formatWorker(worker);
    const theirs = parseWorker(current);
    if (!theirs.ok) return current;
    return formatWorker(standsOver(theirs.worker, worker) ? theirs.worker : worker);
  };
}

export interface NewWorker {
  readonly id: string;
  readonly goal: string;
  readonly prompt: string;
  readonly verify?: string;
  readonly beat: string;
  readonly at: string;
  /** The round of a worker spawned again under an id that finished: one past its last. */
  readonly round?: number;
  readonly answers?: Worker['answers'];
}

export function newWorker(input: NewWorker): Worker {
  return {
    id: input.id,
    status: 'dispatched',
    goal: input.goal,
    prompt: input.prompt,
    ...(input.verify === undefined ? {} : { verify: input.verify }),
    branch: workerBranch(input.id),
    beat: input.beat,
    created: input.at,
    round: input.round ?? 1,
    dispatched: { beat: input.beat, at: input.at },
    pastRuns: [],
    answers: [...(input.answers ?? [])],
  };
}
