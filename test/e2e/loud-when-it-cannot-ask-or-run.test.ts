import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../helpers/action.ts';
import { journalRows, makeLoop, noop, type Loop } from '../helpers/loop.ts';
import { startOpenAiStandin, type OpenAiStandin } from '../openai-standin/server.ts';

let loop: Loop;
let api: OpenAiStandin;

beforeAll(async () => {
  api = await startOpenAiStandin();
});
afterAll(async () => {
  await api.close();
});

beforeEach(() => {
  // No github-token, but GITHUB_REPOSITORY set (runAction sets it, as GitHub does).
  loop = makeLoop();
});
afterEach(() => {
  loop.sandbox.cleanup();
});

const ANNOTATION = /^::warning title=looop::1 pending ask\(s\) on the state branch have no issue, and there is no GitHub token and repository to open one with/m;

describe('without a GitHub token', () => {
  it('every beat with a pending ask nobody can be told of is a warning annotation, deciding or not', async () => {
    const first = await loop.beat(noop);
    expect(first.stdout).toMatch(ANNOTATION);
    const idle = await loop.beat(noop);
    expect(idle.outputs.changed).toBe('false');
    expect(idle.stdout).toMatch(ANNOTATION);
  });

  it('a move that wants to ask is a warning annotation of its own', async () => {
    await loop.beat(noop);
    loop.newCommit('a question comes up');
    const run = await loop.beat(JSON.stringify({ type: 'ask', reason: 'r', question: 'May I?' }));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::warning title=looop::a move needed a person, but there is no GitHub token and repository to open an ask with/m);
  });
});

describe('a runner program that is not there', () => {
  it('with runner-version installed, fails the step saying what to install', async () => {
    await loop.beat(noop);
    loop.newCommit('something to decide on');
    const run = await loop.beat(noop, { inputs: { runner: 'claude', 'tick-command': '', 'stream-format': '', 'runner-version': 'installed' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::input "runner-version" is "installed", but claude is not on PATH\. Install it in an earlier step/m);
  });

  it('a tick-command whose program is missing is the same configuration error', async () => {
    await loop.beat(noop);
    loop.newCommit('something to decide on');
    const run = await loop.beat(noop, { inputs: { 'tick-command': 'no-such-runner-program --json', 'stream-format': 'claude' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::looop: the program input "tick-command" starts was not found/m);
  });
});

describe('the openai runner', () => {
  const error = (code: string, message: string) => JSON.stringify({ error: { code, message, type: 'invalid_request_error' } });
  const inputs = { runner: 'openai', 'api-url': '', 'api-key': 'sk-wrong', model: 'gpt-9' };

  it('a refused key (401) fails the step saying to set input api-key; the record is pushed', async () => {
    api.respond(() => ({ status: 401, body: error('invalid_api_key', 'Incorrect API key provided: sk-wr***') }));
    const run = await runAction(loop.sandbox, { inputs: { ...inputs, 'api-url': api.url } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::looop: the API refused the key: set input api-key to a valid key/m);
    expect(journalRows(loop.sandbox).at(-1)).toMatch(/\| decide \| .*HTTP 401.* \| failed \|/);
  });

  it('an unknown model (404 model_not_found) fails the step naming input model', async () => {
    api.respond(() => ({ status: 404, body: error('model_not_found', 'The model `gpt-9` does not exist or you do not have access to it.') }));
    const run = await runAction(loop.sandbox, { inputs: { ...inputs, 'api-url': api.url } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::looop: the model "gpt-9" does not exist for openai, or the key may not use it: set input model/m);
  });

  it('a rate limit is a warning, never a failed step', async () => {
    api.respond(() => ({ status: 429, headers: { 'retry-after': '3600' }, body: error('rate_limit_exceeded', 'Rate limit reached') }));
    const run = await runAction(loop.sandbox, { inputs: { ...inputs, 'api-url': api.url } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::warning title=looop%3A decide failed::/m);
    expect(run.stdout).not.toMatch(/^::error::/m);
  });
});
