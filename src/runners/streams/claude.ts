import { z } from 'zod';
import { caused } from '../causes.ts';
import { JsonLines, clip } from './lines.ts';
import type { JsonEvent } from './lines.ts';
import type { RunnerResult, StreamParser } from '../result.ts';

/**
 * `claude -p --output-format stream-json --verbose`. Only the closing `result` event's
 * `is_error: false` means success: spend limits and unknown models arrive as
 * `subtype: "success"` with `is_error: true`, and the exit code adds nothing the event lacks.
 */

// A malformed field becomes undefined rather than costing the rest of its event.
const count = z.number().nonnegative().optional().catch(undefined);
const str = z.string().optional().catch(undefined);

const Init = z.object({ subtype: str, model: str });

const Assistant = z.object({
  // Set on a subagent's messages, which are never the run's answer.
  parent_tool_use_id: z.string().nullish().catch(undefined),
  message: z.object({ id: str, content: z.array(z.unknown()).catch([]) }),
});

const TextBlock = z.object({ type: z.literal('text'), text: z.string() });

const Usage = z.object({
  input_tokens: count,
  cache_creation_input_tokens: count,
  cache_read_input_tokens: count,
  output_tokens: count,
});

const ModelUsage = z.object({
  inputTokens: count,
  cacheCreationInputTokens: count,
  cacheReadInputTokens: count,
  outputTokens: count,
  costUSD: count,
});

const Result = z.object({
  is_error: z.boolean().optional().catch(undefined),
  subtype: str,
  result: str,
  errors: z.array(z.unknown()).optional().catch(undefined),
  terminal_reason: str,
  api_error_status: z.number().optional().catch(undefined),
  total_cost_usd: count,
  usage: Usage.optional().catch(undefined),
  modelUsage: z.record(z.string(), ModelUsage).optional().catch(undefined),
});
type Result = z.infer<typeof Result>;

/** Enough of an error for the journal and the next prompt, not a transcript. */
const MAX_MESSAGE_CHARS = 2000;

interface State {
  model?: string;
  /** The last top-level message with text. Its blocks arrive as separate frames sharing the id. */
  lastText?: { readonly id: string | undefined; readonly text: string };
  result?: Result;
}

export function claudeStream(): StreamParser {
  const state: State = {};
  const lines = new JsonLines((event) => {
    onEvent(state, event);
  });
  return {
    push: (chunk) => {
      lines.push(chunk);
    },
    finished: () => state.result !== undefined,
    end: () => {
      lines.end();
      return finish(state, lines);
    },
  };
}

function onEvent(state: State, event: JsonEvent): void {
  switch (event.type) {
    case 'system':
      onSystem(state, event);
      return;
    case 'assistant':
      onAssistant(state, event);
      return;
    case 'result': {
      const parsed = Result.safeParse(event);
      if (parsed.success) state.result = parsed.data;
    }
  }
}

function onSystem(state: State, event: JsonEvent): void {
  const parsed = Init.safeParse(event);
  if (parsed.success && parsed.data.subtype === 'init' && parsed.data.model) state.model = parsed.data.model;
}

function onAssistant(state: State, event: JsonEvent): void {
  const parsed = Assistant.safeParse(event);
  if (!parsed.success || typeof parsed.data.parent_tool_use_id === 'string') return;
  const text = textOf(parsed.data.message.content);
  if (text === undefined) return;
  const { id } = parsed.data.message;
  const last = state.lastText;
  const sameMessage = last !== undefined && id !== undefined && last.id === id;
  state.lastText = { id, text: sameMessage ? last.text + text : text };
}

/** Joined without a separator: citations split one sentence into several text blocks. */
function textOf(content: readonly unknown[]): string | undefined {
  const texts = content.flatMap((block) => {
    const parsed = TextBlock.safeParse(block);
    return parsed.success ? [parsed.data.text] : [];
  });
  return texts.length > 0 ? texts.join('') : undefined;
}

function finish(state: State, lines: JsonLines): RunnerResult {
  const { result } = state;
  const answer = result?.result?.trim() ? result.result : undefined;
  const text = answer ?? state.lastText?.text ?? null;
  const model = state.model ?? costliestModel(result);
  if (result === undefined) {
    const message = lines.missing('result', 'claude stream-json');
    return { ok: false, failure: { kind: 'incomplete', message }, text, model };
  }
  const figures = { text, model, ...tokens(result), costUsd: result.total_cost_usd };
  if (result.is_error === false) return { ok: true, ...figures };
  const message = errorMessage(result);
  return { ok: false, failure: { kind: 'error', message, ...caused({ status: result.api_error_status, text: message }) }, ...figures };
}

/** When the init frame was missed, the model that cost most is the one that did the work. */
function costliestModel(result: Result | undefined): string | undefined {
  let best: { name: string; cost: number } | undefined;
  for (const [name, usage] of Object.entries(result?.modelUsage ?? {})) {
    const cost = usage.costUSD ?? 0;
    if (best === undefined || cost > best.cost) best = { name, cost };
  }
  return best?.name;
}

/** Cache writes and reads are input the model read too, so they count as tokens in. */
function tokens({ usage, modelUsage }: Result): { tokensIn?: number; tokensOut?: number } {
  const perModel = Object.values(modelUsage ?? {});
  const tokensIn =
    sum([usage?.input_tokens, usage?.cache_creation_input_tokens, usage?.cache_read_input_tokens]) ??
    sum(perModel.flatMap((m) => [m.inputTokens, m.cacheCreationInputTokens, m.cacheReadInputTokens]));
  const tokensOut = usage?.output_tokens ?? sum(perModel.map((m) => m.outputTokens));
  return { tokensIn, tokensOut };
}

function sum(values: readonly (number | undefined)[]): number | undefined {
  const known = values.filter((value) => value !== undefined);
  return known.length === 0 ? undefined : known.reduce((total, value) => total + value, 0);
}

function errorMessage(result: Result): string {
  const said = [result.result, ...(result.errors ?? []).map(describe)]
    .map((text) => text?.trim())
    .filter((text, index, all): text is string => !!text && all.indexOf(text) === index);
  const context = [
    result.subtype && `subtype ${result.subtype}`,
    result.terminal_reason && `terminal_reason ${result.terminal_reason}`,
    result.api_error_status !== undefined && `API status ${String(result.api_error_status)}`,
  ].filter((part): part is string => !!part);
  const what = result.is_error === true ? 'claude reported an error' : 'claude did not report is_error: false';
  const detail = said.length > 0 ? clip(said.join('; '), MAX_MESSAGE_CHARS) : 'no error text';
  return context.length > 0 ? `${what}: ${detail} (${context.join(', ')})` : `${what}: ${detail}`;
}

function describe(error: unknown): string {
  return typeof error === 'string' ? error : JSON.stringify(error);
}
