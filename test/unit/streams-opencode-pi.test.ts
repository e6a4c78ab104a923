import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunnerResult, StreamParser } from '../../src/runners/result.ts';
import { opencodeStream } from '../../src/runners/streams/opencode.ts';
import { piStream } from '../../src/runners/streams/pi.ts';
import { chunksOf, fixture, FIXTURES, lines, parse, randomChunks, run } from '../helpers/streams.ts';

type Format = 'opencode' | 'pi';

const parsers: Readonly<Record<Format, () => StreamParser>> = { opencode: opencodeStream, pi: piStream };


const OPENCODE_CUT_OFF = 'the stream ended without a final step_finish event (the runner crashed or was cut off)';
const PI_CUT_OFF = 'the stream ended without a final agent_end event (the runner crashed or was cut off)';

const PI_401 =
  '401: {"message":"Incorrect API key provided: sk-stand***. (stand-in forced 401)","type":"invalid_request_error","param":null,"code":"invalid_api_key"}';
const PI_529 = '529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}';

// Expected values read off each fixture by hand. opencode: tokensIn = input + cache.read +
// cache.write and tokensOut = output + reasoning, summed over every step_finish (their `total` is
// the sum of all five); the answer is the text parts of the last message with text. pi:
// tokensIn = input + cacheRead + cacheWrite and tokensOut = output (reasoning is inside it),
// summed over every assistant message_end; model = provider/model of the last one.
//
// How the handwritten fixtures were made (none was captured from a real CLI):
// - handwritten-opencode-multi-step-cost: the 1.18.18 tool-run and 1.18.15 success lines as the
//   pattern: a step with prose, a tool call denied by `permission: {"*": "deny"}` (tool state
//   "error") and reason "tool-calls", then a step with the JSON answer and reason "stop"; token
//   figures chosen so that each `total` is the sum of its five fields.
// - handwritten-opencode-2x-rate-limit: a 1.18 `step_start` followed by one error line in the 2.x
//   shape of opencode-v2-errors-redacted (`{type: "provider.rate-limit", message, status}`); that
//   2.x keeps the 1.18 step_start shape is an assumption.
// - handwritten-opencode-1x-length-then-error: 1.18 lines for an answer cut at the output limit:
//   `step_finish` with reason "length", then an `error` line holding opencode's
//   MessageOutputLengthError, a NamedError whose `data` is empty; the ordering is assumed.
// - handwritten-opencode-done-record: the 1.18.33 success lines plus the closing
//   `{type: "done", reason: "idle", rejected: []}` record that newer run.ts prints last.
// - handwritten-pi-retry-then-success: the pi 0.87.1 local-api lines (system message trimmed)
//   with a 429 assistant error, `agent_end` with `willRetry: true`, `auto_retry_start`, a second
//   `agent_start` … `message_end` with stopReason "stop", `agent_end`, `auto_retry_end` with
//   success, `agent_settled`: the order pi's AgentSession emits them in.
// - handwritten-pi-retry-exhausted: the older shape of pi-2026-04-20-error-run (no `willRetry`,
//   no `agent_settled`) with a 529, one retry (`maxAttempts: 1`) failing the same way, then
//   `auto_retry_end` with `success: false` and `finalError`.
// - handwritten-pi-thinking-and-text-items: pi 0.87.1 lines whose assistant content is a
//   thinking item and two text items, with cache writes and reasoning in its usage.
const expected: Readonly<Record<string, { readonly format: Format; readonly finished: boolean; readonly result: RunnerResult }>> = {
  'opencode-1.18.15-success.jsonl': {
    format: 'opencode',
    finished: true,
    result: { ok: true, text: 'PONG', tokensIn: 121702 + 0 + 0, tokensOut: 3 + 0, costUsd: 0.00851956 },
  },
  'opencode-1.18.15-error.jsonl': {
    format: 'opencode',
    finished: true,
    result: {
      ok: false,
      failure: {
        kind: 'error',
        message:
          'opencode reported an error: Insufficient balance. Manage your billing here: https://opencode.ai/workspace/wrk_01KZ/billing (APIError, HTTP 401)',
        // A 401 for an empty balance: the key is fine, the account is not.
        cause: 'spend-limit',
      },
      text: null,
    },
  },
  // The closing text line belongs to another session 111 s later (the source joined two runs);
  // opencode stamps every line with its own run's session, so the parser does not filter on it.
  'opencode-1.18.18-tool-run.jsonl': {
    format: 'opencode',
    finished: true,
    result: {
      ok: true,
      text: '4',
      tokensIn: 237 + 7936 + 0 + (609 + 7936 + 0),
      tokensOut: 39 + 67 + (1 + 9),
      costUsd: 0,
    },
  },
  'opencode-1.18.29-issue47972-error.jsonl': {
    format: 'opencode',
    finished: true,
    result: {
      ok: false,
      failure: {
        kind: 'error',
        message: 'opencode reported an error: Unexpected server error. Check server logs for details. (UnknownError)',
      },
      text: null,
    },
  },
  'opencode-1.18.33-local-api-error.jsonl': {
    format: 'opencode',
    finished: true,
    result: {
      ok: false,
      failure: {
        kind: 'error',
        message: 'opencode reported an error: Incorrect API key provided: sk-stand***. (stand-in forced 401) (APIError, HTTP 401)',
        cause: 'auth',
      },
      text: null,
    },
  },
  'opencode-1.18.33-local-api-success-notools.jsonl': {
    format: 'opencode',
    finished: true,
    result: { ok: true, text: '{"type":"noop","reason":"calm"}', tokensIn: 120, tokensOut: 20, costUsd: 0 },
  },
  // Without the final step_finish nothing says the step did not go on to a tool call: the text
  // is kept, the run is not trusted.
  'opencode-issue26855-missing-step_finish.jsonl': {
    format: 'opencode',
    finished: false,
    result: {
      ok: false,
      failure: { kind: 'incomplete', message: OPENCODE_CUT_OFF },
      text: '`46457 * 352456 = 16,374,048,392`',
    },
  },
  'opencode-v2-errors-redacted.jsonl': {
    format: 'opencode',
    finished: true,
    result: {
      ok: false,
      failure: {
        kind: 'error',
        message:
          'opencode reported an error: This request requires more credits, or fewer max_tokens. … (provider.quota, HTTP 402) ' +
          '(errors before it: Error 429: You have reached your weekly ExamplePass limit. The limit resets in 1d 5h, please try again later. (provider.rate-limit, HTTP 429))',
        cause: 'spend-limit',
      },
      text: null,
    },
  },
  'handwritten-opencode-multi-step-cost.jsonl': {
    format: 'opencode',
    finished: true,
    result: {
      ok: true,
      text: '{"type":"noop","reason":"nothing to do"}',
      tokensIn: 1200 + 0 + 1490 + (60 + 2741 + 0),
      tokensOut: 48 + 12 + (25 + 0),
      costUsd: 0.0123 + 0.00456,
    },
  },
  'handwritten-opencode-2x-rate-limit.jsonl': {
    format: 'opencode',
    finished: true,
    result: {
      ok: false,
      failure: {
        kind: 'error',
        message:
          'opencode reported an error: Rate limit reached for requests: 429 Too Many Requests. Please retry after 20s. (provider.rate-limit, HTTP 429)',
        cause: 'rate-limit',
      },
      text: null,
    },
  },
  'handwritten-opencode-1x-length-then-error.jsonl': {
    format: 'opencode',
    finished: true,
    result: {
      ok: false,
      failure: { kind: 'error', message: 'opencode reported an error: MessageOutputLengthError' },
      text: '{"type":"open_goal","title":"Split the parser',
      tokensIn: 400,
      tokensOut: 4096,
      costUsd: 0.06204,
    },
  },
  'handwritten-opencode-done-record.jsonl': {
    format: 'opencode',
    finished: true,
    result: { ok: true, text: '{"type":"noop","reason":"calm"}', tokensIn: 1300, tokensOut: 30, costUsd: 0.00165 },
  },
  'pi-0.85.1-real.jsonl': {
    format: 'pi',
    finished: false,
    result: { ok: false, failure: { kind: 'incomplete', message: PI_CUT_OFF }, text: null },
  },
  'pi-0.87.1-local-api-error.jsonl': {
    format: 'pi',
    finished: true,
    result: {
      ok: false,
      failure: { kind: 'error', message: `pi reported a model error: ${PI_401}`, cause: 'auth' },
      text: null,
      model: 'standin/stand-in-model',
      tokensIn: 0,
      tokensOut: 0,
      costUsd: 0,
    },
  },
  'pi-0.87.1-local-api-success.jsonl': {
    format: 'pi',
    finished: true,
    result: {
      ok: true,
      text: '{"type":"noop","reason":"calm"}',
      model: 'standin/stand-in-model',
      tokensIn: 120 + 0 + 0,
      tokensOut: 20,
      costUsd: 0,
    },
  },
  'pi-2026-04-20-error-run.jsonl': {
    format: 'pi',
    finished: true,
    result: {
      ok: false,
      failure: {
        kind: 'error',
        message: 'pi reported a model error: You have hit your ChatGPT usage limit (team plan). Try again in ~406 min.',
        cause: 'spend-limit',
      },
      text: null,
      model: 'openai-codex/gpt-5.4',
      tokensIn: 0,
      tokensOut: 0,
      costUsd: 0,
    },
  },
  'handwritten-pi-retry-then-success.jsonl': {
    format: 'pi',
    finished: true,
    result: {
      ok: true,
      text: '{"type":"noop","reason":"waiting for CI"}',
      model: 'openrouter/anthropic/claude-sonnet-4.5',
      tokensIn: 0 + (1180 + 320 + 0),
      tokensOut: 0 + 35,
      costUsd: 0 + 0.004161,
    },
  },
  'handwritten-pi-retry-exhausted.jsonl': {
    format: 'pi',
    finished: true,
    result: {
      ok: false,
      failure: { kind: 'error', message: `pi reported a model error: ${PI_529} (after 1 automatic retry)` },
      text: null,
      model: 'anthropic/claude-sonnet-4-5',
      tokensIn: 0,
      tokensOut: 0,
      costUsd: 0,
    },
  },
  'handwritten-pi-thinking-and-text-items.jsonl': {
    format: 'pi',
    finished: true,
    result: {
      ok: true,
      text: 'Nothing needs doing this beat.\n{"type":"noop","reason":"calm"}',
      model: 'deepseek/deepseek-reasoner',
      tokensIn: 2048 + 0 + 512,
      tokensOut: 151,
      costUsd: 0.010329,
    },
  },
};
const cases = Object.entries(expected);
const names = Object.keys(expected);

