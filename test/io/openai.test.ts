import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatRequest, openaiDecider, readChatResponse, retryAfterMs, type OpenAiOptions } from '../../src/runners/openai.ts';
import { readSettings, type Settings } from '../../src/settings.ts';
import { chatCompletion, githubModelsError, openAiError, snapshotOf, STANDIN_ANSWER, startOpenAiStandin, type OpenAiStandin } from '../openai-standin/server.ts';

let api: OpenAiStandin;
beforeEach(async () => {
  api = await startOpenAiStandin();
});
afterEach(async () => {
  await api.close();
});

function settingsFor(url: string | undefined, inputs: Record<string, string> = {}): Settings {
  const env: NodeJS.ProcessEnv = { INPUT_RUNNER: 'openai', 'INPUT_API-KEY': 'k', 'INPUT_TICK-TIMEOUT': '5', ...inputs };
  if (url !== undefined) env['INPUT_API-URL'] = url;
  return readSettings(env);
}

/** A decider whose waits are recorded, not slept. */
function decider(settings: Settings = settingsFor(api.url), options: OpenAiOptions = {}) {
  const sleeps: number[] = [];
  const decide = openaiDecider(settings, {}, { sleep: (ms) => {
    sleeps.push(ms);
    return Promise.resolve();
  }, ...options });
  return { decide, sleeps };
}

const noHeaders = new Headers();

describe('the request', () => {
  it('is one POST to <api-url>/chat/completions with the key as a bearer token, and only the model and the prompt in the body', async () => {
    await decider().decide('the prompt', 'gpt-test');
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/chat/completions' });
    expect(request?.headers).toMatchObject({ authorization: 'Bearer k', 'content-type': 'application/json', accept: 'application/json' });
    expect(request?.body).toEqual({ model: 'gpt-test', messages: [{ role: 'user', content: 'the prompt' }] });
  });

  it('defaults to GitHub Models, the workflow token and openai/gpt-4.1-mini', () => {
    const request = chatRequest(settingsFor(undefined, { 'INPUT_API-KEY': '', 'INPUT_GITHUB-TOKEN': 'ghs_workflow' }), 'p', undefined);
    expect(request.url).toBe('https://models.github.ai/inference/chat/completions');
    expect(request.headers.Authorization).toBe('Bearer ghs_workflow');
    expect(request.body.model).toBe('openai/gpt-4.1-mini');
  });

  it('prefers input api-key to the workflow token', () => {
    const request = chatRequest(settingsFor(undefined, { 'INPUT_API-KEY': 'github_pat_x', 'INPUT_GITHUB-TOKEN': 'ghs_workflow' }), 'p', 'openai/gpt-4.1');
    expect(request.headers.Authorization).toBe('Bearer github_pat_x');
    expect(request.body.model).toBe('openai/gpt-4.1');
  });

  it('never sends the workflow token to an endpoint that is not GitHub Models', () => {
    const request = chatRequest(settingsFor('https://llm.example.com/v1', { 'INPUT_API-KEY': '', 'INPUT_GITHUB-TOKEN': 'ghs_workflow' }), 'p', undefined);
    expect(request.url).toBe('https://llm.example.com/v1/chat/completions');
    expect(JSON.stringify(request)).not.toContain('ghs_workflow');
    expect(request.body.model).toBe('gpt-4.1-mini');
  });

  it('keeps an api-url that already ends in /chat/completions, with its query', () => {
    const request = chatRequest(settingsFor('https://x.openai.azure.com/openai/v1/chat/completions/?api-version=preview'), 'p', 'm');
    expect(request.url).toBe('https://x.openai.azure.com/openai/v1/chat/completions?api-version=preview');
  });
});

