import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { postJson, proxied, type Answer } from '../io/http.ts';
import type { Settings } from '../settings.ts';
import type { Decider } from '../beat/ports.ts';
import { caused } from './causes.ts';
import { clip } from './streams/lines.ts';
import type { RunnerResult } from './result.ts';

/**
 * The `openai` runner: a decision is one non-streaming POST to an OpenAI-compatible chat
 * completions endpoint, by default GitHub Models, which needs only the workflow's own token.
 *
 * It posts with io/http.ts's postJson (the global fetch), not the Octokit transport: that one
 * drops a socket after 30 s of silence, and a non-streaming completion is silent until the
 * model is done.
 */

export const GITHUB_MODELS_URL = 'https://models.github.ai/inference';
const GITHUB_MODELS_HOSTS: ReadonlySet<string> = new Set(['models.github.ai', 'models.inference.ai.azure.com']);
/** Cheap, fast and good at following a JSON format; GitHub Models names it by publisher. */
const DEFAULT_MODEL = { githubModels: 'openai/gpt-4.1-mini', other: 'gpt-4.1-mini' };
/** A decision's completion is a few KiB; more is read no further and is a failure. */
const RAW_KEPT_BYTES = 256 * 1024;
const MAX_MESSAGE_CHARS = 2000;
const QUOTED_BODY_CHARS = 300;
const FIRST_BACKOFF_MS = 1000;

export interface ChatRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: { readonly model: string; readonly messages: readonly { readonly role: 'user'; readonly content: string }[] };
}

/**
 * The request of one decision. The key is input api-key; without one, GitHub Models gets the
 * workflow token (input github-token), and any other endpoint gets no Authorization header:
 * the workflow token is never sent to a server that is not GitHub's. Neither is ever logged.
 * No tools (the decider only answers) and no temperature: reasoning models (o-series, gpt-5)
 * reject any value but their default, and the move's format is held by the prompt, not sampling.
 */
export function chatRequest(settings: Pick<Settings, 'apiUrl' | 'apiKey' | 'githubToken'>, prompt: string, model: string | undefined): ChatRequest {
  const url = endpoint(settings.apiUrl ?? GITHUB_MODELS_URL);
  const githubModels = isGitHubModels(url);
  const key = settings.apiKey ?? (githubModels ? settings.githubToken : undefined);
  return {
    url,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(key === undefined ? {} : { Authorization: `Bearer ${key}` }) },
    body: { model: model ?? (githubModels ? DEFAULT_MODEL.githubModels : DEFAULT_MODEL.other), messages: [{ role: 'user', content: prompt }] },
  };
}

/** api-url is a base URL (`…/v1`, `…/inference`); a full `…/chat/completions` URL is kept. */
function endpoint(base: string): string {
  const url = new URL(base);
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith('/chat/completions') ? path : `${path}/chat/completions`;
  return url.toString();
}

export function isGitHubModels(url: string): boolean {
  return GITHUB_MODELS_HOSTS.has(new URL(url).hostname);
}

type HeaderReader = Pick<Headers, 'get'>;

export interface ChatOutcome {
  readonly result: RunnerResult;
  /** Present when asking again may help; afterMs is the wait the API asked for, if it said. */
  readonly retry?: { readonly afterMs: number | undefined };
}

/** Reads one HTTP answer; never throws, whatever the body. */
export function readChatResponse(status: number, headers: HeaderReader, body: string, context: { githubModels?: boolean; now?: number } = {}): ChatOutcome {
  if (status >= 200 && status < 300) return { result: readCompletion(body) };
  const said = httpError(status, body);
  const cause = caused({ status, text: said });
  if (cause.cause === 'auth') return { result: failed(`${said}; ${authHint(context.githubModels === true)}`, 'error', cause) };
  if (status !== 408 && status !== 429 && status < 500) return { result: failed(said, 'error', cause) };
  const now = context.now ?? Date.now();
  const afterMs = retryAfterMs(headers, now);
  const when = afterMs === undefined ? '' : `; the API asks to wait ${duration(afterMs)} (until ${new Date(now + afterMs).toISOString()})`;
  return { result: failed(`${said}${when}`, 'error', cause), retry: { afterMs } };
}

function authHint(githubModels: boolean): string {
  return githubModels
    ? 'GitHub Models takes the workflow token: the job needs `permissions: models: read` (and input github-token left at its default), or set input api-key to a token with Models read access'
    : 'check input api-key: this endpoint did not accept the key (the workflow token is sent only to GitHub Models)';
}

