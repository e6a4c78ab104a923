import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunnerResult } from '../../src/runners/result.ts';
import { claudeStream } from '../../src/runners/streams/claude.ts';
import { codexStream } from '../../src/runners/streams/codex.ts';
import { streamParser } from '../../src/runners/streams/index.ts';
import type { StreamFormat } from '../../src/runners/streams/index.ts';
import { MAX_TEXT_CHARS, textStream } from '../../src/runners/streams/text.ts';
import { chunksOf, fixture, FIXTURES, lines, parse, randomChunks, run } from '../helpers/streams.ts';


const CUT_OFF = 'the stream ended without a result event (the runner crashed or was cut off)';
const CODEX_CUT_OFF = 'the stream ended without a turn.completed event (the runner crashed or was cut off)';

// Expected values read off each fixture by hand: text from result.result (claude) or the last
// agent_message (codex); claude tokensIn = input + cache_creation + cache_read from result.usage;
// codex tokensIn = input_tokens, which already holds cached_input_tokens.
const expected: Readonly<Record<string, { readonly format: StreamFormat; readonly result: RunnerResult }>> = {
  'claude-2.1.330-local-api-success.jsonl': {
    format: 'claude',
    result: {
      ok: true,
      text: '{"type":"noop","reason":"calm"}',
      model: 'claude-opus-5-5',
      tokensIn: 100 + 0 + 0,
      tokensOut: 20,
      costUsd: 0.0008,
    },
  },
  'claude-stream-gleam-golden-basic.jsonl': {
    format: 'claude',
    result: {
      ok: true,
      text: '4',
      model: 'claude-opus-4-5-20251101',
      tokensIn: 10 + 21570 + 0,
      tokensOut: 25,
      costUsd: 0.1354875,
    },
  },
  'claude-stream-gleam-tooluse-session.jsonl': {
    format: 'claude',
    result: {
      ok: true,
      text: 'Here are the files in the current directory.',
      model: 'claude-opus-4-5-20251101',
      tokensIn: 18 + 25067 + 17254,
      tokensOut: 424,
      costUsd: 0.24722425,
    },
  },
  'claude-stream-haiku45-websearch-partial.jsonl': {
    format: 'claude',
    result: {
      ok: true,
      text: "Here's the latest news on US tariff rates...",
      model: 'claude-haiku-4-5-20251001',
      tokensIn: 6 + 9332 + 35976,
      tokensOut: 644,
      costUsd: 0.05407735,
    },
  },
  'claude-stream-opus46-write-ratelimit.jsonl': {
    format: 'claude',
    result: {
      ok: true,
      text: 'Created `stream-test.txt` with the content "stream works".',
      model: 'claude-opus-4-6',
      tokensIn: 4 + 1774 + 38897,
      tokensOut: 107,
      costUsd: 0.033231000000000004,
    },
  },
  'claude-stream-v2.1.200-write-run.jsonl': {
    format: 'claude',
    result: {
      ok: true,
      text: 'Done — I created `hello.txt` in the working directory containing the word "hello".',
      model: 'claude-fable-5',
      tokensIn: 9388 + 14392 + 34904,
      tokensOut: 184,
      costUsd: 0.42642399999999997,
    },
  },
  'codex-0.169.0-local-api-success.jsonl': {
    format: 'codex',
    result: { ok: true, text: '{"type":"noop","reason":"calm"}', tokensIn: 120, tokensOut: 20 },
  },
  'codex-exec-0.144.4-pong.jsonl': {
    format: 'codex',
    result: { ok: true, text: 'pong', tokensIn: 15276, tokensOut: 5 },
  },
  'codex-exec-0.146.1-turn.jsonl': {
    format: 'codex',
    result: { ok: true, text: 'DONE', tokensIn: 79281, tokensOut: 301 },
  },
  'codex-exec-structured-output.jsonl': {
    format: 'codex',
    result: {
      ok: true,
      text: JSON.stringify({
        edits: [
          {
            path: 'orders.py',
            content:
              'from pricing import calculate_total\n\nclass OrderService:\n    def __init__(self):\n        self.orders = []\n\n' +
              '    def create_order(self, price):\n        total = calculate_total(price, 10)\n        order = {\n' +
              '            "price": price,\n            "total": total\n        }\n        self.orders.append(order)\n        return order\n',
          },
        ],
      }),
      tokensIn: 17595,
      tokensOut: 240,
    },
  },
};
const cases = Object.entries(expected);
const names = Object.keys(expected);

