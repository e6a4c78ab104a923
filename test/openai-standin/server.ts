// An OpenAI-compatible chat completions API stand-in: an HTTP server on 127.0.0.1 that answers
// POST /v1/chat/completions as OpenAI and GitHub Models do (non-streaming). Tests read what was
// sent from `requests` and script the answers with `respond`.
//
//   const api = await startOpenAiStandin();
//   api.respond((request, index) => (index === 0 ? { status: 429, headers: { 'retry-after': '1' } } : undefined));
//   ... point api-url at api.url ...
//   await api.close();

import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandinRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  /** The body as JSON, or as text when it is not JSON. */
  readonly body: unknown;
}

export interface StandinAnswer {
  /** Default 200. */
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** A string is sent as is, anything else as JSON; absent: the default chat completion for a 2xx, else nothing. */
  readonly body?: unknown;
  /** Wait this long before answering; Infinity never answers (a hung server). */
  readonly delayMs?: number;
}

/** Called per request (index counts from 0); undefined gives the default answer. */
export type Responder = (request: StandinRequest, index: number) => StandinAnswer | undefined;

export interface OpenAiStandin {
  /** The base URL, as input api-url takes it: `http://127.0.0.1:PORT/v1`. */
  readonly url: string;
  readonly requests: StandinRequest[];
  respond(fn: Responder): void;
  close(): Promise<void>;
}

export const STANDIN_ANSWER = '{"type":"noop","reason":"stand-in"}';

/** The API answers with a dated snapshot of the model asked for, as OpenAI does. */
export function snapshotOf(model: string): string {
  return `${model.replace(/^[^/]*\//, '')}-2025-04-14`;
}

/** A non-streaming chat completion, shaped as OpenAI's API returns one today. */
export function chatCompletion(
  content: string | null,
  options: { model?: string; finishReason?: string; promptTokens?: number; completionTokens?: number } = {},
): Record<string, unknown> {
  const promptTokens = options.promptTokens ?? 42;
  const completionTokens = options.completionTokens ?? Math.ceil((content ?? '').length / 4);
  return {
    id: 'chatcmpl-standin0001',
    object: 'chat.completion',
    created: 1_767_225_600,
    model: options.model ?? snapshotOf('gpt-4.1-mini'),
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: options.finishReason ?? 'stop',
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    },
    service_tier: 'default',
    system_fingerprint: 'fp_standin',
  };
}

/** OpenAI's error body. */
export function openAiError(message: string, type: string, code: string | null = null): Record<string, unknown> {
  return { error: { message, type, param: null, code } };
}

/** GitHub Models' error body (no type; codes such as RateLimitReached, unauthorized). */
export function githubModelsError(code: string, message: string): Record<string, unknown> {
  return { error: { code, message, details: message } };
}

function defaultAnswer(request: StandinRequest): StandinAnswer {
  if (request.method !== 'POST' || !request.path.startsWith('/v1/chat/completions')) {
    return { status: 404, body: openAiError(`Invalid URL (${request.method} ${request.path})`, 'invalid_request_error') };
  }
  const asked = (request.body as { model?: unknown } | null)?.model;
  const prompt = JSON.stringify(request.body);
  return { body: chatCompletion(STANDIN_ANSWER, { model: snapshotOf(typeof asked === 'string' ? asked : 'gpt-4.1-mini'), promptTokens: Math.ceil(prompt.length / 4) }) };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function send(response: http.ServerResponse, answer: StandinAnswer): void {
  const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  const type = typeof answer.body === 'string' ? 'text/plain' : 'application/json';
  response.writeHead(answer.status ?? 200, { 'content-type': type, 'x-request-id': 'req_standin', ...answer.headers }).end(body);
}

export async function startOpenAiStandin(): Promise<OpenAiStandin> {
  const requests: StandinRequest[] = [];
  let responder: Responder = () => undefined;
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: StandinRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: parse(Buffer.concat(chunks).toString('utf8')) };
      requests.push(request);
      const scripted = responder(request, requests.length - 1);
      const answer = scripted === undefined ? defaultAnswer(request) : { ...scripted, body: scripted.body ?? ((scripted.status ?? 200) < 300 ? defaultAnswer(request).body : '') };
      const delayMs = answer.delayMs ?? 0;
      if (delayMs === Infinity) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) send(res, answer);
      }, delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    respond: (fn) => {
      responder = fn;
    },
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => {
        resolve();
      }));
    },
  };
}