/** retry-after-ms (OpenAI's SDK and Azure use it), else retry-after in seconds or as an HTTP date. */
export function retryAfterMs(headers: HeaderReader, now: number): number | undefined {
  const ms = number(headers.get('retry-after-ms'));
  if (ms !== undefined) return ms;
  const header = headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = number(header);
  if (seconds !== undefined) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function number(value: string | null): number | undefined {
  return value !== null && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined;
}

// Only `choices` must be right; any other malformed field is dropped rather than failing the decision.
const count = z.number().int().nonnegative().optional().catch(undefined);
const text = z.string().nullish().catch(undefined);
const Message = z.object({ content: z.unknown().optional(), refusal: text }).nullish().catch(undefined);
const Completion = z.object({
  model: z.string().optional().catch(undefined),
  choices: z.array(z.object({ message: Message, finish_reason: text })),
  usage: z.object({ prompt_tokens: count, completion_tokens: count }).nullish().catch(undefined),
});

function readCompletion(body: string): RunnerResult {
  const json = parseJson(body);
  if (json === undefined) return failed(`the API answered with a body that is not JSON: ${quote(body)}`);
  const parsed = Completion.safeParse(json);
  if (!parsed.success) {
    // Some gateways answer 200 with an OpenAI error body.
    const error = apiError(json);
    if (error !== undefined) return failed(`the API answered with an error${error}`, 'error', caused({ text: error }));
    const issue = parsed.error.issues[0];
    return failed(`the API's answer is not a chat completion (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}): ${quote(body)}`);
  }
  const { model, choices, usage } = parsed.data;
  // No costUsd: the API reports none, and the budget prices tokens from input "prices".
  const meta = { tokensIn: usage?.prompt_tokens ?? undefined, tokensOut: usage?.completion_tokens ?? undefined, model };
  return { ...meta, ...answerOf(choices[0], meta.tokensOut, body) };
}

type Choice = z.infer<typeof Completion>['choices'][number];

function answerOf(choice: Choice | undefined, tokensOut: number | undefined, body: string): RunnerResult {
  if (choice === undefined) return failed(`the API answered with no choices: ${quote(body)}`);
  const reason = choice.finish_reason;
  const after = tokensOut === undefined ? '' : ` after ${tokensOut} tokens`;
  if (reason === 'length') return failed(`the answer was cut off at the model's output limit${after} (finish_reason "length"); use a model with a larger output limit`);
  if (reason === 'content_filter') return failed('the provider\'s content filter withheld the answer (finish_reason "content_filter")');
  const content = choice.message?.content;
  if (typeof content === 'string' && content.trim() !== '') return { ok: true, text: content };
  const refusal = choice.message?.refusal;
  if (refusal) return failed(`the model refused: ${clip(refusal, MAX_MESSAGE_CHARS)}`);
  return failed(`the answer has no text (finish_reason ${JSON.stringify(reason ?? null)}): ${quote(body)}`);
}

const ErrorFields = z.object({
  message: z.string().optional().catch(undefined),
  code: z.union([z.string(), z.number()]).optional().catch(undefined),
  type: z.string().optional().catch(undefined),
});
const ErrorBody = ErrorFields.extend({ error: z.unknown().optional() });

/**
 * ` (code): message` from OpenAI's `{error: {message, type, code}}`, GitHub Models' `{error: {code,
 * message}}`, Azure's bare `{code, message}` or `{error: "…"}`; undefined for anything else.
 */
function apiError(json: unknown): string | undefined {
  const outer = ErrorBody.safeParse(json);
  if (!outer.success) return undefined;
  const { error } = outer.data;
  if (typeof error === 'string') return `: ${clip(error, MAX_MESSAGE_CHARS)}`;
  const inner = ErrorFields.safeParse(error);
  const { message, code, type } = inner.success ? inner.data : outer.data;
  if (message === undefined && code === undefined && type === undefined) return undefined;
  return `${code === undefined && type === undefined ? '' : ` (${String(code ?? type)})`}: ${clip(message ?? 'no message', MAX_MESSAGE_CHARS)}`;
}

function httpError(status: number, body: string): string {
  return `HTTP ${status}${apiError(parseJson(body)) ?? `: ${quote(body)}`}`;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** A bounded, escaped piece of a body, so a failure says what came back without a transcript. */
function quote(body: string): string {
  return body.trim() === '' ? '(an empty body)' : JSON.stringify(clip(body.trim(), QUOTED_BODY_CHARS));
}

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${Math.ceil(ms / 1000)}s`;
  return minutes < 120 ? `${minutes} min` : `${Math.floor(minutes / 60)}h ${minutes % 60}min`;
}

function failed(message: string, kind: 'error' | 'timeout' = 'error', cause: Pick<NonNullable<RunnerResult['failure']>, 'cause'> = {}): RunnerResult {
  return { ok: false, failure: { kind, message, ...cause }, text: null };
}

export interface OpenAiOptions {
  /** Retries after a 408, 429, 5xx or network error; default 2. */
  readonly maxRetries?: number;
  /** The longest wait a retry may take; the API asking for more fails the decision now (free tiers ask for hours). Default 60 s. */
  readonly maxWaitMs?: number;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** The `openai` runner as a decider: retries bounded, the whole decision bounded by tick-timeout. */
export function openaiDecider(settings: Settings, env: NodeJS.ProcessEnv, options: OpenAiOptions = {}): Decider {
  return async (prompt, model) => {
    const started = performance.now();
    const run = await exchange(chatRequest(settings, prompt, model), settings.tickTimeoutMs, env, options);
    return { ...run, durationMs: Math.round(performance.now() - started) };
  };
}

async function exchange(request: ChatRequest, timeoutMs: number, env: NodeJS.ProcessEnv, options: OpenAiOptions): Promise<{ result: RunnerResult; raw: string }> {
  const maxRetries = options.maxRetries ?? 2;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const sleep = options.sleep ?? ((ms: number, signal: AbortSignal) => delay(ms, undefined, { signal }));
  const signal = AbortSignal.timeout(timeoutMs);
  const deadline = Date.now() + timeoutMs;
  const timedOut = () => failed(`no answer from ${new URL(request.url).host} within tick-timeout (${duration(timeoutMs)})`, 'timeout');
  let raw = '';
  for (let attempt = 1; ; attempt++) {
    const answer = await post(request, signal);
    if (signal.aborted) return { result: timedOut(), raw };
    if ('body' in answer) raw = answer.body;
    const outcome = judge(answer, request.url, env);
    if (outcome.retry === undefined) return { result: outcome.result, raw };
    const waitMs = outcome.retry.afterMs ?? FIRST_BACKOFF_MS * 2 ** (attempt - 1);
    const stop =
      waitMs > maxWaitMs ? `that is longer than the ${duration(maxWaitMs)} this runner waits, so the decision fails now: try again after then`
      : attempt > maxRetries ? `gave up after ${attempt} attempt${attempt === 1 ? '' : 's'}`
      : Date.now() + waitMs > deadline ? 'that is longer than what is left of tick-timeout, so the decision fails now'
      : undefined;
    if (stop !== undefined) return { result: withNote(outcome.result, stop), raw };
    try {
      await sleep(waitMs, signal);
    } catch {
      return { result: timedOut(), raw };
    }
  }
}

async function post(request: ChatRequest, signal: AbortSignal): Promise<Answer> {
  return postJson(request.url, request.headers, request.body, { signal, maxBytes: RAW_KEPT_BYTES });
}

function judge(answer: Answer, url: string, env: NodeJS.ProcessEnv): ChatOutcome {
  if (!('body' in answer)) return unreachable(url, answer.error, env);
  if (answer.cut) return { result: failed(`the API answered HTTP ${answer.status} with more than ${RAW_KEPT_BYTES / 1024} KiB: ${quote(answer.body)}`) };
  return readChatResponse(answer.status, answer.headers, answer.body, { githubModels: isGitHubModels(url) });
}

function unreachable(url: string, error: unknown, env: NodeJS.ProcessEnv): ChatOutcome {
  // fetch rejects with "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, …) is its cause.
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const reason = cause instanceof Error && cause.message !== '' ? cause.message : (code ?? String(cause));
  const proxy = proxied(url, env) && env.NODE_USE_ENV_PROXY !== '1' ? '; behind a proxy, set NODE_USE_ENV_PROXY=1 in the step\'s env so Node\'s fetch uses it' : '';
  return { result: failed(`could not reach ${new URL(url).host}: ${reason}${proxy}`), retry: { afterMs: undefined } };
}

function withNote(result: RunnerResult, note: string): RunnerResult {
  return result.failure === undefined ? result : { ...result, failure: { ...result.failure, message: `${result.failure.message}; ${note}` } };
}
