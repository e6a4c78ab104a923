import { z } from 'zod';
import { caused } from '../causes.ts';
import { JsonLines, clip } from './lines.ts';
import type { JsonEvent } from './lines.ts';
import type { RunnerResult, StreamParser } from '../result.ts';

/**
 * `codex exec --json`. The run succeeded when `turn.completed` arrives and no `turn.failed` did.
 * `error` items and events also show up in healthy runs (unknown model metadata, shortened skill
 * lists, reconnects), so they never fail a run by themselves: they only explain one.
 */

// A malformed field becomes undefined rather than costing the rest of its event.
const count = z.number().nonnegative().optional().catch(undefined);
const str = z.string().optional().catch(undefined);

const ItemCompleted = z.object({ item: z.object({ type: str, text: str }) });

// OpenAI usage counts cached input inside input_tokens (cached_input_tokens never exceeds it in
// the captured runs) and reasoning inside output_tokens, so neither is added again.
const TurnCompleted = z.object({
  usage: z.object({ input_tokens: count, output_tokens: count }).optional().catch(undefined),
});

const TurnFailed = z.object({ error: z.object({ message: str }).optional().catch(undefined) });

const ErrorEvent = z.object({ message: str });

/** The latest distinct error events kept: a reconnect loop can print many. */
const KEPT_ERRORS = 3;
const MAX_MESSAGE_CHARS = 2000;

interface State {
  text?: string;
  completed: boolean;
  usage?: z.infer<typeof TurnCompleted>['usage'];
  failed?: { readonly message: string | undefined };
  errors: string[];
}

export function codexStream(): StreamParser {
  const state: State = { completed: false, errors: [] };
  const lines = new JsonLines((event) => {
    onEvent(state, event);
  });
  return {
    push: (chunk) => {
      lines.push(chunk);
    },
    finished: () => state.completed || state.failed !== undefined,
    end: () => {
      lines.end();
      return finish(state, lines);
    },
  };
}

function onEvent(state: State, event: JsonEvent): void {
  switch (event.type) {
    case 'item.completed':
      onItem(state, event);
      return;
    case 'turn.completed': {
      const parsed = TurnCompleted.safeParse(event);
      state.completed = true;
      if (parsed.success) state.usage = parsed.data.usage;
      return;
    }
    case 'turn.failed': {
      const parsed = TurnFailed.safeParse(event);
      state.failed = { message: parsed.success ? parsed.data.error?.message : undefined };
      return;
    }
    case 'error':
      onError(state, event);
  }
}

function onItem(state: State, event: JsonEvent): void {
  const parsed = ItemCompleted.safeParse(event);
  if (!parsed.success) return;
  const { type, text } = parsed.data.item;
  if (type === 'agent_message' && text !== undefined) state.text = text;
}

function onError(state: State, event: JsonEvent): void {
  const parsed = ErrorEvent.safeParse(event);
  const message = parsed.success ? parsed.data.message?.trim() : undefined;
  if (!message) return;
  const kept = clip(message, MAX_MESSAGE_CHARS);
  state.errors = [...state.errors.filter((error) => error !== kept), kept].slice(-KEPT_ERRORS);
}

function finish(state: State, lines: JsonLines): RunnerResult {
  const figures = {
    text: state.text ?? null,
    tokensIn: state.usage?.input_tokens,
    tokensOut: state.usage?.output_tokens,
  };
  if (state.failed !== undefined) {
    const message = failedMessage(state);
    return { ok: false, failure: { kind: 'error', message, ...caused({ text: message }) }, ...figures };
  }
  if (state.completed) return { ok: true, ...figures };
  const errors = state.errors.length > 0 ? `; errors before the end: ${state.errors.join('; ')}` : '';
  const message = `${lines.missing('turn.completed', 'codex exec --json events')}${errors}`;
  return { ok: false, failure: { kind: 'incomplete', message, ...caused({ text: state.errors.join('; ') }) }, ...figures };
}

/** Codex often repeats the failure as an `error` event first; say each thing once. */
function failedMessage({ failed, errors }: State): string {
  const reason = failed?.message?.trim() ? clip(failed.message.trim(), MAX_MESSAGE_CHARS) : undefined;
  const before = errors.filter((error) => error !== reason);
  const head = `codex turn failed: ${reason ?? 'no message in turn.failed'}`;
  return before.length > 0 ? `${head} (errors before it: ${before.join('; ')})` : head;
}