describe('captured and handwritten opencode and pi streams', () => {
  it.each(cases)('%s reduces to the hand-read result', (name, { format, result }) => {
    expect(parse(format, fixture(name))).toEqual(result);
  });

  it.each(cases)('%s leaves finished() as the run left it', (name, { format, finished }) => {
    const parser = parsers[format]();
    parser.push(fixture(name));
    expect(parser.finished()).toBe(finished);
  });

  it.each(cases)('%s gives the same result fed one character at a time', (name, { format, result }) => {
    expect(run(parsers[format](), chunksOf(fixture(name), 1))).toEqual(result);
  });

  it.each(cases)('%s gives the same result in random-size chunks', (name, { format, result }) => {
    for (const seed of [1, 7, 42]) expect(run(parsers[format](), randomChunks(fixture(name), seed))).toEqual(result);
  });

  it.each(cases)('%s gives the same result with CRLF line endings', (name, { format, result }) => {
    expect(parse(format, fixture(name).replaceAll('\n', '\r\n'))).toEqual(result);
  });

  it.each(cases)('%s gives the same result with blank, garbage and unknown lines between events', (name, { format, result }) => {
    const noise = ['', '   ', 'Warning: something on stdout', '{broken json', '[1,2]', 'null', '{"type":"from_the_future","is_error":true}'];
    const noisy = fixture(name)
      .split('\n')
      .flatMap((line) => [line, ...noise])
      .join('\n');
    expect(parse(format, noisy)).toEqual(result);
  });

  it('covers every opencode and pi fixture on disk, captured or handwritten', () => {
    const onDisk = readdirSync(FIXTURES).filter((file) => /^(handwritten-)?(opencode|pi)-.*\.jsonl$/.test(file));
    expect(onDisk.sort()).toEqual([...names].sort());
  });

  it('each call gives a fresh parser', () => {
    const first = opencodeStream();
    first.push(fixture('opencode-1.18.15-success.jsonl'));
    expect(opencodeStream().end().ok).toBe(false);
    const pi = piStream();
    pi.push(fixture('pi-0.87.1-local-api-success.jsonl'));
    expect(piStream().finished()).toBe(false);
  });
});

