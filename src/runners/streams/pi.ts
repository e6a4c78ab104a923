import { z } from 'zod';
import { caused } from '../causes.ts';
import { JsonLines, clip } from './lines.ts';
import type { JsonEvent } from './lines.ts';
import type { RunnerResult, StreamParser } from '../result.ts';

/**
 * `pi -p --mode json`. The answer and the verdict are the last assistant `message_end`: a model
 * error is `stopReason: "error"` with `errorMessage`, and pi still exits 0, so only the stream can
 * tell. pi retries some errors itself (`auto_retry_start`, then a fresh `agent_start`), so an
 * error message followed by a successful one is a success. The run is over at an `agent_end`
 * that will not be retried (`willRetry`, newer versions) or at `agent_settled` (newer versions).
 */

// A malformed field becomes undefined rather than costing the rest of its event.
const count = z.number().nonnegative().optional().catch(undefined);
const str = z.string().optional().catch(undefined);

// `input` excludes cache reads; `output` includes reasoning (`reasoning`, where present, is a
// breakdown of it): `totalTokens` is input + output + cacheRead + cacheWrite.
const Usage = z.object({
  input: count,
  output: count,
  cacheRead: count,
  cacheWrite: count,
  cost: z.object({ total: count }).optional().catch(undefined),
});

const MessageEnd = z.object({
  message: z.object({
    role: str,
    content: z.union([z.string(), z.array(z.unknown())]).optional().catch(undefined),
    provider: str,
    model: str,
    usage: Usage.optional().catch(undefined),
    stopReason: str,
    errorMessage: str,
  }),
});

const TextItem = z.object({ type: z.literal('text'), text: z.string() });

const WillRetry = z.object({ willRetry: z.boolean().optional().catch(undefined) });

/** Stop reasons that mean the model call failed; pi's own text mode exits 1 on these. */
const FAILED: ReadonlySet<string> = new Set(['error', 'aborted']);

const MAX_MESSAGE_CHARS = 2000;

interface LastAnswer {
  readonly text: string | null;
  readonly stopReason: string | undefined;
  readonly errorMessage: string | undefined;
}

interface State {
  last?: LastAnswer;
  model?: string;
  tokensIn?: number;
  tokensOut?: number;
  costUsd?: number;
  /** The agent ended and will not be retried; a later agent_start or retry reopens it. */
  closed: boolean;
  /** Compaction after the answer is housekeeping, but the process is still working. */
  compacting: boolean;
  retries: number;
}

export function piStream(): StreamParser {
  const state: State = { closed: false, compacting: false, retries: 0 };
  const lines = new JsonLines((event) => {
    onEvent(state, event);
  });
  return {
    push: (chunk) => {
      lines.push(chunk);
    },
    finished: () => state.closed && !state.compacting,
    end: () => {
      lines.end();
      return finish(state, lines);
    },
  };
}

function onEvent(state: State, event: JsonEvent): void {
  switch (event.type) {
    case 'message_end':
      onMessageEnd(state, event);
      return;
    case 'auto_retry_start':
      state.retries++;
      state.closed = false;
      return;
    case 'agent_start':
      state.closed = false;
      return;
    case 'agent_end':
      state.closed = !willRetry(event);
      return;
    case 'agent_settled':
      state.closed = true;
      return;
    case 'auto_compaction_start':
    case 'compaction_start':
      state.compacting = true;
      return;
    case 'auto_compaction_end':
    case 'compaction_end':
      state.compacting = false;
      if (willRetry(event)) state.closed = false;
  }
}

function willRetry(event: JsonEvent): boolean {
  const parsed = WillRetry.safeParse(event);
  return parsed.success && parsed.data.willRetry === true;
}

/** Every assistant message is one model call: its usage counts even when it failed. */
function onMessageEnd(state: State, event: JsonEvent): void {
  const parsed = MessageEnd.safeParse(event);
  if (!parsed.success || parsed.data.message.role !== 'assistant') return;
  const { content, provider, model, usage, stopReason, errorMessage } = parsed.data.message;
  state.tokensIn = sum([state.tokensIn, sum([usage?.input, usage?.cacheRead, usage?.cacheWrite])]);
  state.tokensOut = sum([state.tokensOut, usage?.output]);
  state.costUsd = sum([state.costUsd, usage?.cost?.total]);
  if (model) state.model = provider ? `${provider}/${model}` : model;
  state.last = { text: textOf(content), stopReason, errorMessage };
}

/** Text items on separate lines, as pi's own text mode prints them. */
function textOf(content: string | readonly unknown[] | undefined): string | null {
  if (typeof content === 'string') return content.trim() === '' ? null : content;
  const texts = (content ?? []).flatMap((item) => {
    const parsed = TextItem.safeParse(item);
    return parsed.success && parsed.data.text.trim() !== '' ? [parsed.data.text] : [];
  });
  return texts.length > 0 ? texts.join('\n') : null;
}

function finish(state: State, lines: JsonLines): RunnerResult {
  const { last } = state;
  const figures = {
    text: last?.text ?? null,
    model: state.model,
    tokensIn: state.tokensIn,
    tokensOut: state.tokensOut,
    costUsd: state.costUsd,
  };
  const failed = last?.stopReason !== undefined && FAILED.has(last.stopReason) ? callError(last, state.retries) : undefined;
  if (!state.closed) {
    const before = failed === undefined ? '' : `; before the end, ${failed}`;
    const message = `${lines.missing('final agent_end', 'pi --mode json events')}${before}`;
    return { ok: false, failure: { kind: 'incomplete', message }, ...figures };
  }
  if (failed !== undefined) return { ok: false, failure: { kind: 'error', message: failed, ...caused({ text: last?.errorMessage }) }, ...figures };
  return { ok: true, ...figures };
}

function callError(last: LastAnswer, retries: number): string {
  const said = last.errorMessage?.trim();
  const detail = said ? clip(said, MAX_MESSAGE_CHARS) : 'no errorMessage';
  const what = last.stopReason === 'aborted' ? `pi reported the model call as aborted: ${detail}` : `pi reported a model error: ${detail}`;
  return retries > 0 ? `${what} (after ${String(retries)} automatic ${retries === 1 ? 'retry' : 'retries'})` : what;
}

function sum(values: readonly (number | undefined)[]): number | undefined {
  const known = values.filter((value) => value !== undefined);
  return known.length === 0 ? undefined : known.reduce((total, value) => total + value, 0);
}