describe('a good answer', () => {
  it('is ok, with the content as text, tokens from usage, the model the API names, no cost, and the body as raw', async () => {
    api.respond(() => ({ body: chatCompletion('{"type":"noop"}', { model: 'gpt-4.1-mini-2025-04-14', promptTokens: 1200, completionTokens: 9 }) }));
    const run = await decider().decide('p', 'gpt-4.1-mini');
    expect(run.result).toEqual({ ok: true, text: '{"type":"noop"}', tokensIn: 1200, tokensOut: 9, model: 'gpt-4.1-mini-2025-04-14' });
    expect(run.result.costUsd).toBeUndefined();
    expect(JSON.parse(run.raw)).toMatchObject({ object: 'chat.completion', usage: { total_tokens: 1209 } });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('from the stand-in by default names the dated snapshot of the model asked for', async () => {
    const run = await decider().decide('p', 'openai/gpt-4.1-nano');
    expect(run.result).toMatchObject({ ok: true, text: STANDIN_ANSWER, model: snapshotOf('openai/gpt-4.1-nano') });
  });
});

describe('an error answer', () => {
  it('401 fails at once with the API message and a hint about api-key', async () => {
    api.respond(() => ({ status: 401, body: openAiError('Incorrect API key provided: k.', 'invalid_request_error', 'invalid_api_key') }));
    const { decide, sleeps } = decider();
    const run = await decide('p', undefined);
    expect(api.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(run.result.ok).toBe(false);
    expect(run.result.failure?.kind).toBe('error');
    expect(run.result.failure?.message).toMatch(/^HTTP 401 \(invalid_api_key\): Incorrect API key provided: k\.; check input api-key/);
  });

  it('401 from GitHub Models says the workflow needs permissions: models: read', () => {
    const outcome = readChatResponse(401, noHeaders, JSON.stringify(githubModelsError('unauthorized', 'Bad credentials')), { githubModels: true });
    expect(outcome.retry).toBeUndefined();
    expect(outcome.result.failure?.message).toContain('HTTP 401 (unauthorized): Bad credentials');
    expect(outcome.result.failure?.message).toContain('`permissions: models: read`');
  });

  it('reads Azure\'s bare {code, message}, a string error and a GitHub-style {message}', () => {
    const said = (body: string) => readChatResponse(400, noHeaders, body).result.failure?.message;
    expect(said('{"code":"RateLimitReached","message":"Try again in 20 seconds."}')).toBe('HTTP 400 (RateLimitReached): Try again in 20 seconds.');
    expect(said('{"error":"model not found"}')).toBe('HTTP 400: model not found');
    expect(said('{"message":"Bad credentials","documentation_url":"https://docs.github.com"}')).toBe('HTTP 400: Bad credentials');
  });

  it('400 is not retried and quotes a body that is not an error object', async () => {
    api.respond(() => ({ status: 400, body: 'bad request, plainly' }));
    const run = await decider().decide('p', undefined);
    expect(api.requests).toHaveLength(1);
    expect(run.result.failure?.message).toBe('HTTP 400: "bad request, plainly"');
  });
});

describe('retries', () => {
  it('a 429 with retry-after 1 waits 1 s, asks again and is ok', async () => {
    api.respond((_, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '1' }, body: githubModelsError('RateLimitReached', 'Rate limit of 15 per 60s exceeded.') } : undefined));
    const { decide, sleeps } = decider();
    const run = await decide('p', undefined);
    expect(sleeps).toEqual([1000]);
    expect(api.requests).toHaveLength(2);
    expect(run.result).toMatchObject({ ok: true, text: STANDIN_ANSWER });
  });

  it('really waits the retry-after-ms when no sleep is given', async () => {
    api.respond((_, i) => (i === 0 ? { status: 429, headers: { 'retry-after-ms': '250' } } : undefined));
    const run = await openaiDecider(settingsFor(api.url), {})('p', undefined);
    expect(run.result.ok).toBe(true);
    expect(run.durationMs).toBeGreaterThanOrEqual(240);
  });

  it('a 429 asking for 3 hours fails at once, saying until when', async () => {
    api.respond(() => ({ status: 429, headers: { 'retry-after': '10800' }, body: githubModelsError('RateLimitReached', 'Rate limit of 50 per 86400s exceeded for UserByModelByDay.') }));
    const { decide, sleeps } = decider();
    const before = Date.now();
    const run = await decide('p', undefined);
    expect(api.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
    const message = run.result.failure?.message ?? '';
    expect(message).toContain('HTTP 429 (RateLimitReached): Rate limit of 50 per 86400s exceeded');
    expect(message).toContain('wait 3h 0min');
    expect(message).toContain('so the decision fails now: try again after then');
    const until = Date.parse(/until (\S+)\)/.exec(message)?.[1] ?? '');
    expect(Math.abs(until - (before + 3 * 3600_000))).toBeLessThan(10_000);
  });

  it('a retry-after longer than what is left of tick-timeout fails at once', async () => {
    api.respond(() => ({ status: 503, headers: { 'retry-after': '30' } }));
    const { decide, sleeps } = decider();
    const run = await decide('p', undefined);
    expect(sleeps).toEqual([]);
    expect(run.result.failure?.message).toContain('longer than what is left of tick-timeout');
  });

  it('a 500 that persists is asked 1 + maxRetries times with growing waits, then fails', async () => {
    api.respond(() => ({ status: 500, body: openAiError('The server had an error while processing your request.', 'server_error') }));
    const { decide, sleeps } = decider();
    const run = await decide('p', undefined);
    expect(api.requests).toHaveLength(3);
    expect(sleeps).toEqual([1000, 2000]);
    expect(run.result.failure?.message).toBe('HTTP 500 (server_error): The server had an error while processing your request.; gave up after 3 attempts');
  });

  it('a 502 that clears is retried into an ok answer; maxRetries 0 does not retry', async () => {
    api.respond((_, i) => (i === 0 ? { status: 502, body: '<html>Bad Gateway</html>' } : undefined));
    expect((await decider().decide('p', undefined)).result.ok).toBe(true);
    api.respond((_, i) => (i === 2 ? { status: 502, body: '<html>Bad Gateway</html>' } : undefined));
    const once = await decider(settingsFor(api.url), { maxRetries: 0 }).decide('p', undefined);
    expect(api.requests).toHaveLength(3);
    expect(once.result.failure?.message).toBe('HTTP 502: "<html>Bad Gateway</html>"; gave up after 1 attempt');
  });

  it('a refused connection is retried, then fails naming the host', async () => {
    const port = await closedPort();
    const { decide, sleeps } = decider(settingsFor(`http://127.0.0.1:${port}/v1`));
    const run = await decide('p', undefined);
    expect(sleeps).toEqual([1000, 2000]);
    expect(run.result.failure?.message).toMatch(new RegExp(`^could not reach 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED.*; gave up after 3 attempts$`));
  });

  it('reads retry-after as seconds or an HTTP date, and retry-after-ms first', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': '7' }), now)).toBe(7000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:02:00 GMT' }), now)).toBe(120_000);
    expect(retryAfterMs(new Headers({ 'retry-after': '7', 'retry-after-ms': '150' }), now)).toBe(150);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
  });
});