describe('opencode stream', () => {
  const session = 'ses_test';
  const at = { timestamp: 1795424829737, sessionID: session };
  const stepStart = (messageID = 'msg_1'): object => ({
    type: 'step_start',
    ...at,
    part: { id: `prt_start_${messageID}`, messageID, sessionID: session, type: 'step-start' },
  });
  const say = (text: string, id = 'prt_text', messageID = 'msg_1'): object => ({
    type: 'text',
    ...at,
    part: { id, messageID, sessionID: session, type: 'text', text, time: { start: 1, end: 2 } },
  });
  const stepFinish = (reason: string, messageID = 'msg_1', input = 10, cost = 0.001): object => ({
    type: 'step_finish',
    ...at,
    part: {
      id: `prt_finish_${messageID}`,
      reason,
      messageID,
      sessionID: session,
      type: 'step-finish',
      tokens: { total: input + 5 + 1 + 2 + 3, input, output: 5, reasoning: 1, cache: { write: 2, read: 3 } },
      cost,
    },
  });
  const rateLimit = { type: 'error', ...at, error: { type: 'provider.rate-limit', message: 'Error 429: slow down', status: 429 } };

  it('a text part printed again replaces its earlier text, and parts stay in the order they first came', () => {
    const stream = lines(
      stepStart(),
      say('draft of the first part', 'prt_a'),
      say('second part', 'prt_b'),
      say('first part', 'prt_a'),
      stepFinish('stop'),
    );
    expect(parse('opencode', stream).text).toBe('first part\nsecond part');
  });

  it('a later message with text replaces the answer; one without text leaves it', () => {
    const stream = lines(
      stepStart('msg_1'),
      say('Let me check the tests.', 'prt_a', 'msg_1'),
      stepFinish('tool-calls', 'msg_1'),
      stepStart('msg_2'),
      say('{"type":"noop"}', 'prt_b', 'msg_2'),
      stepFinish('tool-calls', 'msg_2'),
      stepStart('msg_3'),
      say('  \n', 'prt_c', 'msg_3'),
      stepFinish('stop', 'msg_3'),
    );
    expect(parse('opencode', stream)).toEqual({
      ok: true,
      text: '{"type":"noop"}',
      tokensIn: 3 * (10 + 2 + 3),
      tokensOut: 3 * (5 + 1),
      costUsd: 0.001 + 0.001 + 0.001,
    });
  });

  it('a run that ends after a tool-calls step is incomplete, with the tokens so far', () => {
    const stream = lines(stepStart(), say('Let me look.'), stepFinish('tool-calls', 'msg_1', 100, 0.25));
    expect(parse('opencode', stream)).toEqual({
      ok: false,
      failure: { kind: 'incomplete', message: OPENCODE_CUT_OFF },
      text: 'Let me look.',
      tokensIn: 105,
      tokensOut: 6,
      costUsd: 0.25,
    });
  });

  it('a final step of any reason but tool-calls, unknown or error ends the run in success', () => {
    for (const reason of ['stop', 'length', 'content-filter', 'other']) {
      const result = parse('opencode', lines(stepStart(), say('{"type":"noop","reason":"cut'), stepFinish(reason)));
      expect(result.ok, reason).toBe(true);
    }
    expect(parse('opencode', lines(stepStart(), say('x'), stepFinish('unknown'))).ok).toBe(false);
  });

  it('a final step with reason error fails the run and names the errors before it', () => {
    const stream = lines(stepStart(), rateLimit, stepStart(), stepFinish('error'));
    expect(parse('opencode', stream).failure).toEqual({
      kind: 'error',
      message:
        'opencode reported an error: its last step finished with reason "error" (errors before it: Error 429: slow down (provider.rate-limit, HTTP 429))',
    });
  });

  it('an error followed by a new step that stops is a success: the run recovered', () => {
    const stream = lines(stepStart('msg_1'), rateLimit, stepStart('msg_2'), say('{"type":"noop"}', 'prt_b', 'msg_2'), stepFinish('stop', 'msg_2'));
    expect(parse('opencode', stream)).toEqual({
      ok: true,
      text: '{"type":"noop"}',
      tokensIn: 15,
      tokensOut: 6,
      costUsd: 0.001,
    });
  });

  it('an error after the final step fails the run: the last word wins', () => {
    const stream = lines(stepStart(), say('{"type":"noop"}'), stepFinish('stop'), rateLimit);
    expect(parse('opencode', stream)).toMatchObject({
      ok: false,
      failure: { kind: 'error', message: 'opencode reported an error: Error 429: slow down (provider.rate-limit, HTTP 429)' },
      text: '{"type":"noop"}',
    });
  });

  it('a stream that ends after an error and a new step is incomplete and says what the errors were', () => {
    expect(parse('opencode', lines(stepStart(), rateLimit, stepStart())).failure).toEqual({
      kind: 'incomplete',
      message: `${OPENCODE_CUT_OFF}; errors before the end: Error 429: slow down (provider.rate-limit, HTTP 429)`,
    });
  });

  it('the done record closes a run whose final step_finish was lost', () => {
    const done = { type: 'done', ...at, reason: 'idle', rejected: [] };
    expect(parse('opencode', lines(stepStart(), say('`16,374,048,392`'), done))).toEqual({ ok: true, text: '`16,374,048,392`' });
    expect(parse('opencode', lines(stepStart(), rateLimit, done)).ok).toBe(false);
  });

  it('errors in unknown shapes are quoted, a bare error line says so, and long messages are clipped', () => {
    const quoted = parse('opencode', lines({ type: 'error', ...at, error: { success: false, errors: [{ message: 'bad' }] } }));
    expect(quoted.failure?.message).toBe('opencode reported an error: {"success":false,"errors":[{"message":"bad"}]}');
    expect(parse('opencode', lines({ type: 'error', ...at })).failure?.message).toBe('opencode reported an error: no error details');
    const long = parse('opencode', lines({ type: 'error', ...at, error: { name: 'APIError', data: { message: 'x'.repeat(5000), statusCode: 400 } } }));
    expect(long.failure?.message).toBe(`opencode reported an error: ${'x'.repeat(2000)}… (APIError, HTTP 400)`);
  });

  it('finished() turns true at a final step or an error, and back to false when another step starts', () => {
    const parser = opencodeStream();
    const seen: boolean[] = [];
    for (const event of [stepStart(), say('hi'), stepFinish('tool-calls'), stepStart(), stepFinish('stop'), stepStart(), rateLimit]) {
      parser.push(lines(event));
      seen.push(parser.finished());
    }
    expect(seen).toEqual([false, false, false, false, true, false, true]);
  });

  it('malformed fields and events never hide the verdict or throw', () => {
    const stream = lines(
      stepStart(),
      { type: 'text', part: null },
      { type: 'text', part: { id: 'p', text: 5 } },
      { type: 'step_finish', part: null },
      { type: 'step_finish', part: { reason: 7, tokens: 'many', cost: '1' } },
      { type: 'step_finish', part: { reason: 'stop', tokens: { input: 'x', output: 3, cache: null }, cost: -1 } },
      { type: 'done', reason: { nested: true } },
    );
    expect(parse('opencode', stream)).toEqual({ ok: true, text: null, tokensOut: 3 });
  });

  it('a stream cut off mid-line before the final step_finish is incomplete and keeps the answer so far', () => {
    const whole = fixture('opencode-1.18.15-success.jsonl');
    const cut = whole.slice(0, whole.indexOf('{"type":"step_finish"') + 40);
    expect(parse('opencode', cut)).toEqual({ ok: false, failure: { kind: 'incomplete', message: OPENCODE_CUT_OFF }, text: 'PONG' });
  });

  it('an output that is not JSON events is quoted in the failure', () => {
    expect(parse('opencode', 'Error: Model not found: local/m\n')).toEqual({
      ok: false,
      failure: {
        kind: 'incomplete',
        message: 'the output was not opencode run --format json events (no JSON event in it); it began: "Error: Model not found: local/m"',
      },
      text: null,
    });
  });

  it('an empty stream is incomplete: the runner printed nothing', () => {
    expect(parse('opencode', '')).toEqual({
      ok: false,
      failure: { kind: 'incomplete', message: `${OPENCODE_CUT_OFF}; the runner printed nothing` },
      text: null,
    });
  });
});

