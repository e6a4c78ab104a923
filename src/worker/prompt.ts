import { fence } from '../prompt/fence.ts';
import type { Worker } from '../resources/workers/model.ts';

/**
 * What a worker's agent is told, and how its final answer is read. Pure: the mode writes the
 * prompt to a file and hands the agent's final text back here.
 */

/** The goal's body, the loop's instructions, every answer a person gave so far, and how to finish. */
export function workerPrompt(worker: Worker, goalBody: string | undefined): string {
  const parts = [
    `You are worker "${worker.id}" of an autonomous loop. You work in the current folder, a copy of branch ${worker.branch} of this repository; what you change there is committed and offered to people as a pull request. Nothing is merged without a person.`,
    '',
    `## The goal (${worker.goal})`,
    '',
    goalBody === undefined ? '(The goal file is gone from the state branch; work from the instructions below.)' : fence(goalBody, 'markdown'),
    '',
    '## Your instructions',
    '',
    fence(worker.prompt, 'text'),
  ];
  if (worker.answers.length > 0) {
    parts.push('', '## Questions you asked and their answers', '');
    for (const answer of worker.answers) parts.push(`Question: ${fence(answer.question, 'text')}`, `Answer (from @${answer.by}): ${fence(answer.answer, 'text')}`, '');
  }
  if (worker.verify !== undefined) parts.push('', `After you finish, the loop runs \`${worker.verify}\` in the folder and shows its result on the pull request.`);
  parts.push(
    '',
    '## How to finish',
    '',
    'Edit the files in this folder; there is no git repository here, so do not commit or push: the loop does. Files under .github/workflows are not accepted.',
    'End with a short summary of what you changed and why: it becomes the pull request description.',
    'If you cannot go on without a person, end your answer with exactly one JSON object on its own line, {"ask": "your question"}: the loop keeps your work, asks, and starts you again with the answer.',
  );
  return `${parts.join('\n')}\n`;
}

/** The agent's final answer: its summary, and a question when it ended with {"ask": "…"}. */
export interface FinalAnswer {
  readonly summary: string;
  readonly ask?: string;
}

/** A trailing {"ask": "…"} object: the last `{` whose text to the end parses as one. */
export function readFinalAnswer(text: string | null): FinalAnswer {
  const trimmed = (text ?? '').trimEnd();
  if (!trimmed.endsWith('}')) return { summary: trimmed };
  for (let at = trimmed.lastIndexOf('{'); at >= 0; at = at === 0 ? -1 : trimmed.lastIndexOf('{', at - 1)) {
    const question = askOf(trimmed.slice(at));
    if (question !== undefined) return { summary: trimmed.slice(0, at).trimEnd(), ask: question };
  }
  return { summary: trimmed };
}

function askOf(candidate: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(candidate);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  const ask = (value as Record<string, unknown>).ask;
  return keys.length === 1 && typeof ask === 'string' && ask.trim() !== '' ? ask.trim() : undefined;
}