describe('captured runner streams', () => {
  it.each(cases)('%s reduces to the hand-read result', (name, { format, result }) => {
    expect(parse(format, fixture(name))).toEqual(result);
  });

  it.each(cases)('%s gives the same result fed one character at a time', (name, { format, result }) => {
    expect(run(streamParser(format), chunksOf(fixture(name), 1))).toEqual(result);
  });

  it.each(cases)('%s gives the same result in random-size chunks', (name, { format, result }) => {
    for (const seed of [1, 7, 42]) expect(run(streamParser(format), randomChunks(fixture(name), seed))).toEqual(result);
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

  it('covers every claude and codex fixture on disk', () => {
    const onDisk = readdirSync(FIXTURES).filter((file) => /^(claude|codex)-.*\.jsonl$/.test(file));
    expect(onDisk.sort()).toEqual([...names].sort());
  });
});

describe('claude stream', () => {
  const init = { type: 'system', subtype: 'init', session_id: 's1', model: 'claude-sonnet-4-5', tools: [] };
  const usage = { input_tokens: 3, cache_creation_input_tokens: 5, cache_read_input_tokens: 7, output_tokens: 11 };
  const say = (text: string, id = 'msg_1', parent: string | null = null): object => ({
    type: 'assistant',
    message: { id, type: 'message', role: 'assistant', content: [{ type: 'text', text }] },
    parent_tool_use_id: parent,
    session_id: 's1',
  });

  it('a spend limit reported as subtype success is a failure', () => {
    const stream = lines(init, say('Spending cap reached resets 5pm', 'msg_x'), {
      type: 'result',
      subtype: 'success',
      is_error: true,
      num_turns: 1,
      result: 'Spending cap reached resets 5pm',
      total_cost_usd: 0,
      usage: { input_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 0 },
    });
    expect(parse('claude', stream)).toEqual({
      ok: false,
      failure: { kind: 'error', message: 'claude reported an error: Spending cap reached resets 5pm (subtype success)' },
      text: 'Spending cap reached resets 5pm',
      model: 'claude-sonnet-4-5',
      tokensIn: 0,
      tokensOut: 0,
      costUsd: 0,
    });
  });

  it('an API error result names its terminal reason and HTTP status', () => {
    const stream = lines(init, {
      type: 'result',
      subtype: 'success',
      is_error: true,
      result: 'API Error: 400 model not found',
      api_error_status: 400,
      terminal_reason: 'api_error',
    });
    expect(parse('claude', stream).failure).toEqual({
      kind: 'error',
      message:
        'claude reported an error: API Error: 400 model not found (subtype success, terminal_reason api_error, API status 400)',
      cause: 'model',
    });
  });

  it('an error subtype without result text is explained by its errors[] and falls back to the last answer text', () => {
    const stream = lines(init, say('Let me look at the tests.'), {
      type: 'result',
      subtype: 'error_during_execution',
      is_error: true,
      errors: ['Tool permission stream closed', { code: 'EPIPE' }],
      terminal_reason: 'aborted',
      total_cost_usd: 0.5,
      usage,
    });
    expect(parse('claude', stream)).toEqual({
      ok: false,
      failure: {
        kind: 'error',
        message:
          'claude reported an error: Tool permission stream closed; {"code":"EPIPE"} (subtype error_during_execution, terminal_reason aborted)',
      },
      text: 'Let me look at the tests.',
      model: 'claude-sonnet-4-5',
      tokensIn: 15,
      tokensOut: 11,
      costUsd: 0.5,
    });
  });

  it('an error result with empty errors[] still names its subtype', () => {
    const stream = lines({ type: 'result', subtype: 'error_max_turns', is_error: true, errors: [], terminal_reason: 'max_turns' });
    expect(parse('claude', stream).failure).toEqual({
      kind: 'error',
      message: 'claude reported an error: no error text (subtype error_max_turns, terminal_reason max_turns)',
    });
  });

  it('a result without is_error is not a success', () => {
    const result = parse('claude', lines({ type: 'result', subtype: 'success', result: 'done' }));
    expect(result.ok).toBe(false);
    expect(result.failure).toEqual({ kind: 'error', message: 'claude did not report is_error: false: done (subtype success)' });
  });

  it('a successful result without result text answers with the last top-level assistant text', () => {
    const stream = lines(
      init,
      say('first thoughts', 'msg_1'),
      say('{"type":', 'msg_2'),
      { type: 'assistant', message: { id: 'msg_2', content: [{ type: 'tool_use', id: 't', name: 'Read', input: {} }] } },
      say('"noop"}', 'msg_2'),
      say('a subagent talking', 'msg_sub', 'toolu_parent'),
      { type: 'result', subtype: 'success', is_error: false, usage },
    );
    expect(parse('claude', stream).text).toBe('{"type":"noop"}');
  });

  it('a blank result text falls back to the assistant text', () => {
    const stream = lines(say('the answer'), { type: 'result', subtype: 'success', is_error: false, result: '  \n' });
    expect(parse('claude', stream)).toEqual({ ok: true, text: 'the answer' });
  });

  it('without an init frame the model is the modelUsage entry that cost most', () => {
    const withoutInit = fixture('claude-stream-v2.1.200-write-run.jsonl').split('\n').slice(1).join('\n');
    expect(parse('claude', withoutInit).model).toBe('claude-fable-5');
  });

  it('without result.usage the tokens are summed over modelUsage', () => {
    const stream = lines(init, {
      type: 'result',
      subtype: 'success',
      is_error: false,
      result: 'ok',
      total_cost_usd: 0.3,
      modelUsage: {
        'claude-haiku-4-5': { inputTokens: 1, cacheCreationInputTokens: 2, cacheReadInputTokens: 3, outputTokens: 4, costUSD: 0.1 },
        'claude-sonnet-4-5': { inputTokens: 10, cacheCreationInputTokens: 20, cacheReadInputTokens: 30, outputTokens: 40, costUSD: 0.2 },
      },
    });
    expect(parse('claude', stream)).toEqual({
      ok: true,
      text: 'ok',
      model: 'claude-sonnet-4-5',
      tokensIn: 66,
      tokensOut: 44,
      costUsd: 0.3,
    });
  });

  it('malformed fields and events never hide the verdict or throw', () => {
    const stream = lines(
      { type: 'system', subtype: 'init', model: 42 },
      { type: 'assistant', message: null },
      { type: 'assistant', message: { id: 7, content: 'not a list' } },
      { type: 'result', subtype: 'success', is_error: false, result: 'fine', usage: 'oops', total_cost_usd: '1', modelUsage: [1] },
    );
    expect(parse('claude', stream)).toEqual({ ok: true, text: 'fine' });
  });

  it('a stream cut off mid-line before the result is incomplete and keeps what it saw', () => {
    const whole = fixture('claude-stream-gleam-golden-basic.jsonl');
    const resultAt = whole.indexOf('{"type":"result"');
    const cut = whole.slice(0, resultAt + Math.floor((whole.length - resultAt) / 2));
    expect(parse('claude', cut)).toEqual({
      ok: false,
      failure: { kind: 'incomplete', message: CUT_OFF },
      text: '4',
      model: 'claude-opus-4-5-20251101',
    });
  });

  it('an output that is not stream-json is quoted in the failure', () => {
    const result = parse('claude', "error: unknown option '--output-format'\n");
    expect(result).toEqual({
      ok: false,
      failure: {
        kind: 'incomplete',
        message: `the output was not claude stream-json (no JSON event in it); it began: "error: unknown option '--output-format'"`,
      },
      text: null,
    });
  });

  it('an empty stream is incomplete: the runner printed nothing', () => {
    expect(parse('claude', '')).toEqual({
      ok: false,
      failure: { kind: 'incomplete', message: `${CUT_OFF}; the runner printed nothing` },
      text: null,
    });
  });
});

describe('codex stream', () => {
  const started = [{ type: 'thread.started', thread_id: 't1' }, { type: 'turn.started' }];
  const limit = "You've hit your usage limit. Upgrade to Pro or try again in 3 days 2 hours.";

  it('a usage-limit turn.failed is a failure carrying its message once', () => {
    const stream = lines(...started, { type: 'error', message: limit }, { type: 'turn.failed', error: { message: limit } });
    expect(parse('codex', stream)).toEqual({
      ok: false,
      failure: { kind: 'error', message: `codex turn failed: ${limit}`, cause: 'spend-limit' },
      text: null,
    });
  });

  it('error events before a turn.failed are folded into its message', () => {
    const stream = lines(
      ...started,
      { type: 'item.completed', item: { id: 'item_0', type: 'agent_message', text: 'Working on it.' } },
      { type: 'error', message: 'Reconnecting... 1/5' },
      { type: 'error', message: 'Reconnecting... 2/5' },
      { type: 'turn.failed', error: { message: 'stream disconnected before completion' } },
    );
    expect(parse('codex', stream)).toEqual({
      ok: false,
      failure: {
        kind: 'error',
        message: 'codex turn failed: stream disconnected before completion (errors before it: Reconnecting... 1/5; Reconnecting... 2/5)',
      },
      text: 'Working on it.',
    });
  });

  it('a turn.failed without a message is still a failure', () => {
    expect(parse('codex', lines(...started, { type: 'turn.failed' })).failure).toEqual({
      kind: 'error',
      message: 'codex turn failed: no message in turn.failed',
    });
  });

  it('an error event in a run that completes is not a failure', () => {
    const stream = lines(
      ...started,
      { type: 'error', message: 'Reconnecting... 1/5' },
      { type: 'item.completed', item: { id: 'item_1', type: 'agent_message', text: 'done' } },
      { type: 'turn.completed', usage: { input_tokens: 10, cached_input_tokens: 4, output_tokens: 2 } },
    );
    expect(parse('codex', stream)).toEqual({ ok: true, text: 'done', tokensIn: 10, tokensOut: 2 });
  });

  it('items other than agent_message never replace the answer', () => {
    const stream = lines(
      ...started,
      { type: 'item.completed', item: { id: 'item_1', type: 'agent_message', text: 'answer' } },
      { type: 'item.completed', item: { id: 'item_2', type: 'reasoning', text: 'thinking aloud' } },
      { type: 'item.completed', item: { id: 'item_3', type: 'error', message: 'a warning' } },
      { type: 'item.updated', item: { id: 'item_4', type: 'agent_message', text: 'partial' } },
      { type: 'turn.completed', usage: { input_tokens: 1, output_tokens: 1 } },
    );
    expect(parse('codex', stream).text).toBe('answer');
  });

  it('a stream cut off mid-line before turn.completed is incomplete and keeps the answer so far', () => {
    const whole = fixture('codex-exec-0.144.4-pong.jsonl');
    const cut = whole.slice(0, whole.indexOf('{"type":"turn.completed"') + 30);
    expect(parse('codex', cut)).toEqual({
      ok: false,
      failure: { kind: 'incomplete', message: CODEX_CUT_OFF },
      text: 'pong',
    });
  });

  it('a stream that ends after error events says what they were', () => {
    const stream = lines(...started, { type: 'error', message: 'unexpected status 401 Unauthorized' });
    expect(parse('codex', stream).failure).toEqual({
      kind: 'incomplete',
      message: `${CODEX_CUT_OFF}; errors before the end: unexpected status 401 Unauthorized`,
      cause: 'auth',
    });
  });

  it('malformed events never throw', () => {
    const stream = lines(
      ...started,
      { type: 'item.completed', item: null },
      { type: 'item.completed', item: { type: 'agent_message', text: 5 } },
      { type: 'error', message: { nested: true } },
      { type: 'turn.completed', usage: { input_tokens: 'many', output_tokens: 3 } },
    );
    expect(parse('codex', stream)).toEqual({ ok: true, text: null, tokensOut: 3 });
  });

  it('an empty stream is incomplete: the runner printed nothing', () => {
    expect(parse('codex', '')).toEqual({
      ok: false,
      failure: { kind: 'incomplete', message: `${CODEX_CUT_OFF}; the runner printed nothing` },
      text: null,
    });
  });
});

describe('text stream', () => {
  it('the whole output is the answer, without its trailing newline', () => {
    expect(run(textStream(), ['{"type":', '"noop"}\n', 'second line\r\n\n'])).toEqual({
      ok: true,
      text: '{"type":"noop"}\nsecond line',
    });
  });

  it('an empty output is incomplete: the runner printed nothing', () => {
    const nothing = { ok: false, failure: { kind: 'incomplete', message: 'the runner printed nothing' }, text: null };
    expect(run(textStream(), [])).toEqual(nothing);
    expect(run(textStream(), [' \n', '\t\r\n'])).toEqual(nothing);
  });

  it('an output over 1 MiB keeps its end, where the answer is', () => {
    const filler = 'log line\n'.repeat(300_000);
    const answer = '{"type":"noop","reason":"calm"}';
    const result = run(textStream(), [...randomChunks(filler, 3), answer, '\n']);
    expect(result.ok).toBe(true);
    expect(result.text).toHaveLength(MAX_TEXT_CHARS - 1);
    expect(result.text?.endsWith(`log line\n${answer}`)).toBe(true);
  });

  it('a single chunk larger than the cap keeps its end', () => {
    const result = run(textStream(), ['x'.repeat(3 * MAX_TEXT_CHARS) + 'END']);
    expect(result.text).toHaveLength(MAX_TEXT_CHARS);
    expect(result.text?.endsWith('xEND')).toBe(true);
  });
});

describe('streamParser', () => {
  it('gives a fresh parser of the named format', () => {
    expect(parse('text', 'hello\n')).toEqual({ ok: true, text: 'hello' });
    expect(parse('codex', fixture('codex-exec-0.144.4-pong.jsonl')).text).toBe('pong');
    expect(parse('claude', fixture('claude-stream-gleam-golden-basic.jsonl')).text).toBe('4');
    const first = streamParser('text');
    first.push('one');
    expect(streamParser('text').end().ok).toBe(false);
  });

  it('claudeStream and codexStream are the parsers behind the formats', () => {
    const stream = fixture('codex-exec-0.146.1-turn.jsonl');
    expect(run(codexStream(), [stream])).toEqual(parse('codex', stream));
    const claude = fixture('claude-stream-opus46-write-ratelimit.jsonl');
    expect(run(claudeStream(), [claude])).toEqual(parse('claude', claude));
  });
});