describe('pi stream', () => {
  const header = { type: 'session', version: 3, id: 'sess-1', timestamp: '2026-11-23T09:08:26.769Z', cwd: '/repo' };
  const usage = (input: number, output: number, total: number): object => ({
    input,
    output,
    cacheRead: 1,
    cacheWrite: 2,
    totalTokens: input + output + 3,
    cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, total },
  });
  const assistant = (content: unknown, extra: object = {}): object => ({
    type: 'message_end',
    message: {
      role: 'assistant',
      content,
      api: 'openai-completions',
      provider: 'standin',
      model: 'm',
      usage: usage(10, 4, 0.5),
      stopReason: 'stop',
      timestamp: 1,
      ...extra,
    },
  });
  const failed = (errorMessage: string): object =>
    assistant([], { stopReason: 'error', errorMessage, usage: usage(0, 0, 0) });
  const text = (value: string): object[] => [{ type: 'text', text: value }];

  it('an agent_end that will be retried does not end the run: a stream cut during the retry is incomplete and names the error', () => {
    const stream = lines(
      header,
      { type: 'agent_start' },
      failed('429 slow down'),
      { type: 'agent_end', messages: [], willRetry: true },
      { type: 'auto_retry_start', attempt: 1, maxAttempts: 3, delayMs: 2000, errorMessage: '429 slow down' },
    );
    expect(parse('pi', stream)).toEqual({
      ok: false,
      failure: {
        kind: 'incomplete',
        message: `${PI_CUT_OFF}; before the end, pi reported a model error: 429 slow down (after 1 automatic retry)`,
      },
      text: null,
      model: 'standin/m',
      tokensIn: 3,
      tokensOut: 0,
      costUsd: 0,
    });
  });

  it('an aborted model call is a failure, and an error without errorMessage still is', () => {
    const aborted = lines(header, assistant(text('half an ans'), { stopReason: 'aborted', errorMessage: 'Request was aborted' }), {
      type: 'agent_end',
    });
    expect(parse('pi', aborted)).toMatchObject({
      ok: false,
      failure: { kind: 'error', message: 'pi reported the model call as aborted: Request was aborted' },
      text: 'half an ans',
    });
    const bare = lines(header, assistant([], { stopReason: 'error' }), { type: 'agent_end' });
    expect(parse('pi', bare).failure).toEqual({ kind: 'error', message: 'pi reported a model error: no errorMessage' });
  });

  it('the answer is the last assistant message; user, system and tool result messages never are', () => {
    const stream = lines(
      header,
      assistant(text('I will read the goals.'), { stopReason: 'toolUse' }),
      { type: 'message_end', message: { role: 'toolResult', content: text('goal list') } },
      assistant(text('{"type":"noop"}'), { usage: usage(20, 6, 0.25) }),
      { type: 'message_end', message: { role: 'user', content: 'a steering message' } },
      { type: 'agent_end' },
    );
    expect(parse('pi', stream)).toEqual({
      ok: true,
      text: '{"type":"noop"}',
      model: 'standin/m',
      tokensIn: 10 + 3 + (20 + 3),
      tokensOut: 4 + 6,
      costUsd: 0.5 + 0.25,
    });
  });

  it('string content is the answer as it is, and a model without a provider is named alone', () => {
    const stream = lines(header, assistant('{"type":"noop"}', { provider: undefined }), { type: 'agent_end' });
    expect(parse('pi', stream)).toMatchObject({ ok: true, text: '{"type":"noop"}', model: 'm' });
  });

  it('finished() follows the agent: an agent_end that will retry, a retry, compaction and agent_settled', () => {
    const parser = piStream();
    const seen: boolean[] = [];
    const events = [
      header,
      { type: 'agent_start' },
      failed('529 overloaded'),
      { type: 'agent_end', willRetry: true },
      { type: 'auto_retry_start', attempt: 1 },
      { type: 'agent_start' },
      assistant(text('ok')),
      { type: 'agent_end', willRetry: false },
      { type: 'auto_compaction_start', reason: 'threshold' },
      { type: 'auto_compaction_end', aborted: false, willRetry: false },
      { type: 'agent_settled' },
    ];
    for (const event of events) {
      parser.push(lines(event));
      seen.push(parser.finished());
    }
    expect(seen).toEqual([false, false, false, false, false, false, false, true, false, true, true]);
    expect(parser.end().ok).toBe(true);
  });

  it('in the older shape an agent_end without willRetry ends the run until a retry starts', () => {
    const parser = piStream();
    parser.push(lines(header, { type: 'agent_start' }, failed('529 overloaded'), { type: 'agent_end' }));
    expect(parser.finished()).toBe(true);
    parser.push(lines({ type: 'auto_retry_start', attempt: 1, maxAttempts: 3, delayMs: 2000, errorMessage: '529 overloaded' }));
    expect(parser.finished()).toBe(false);
  });

  it('compaction that will retry reopens the run', () => {
    const stream = lines(header, failed('context too long'), { type: 'agent_end' }, { type: 'compaction_start' }, { type: 'compaction_end', willRetry: true });
    expect(parse('pi', stream).failure?.kind).toBe('incomplete');
  });

  it('malformed fields and events never hide the verdict or throw', () => {
    const stream = lines(
      header,
      { type: 'message_end', message: null },
      { type: 'message_end', message: { role: 'assistant', content: 5, usage: 'x', stopReason: 3, provider: 1, model: ['m'] } },
      { type: 'message_end', message: { role: 'assistant', content: [null, { type: 'text' }], usage: { input: 'x', output: 2, cost: 'free' } } },
      { type: 'agent_end', willRetry: 'yes' },
    );
    expect(parse('pi', stream)).toEqual({ ok: true, text: null, tokensOut: 2 });
  });

  it('a stream cut off mid-line before agent_end is incomplete and keeps the answer and usage so far', () => {
    const whole = fixture('pi-0.87.1-local-api-success.jsonl');
    const cut = whole.slice(0, whole.indexOf('{"type":"agent_end"') + 60);
    expect(parse('pi', cut)).toEqual({
      ok: false,
      failure: { kind: 'incomplete', message: PI_CUT_OFF },
      text: '{"type":"noop","reason":"calm"}',
      model: 'standin/stand-in-model',
      tokensIn: 120,
      tokensOut: 20,
      costUsd: 0,
    });
  });

  it('an output that is not JSON events is quoted in the failure', () => {
    expect(parse('pi', 'Error: unknown option --mode\n')).toEqual({
      ok: false,
      failure: {
        kind: 'incomplete',
        message: 'the output was not pi --mode json events (no JSON event in it); it began: "Error: unknown option --mode"',
      },
      text: null,
    });
  });

  it('an empty stream is incomplete: the runner printed nothing', () => {
    expect(parse('pi', '')).toEqual({
      ok: false,
      failure: { kind: 'incomplete', message: `${PI_CUT_OFF}; the runner printed nothing` },
      text: null,
    });
  });
});
