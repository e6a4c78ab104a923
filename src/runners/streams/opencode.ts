import { z } from 'zod';
import { caused, type RunnerCause } from '../causes.ts';
import { JsonLines, clip } from './lines.ts';
import type { JsonEvent } from './lines.ts';
import type { RunnerResult, StreamParser } from '../result.ts';

/**
 * `opencode run --format json`. A run is a series of steps, each closed by a `step_finish` whose
 * `reason` says whether opencode goes on ("tool-calls", "unknown": its own loop continues on
 * those) or stops ("stop", "length", …). An `error` line fails the run. The run succeeded when
 * its last word is such a final `step_finish`, or the `done` record newer versions print last.
 * A `step_start` after that means the run went on after all, so the verdict waits again. No event
 * names the model; tokens and cost come per step and are summed.
 */

// A malformed field becomes undefined rather than costing the rest of its event.
const count = z.number().nonnegative().optional().catch(undefined);
const str = z.string().optional().catch(undefined);

const Text = z.object({ part: z.object({ id: str, messageID: str, text: z.string() }) });

// `input` excludes the cache and `output` excludes reasoning: `total` is the sum of all five.
const Tokens = z.object({
  input: count,
  output: count,
  reasoning: count,
  cache: z.object({ read: count, write: count }).optional().catch(undefined),
});

const StepFinish = z.object({
  part: z.object({ reason: str, tokens: Tokens.optional().catch(undefined), cost: count }),
});

// 1.x: `{name, data: {message, statusCode?}}`; 2.x: `{type: "provider.…", message, status?}`.
const OpencodeError = z.object({
  name: str,
  type: str,
  message: str,
  status: count,
  data: z.object({ message: str, statusCode: count }).optional().catch(undefined),
});

/** Reasons after which opencode starts another step. */
const CONTINUING: ReadonlySet<string> = new Set(['tool-calls', 'unknown']);

/** The latest distinct errors kept: a run retried by the caller can print several. */
const KEPT_ERRORS = 3;
const MAX_MESSAGE_CHARS = 2000;

type End = { readonly kind: 'step'; readonly reason: string } | { readonly kind: 'error'; readonly message: string; readonly cause?: RunnerCause };

interface State {
  /** The latest message with text: its parts by id, in the order they first came. */
  answer?: { readonly messageID: string | undefined; readonly parts: Map<string, string> };
  tokensIn?: number;
  tokensOut?: number;
  costUsd?: number;
  /** What ended the run so far: a final step or an error; cleared when another step starts. */
  end?: End;
  /** The `done` record: the session went idle and the CLI is exiting. */
  done: boolean;
  errors: string[];
}

export function opencodeStream(): StreamParser {
  const state: State = { done: false, errors: [] };
  const lines = new JsonLines((event) => {
    onEvent(state, event);
  });
  return {
    push: (chunk) => {
      lines.push(chunk);
    },
    finished: () => state.done || state.end !== undefined,
    end: () => {
      lines.end();
      return finish(state, lines);
    },
  };
}

function onEvent(state: State, event: JsonEvent): void {
  switch (event.type) {
    case 'text':
      onText(state, event);
      return;
    case 'step_start':
      state.end = undefined;
      return;
    case 'step_finish':
      onStepFinish(state, event);
      return;
    case 'error':
      onError(state, event);
      return;
    case 'done':
      state.done = true;
  }
}

/**
 * Only the latest message's text is the answer: prose from a step before a tool call ("Let me
 * look at the tests.") would otherwise be glued to the move. A part printed again replaces itself.
 */
function onText(state: State, event: JsonEvent): void {
  const parsed = Text.safeParse(event);
  if (!parsed.success) return;
  const { id, messageID, text } = parsed.data.part;
  const current = state.answer;
  const sameMessage = current !== undefined && (messageID === undefined || messageID === current.messageID);
  const key = id ?? `\u0000${String(sameMessage ? current.parts.size : 0)}`;
  // A blank part never makes a new message the answer, but may blank a part it replaces.
  if (text.trim() === '' && !(sameMessage && current.parts.has(key))) return;
  const answer = sameMessage ? current : { messageID, parts: new Map<string, string>() };
  answer.parts.set(key, text);
  state.answer = answer;
}