describe('a malformed answer', () => {
  it('that is not JSON fails, quoting it', async () => {
    api.respond(() => ({ body: 'upstream connect error' }));
    const run = await decider().decide('p', undefined);
    expect(run.result).toEqual({ ok: false, text: null, failure: { kind: 'error', message: 'the API answered with a body that is not JSON: "upstream connect error"' } });
    expect(run.raw).toBe('upstream connect error');
  });

  it('with an empty choices array fails, saying so', async () => {
    api.respond(() => ({ body: { ...chatCompletion('x'), choices: [] } }));
    const run = await decider().decide('p', undefined);
    expect(run.result.failure?.message).toMatch(/^the API answered with no choices: /);
  });

  it('cut off at the output limit fails, saying it was cut off', async () => {
    api.respond(() => ({ body: chatCompletion('{"type":"no', { finishReason: 'length', completionTokens: 4096 }) }));
    const run = await decider().decide('p', undefined);
    expect(run.result).toMatchObject({ ok: false, text: null, tokensOut: 4096 });
    expect(run.result.failure?.message).toContain('cut off at the model\'s output limit after 4096 tokens');
  });

  it('an error body with status 200 fails with its message', async () => {
    api.respond(() => ({ body: openAiError('Provider returned error', 'upstream_error', 'provider_error') }));
    const run = await decider().decide('p', undefined);
    expect(run.result.failure?.message).toBe('the API answered with an error (provider_error): Provider returned error');
  });

  it('larger than 256 KiB fails without being read whole', async () => {
    api.respond(() => ({ body: chatCompletion('x'.repeat(400 * 1024)) }));
    const run = await decider().decide('p', undefined);
    expect(run.result.failure?.message).toMatch(/^the API answered HTTP 200 with more than 256 KiB/);
    expect(run.raw.length).toBeLessThanOrEqual(256 * 1024);
  });

  it.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['choices of the wrong type', '{"choices":"x"}'],
    ['content that is not text', '{"choices":[{"message":{"content":5},"finish_reason":"stop"}]}'],
    ['a refusal', '{"choices":[{"message":{"content":null,"refusal":"I cannot help with that."},"finish_reason":"stop"}]}'],
  ])('%s never throws and fails saying what was wrong', (_, body) => {
    const { result } = readChatResponse(200, noHeaders, body);
    expect(result.ok).toBe(false);
    expect(result.failure?.message).toMatch(/not a chat completion|no text|refused/);
  });
});

describe('the tick-timeout', () => {
  it('ends a hung request as a timeout', async () => {
    api.respond(() => ({ delayMs: Infinity }));
    const started = Date.now();
    const run = await decider({ ...settingsFor(api.url), tickTimeoutMs: 300 }).decide('p', undefined);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(run.result.failure).toEqual({ kind: 'timeout', message: `no answer from ${new URL(api.url).host} within tick-timeout (300 ms)` });
  });
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
