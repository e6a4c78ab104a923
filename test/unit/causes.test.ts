import { describe, expect, it } from 'vitest';
import { causeOf } from '../../src/runners/causes.ts';
import { readChatResponse } from '../../src/runners/openai.ts';
import { fixture, parse } from '../helpers/streams.ts';

const headers = { get: () => null };

describe('a runner failure names its cause, from the real shapes the runners print', () => {
  it.each([
    ['claude', 'handwritten-claude-invalid-api-key.jsonl', 'auth'],
    ['opencode', 'opencode-1.18.33-local-api-error.jsonl', 'auth'],
    ['pi', 'pi-0.87.1-local-api-error.jsonl', 'auth'],
    ['opencode', 'opencode-1.18.15-error.jsonl', 'spend-limit'],
    ['opencode', 'handwritten-opencode-2x-rate-limit.jsonl', 'rate-limit'],
    ['pi', 'handwritten-pi-retry-exhausted.jsonl', undefined],
  ] as const)('%s %s is %s', (format, file, cause) => {
    const result = parse(format, fixture(file));
    expect(result.ok).toBe(false);
    expect(result.failure?.cause).toBe(cause);
  });

  it("the openai runner's HTTP statuses: 401 is the key, 404 model_not_found the model, 429 a rate or a quota", () => {
    const error = (code: string, message: string) => JSON.stringify({ error: { code, message } });
    expect(readChatResponse(401, headers, error('invalid_api_key', 'Incorrect API key provided')).result.failure?.cause).toBe('auth');
    expect(readChatResponse(404, headers, error('model_not_found', 'The model `gpt-9` does not exist')).result.failure?.cause).toBe('model');
    expect(readChatResponse(400, headers, error('unknown_model', 'Unknown model: openai/gpt-9')).result.failure?.cause).toBe('model');
    expect(readChatResponse(429, headers, error('rate_limit_exceeded', 'Rate limit reached, retry in 31s')).result.failure?.cause).toBe('rate-limit');
    expect(readChatResponse(429, headers, error('insufficient_quota', 'You exceeded your current quota')).result.failure?.cause).toBe('spend-limit');
    expect(readChatResponse(500, headers, error('server_error', 'The server had an error')).result.failure?.cause).toBeUndefined();
    expect(readChatResponse(404, headers, 'Not Found').result.failure?.cause).toBeUndefined();
  });

  it('claude reports an unknown model as an API error with its status', () => {
    expect(causeOf({ status: 404, text: 'API Error: 404 {"type":"error","error":{"type":"not_found_error","message":"model: claude-nope"}}' })).toBe('model');
    expect(causeOf({ text: 'There\'s an issue with the selected model (claude-nope). It may not exist or you may not have access to it.' })).toBe('model');
  });

  it('a 401 for an empty balance is the account, not the key', () => {
    expect(causeOf({ status: 401, text: 'Insufficient balance' })).toBe('spend-limit');
    expect(causeOf({ status: 403, text: 'forbidden' })).toBe('auth');
  });

  it('an error that says nothing known has no cause', () => {
    expect(causeOf({ text: 'the answer was empty; expected one JSON move' })).toBeUndefined();
    expect(causeOf({ text: 'Overloaded' })).toBeUndefined();
  });
});