function onStepFinish(state: State, event: JsonEvent): void {
  const parsed = StepFinish.safeParse(event);
  const part = parsed.success ? parsed.data.part : undefined;
  const tokens = part?.tokens;
  // Cache reads and writes are input the model read too; reasoning is output it was billed for.
  state.tokensIn = sum([state.tokensIn, sum([tokens?.input, tokens?.cache?.read, tokens?.cache?.write])]);
  state.tokensOut = sum([state.tokensOut, sum([tokens?.output, tokens?.reasoning])]);
  state.costUsd = sum([state.costUsd, part?.cost]);
  // A step without a readable reason proves nothing: the run is over only when a step says so.
  const reason = part?.reason;
  state.end = reason === undefined || CONTINUING.has(reason) ? undefined : { kind: 'step', reason };
}

function onError(state: State, event: JsonEvent): void {
  const message = describeError(event.error);
  state.errors = [...state.errors.filter((error) => error !== message), message].slice(-KEPT_ERRORS);
  const parsed = OpencodeError.safeParse(event.error);
  const status = parsed.success ? (parsed.data.data?.statusCode ?? parsed.data.status) : undefined;
  state.end = { kind: 'error', message, ...caused({ status, text: message }) };
}

function finish(state: State, lines: JsonLines): RunnerResult {
  const figures = { text: answerText(state), tokensIn: state.tokensIn, tokensOut: state.tokensOut, costUsd: state.costUsd };
  const { end } = state;
  if (end?.kind === 'error') {
    return { ok: false, failure: { kind: 'error', message: failedMessage(end.message, state.errors), ...(end.cause === undefined ? {} : { cause: end.cause }) }, ...figures };
  }
  if (end?.reason === 'error') {
    const message = failedMessage('its last step finished with reason "error"', state.errors);
    return { ok: false, failure: { kind: 'error', message }, ...figures };
  }
  if (end !== undefined || state.done) return { ok: true, ...figures };
  const errors = state.errors.length > 0 ? `; errors before the end: ${state.errors.join('; ')}` : '';
  const message = `${lines.missing('final step_finish', 'opencode run --format json events')}${errors}`;
  return { ok: false, failure: { kind: 'incomplete', message }, ...figures };
}

/** Parts on separate lines, as opencode's own plain-text output prints them. */
function answerText({ answer }: State): string | null {
  const parts = [...(answer?.parts.values() ?? [])].filter((text) => text.trim() !== '');
  return parts.length > 0 ? parts.join('\n') : null;
}

/** Says each thing once: the failing error, then what came before it. */
function failedMessage(reason: string, errors: readonly string[]): string {
  const before = errors.filter((error) => error !== reason);
  const head = `opencode reported an error: ${reason}`;
  return before.length > 0 ? `${head} (errors before it: ${before.join('; ')})` : head;
}

function describeError(error: unknown): string {
  const parsed = OpencodeError.safeParse(error);
  const fields = parsed.success ? parsed.data : undefined;
  const label = fields?.name ?? fields?.type;
  const status = fields?.data?.statusCode ?? fields?.status;
  const said = (fields?.data?.message ?? fields?.message)?.trim();
  const text = said || label || (error === undefined || error === null ? 'no error details' : JSON.stringify(error));
  const context = [label !== text && label, status !== undefined && `HTTP ${String(status)}`].filter(
    (part): part is string => !!part,
  );
  const clipped = clip(text, MAX_MESSAGE_CHARS);
  return context.length > 0 ? `${clipped} (${context.join(', ')})` : clipped;
}

function sum(values: readonly (number | undefined)[]): number | undefined {
  const known = values.filter((value) => value !== undefined);
  return known.length === 0 ? undefined : known.reduce((total, value) => total + value, 0);
}
