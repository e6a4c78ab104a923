import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatCompletion, startOpenAiStandin, type OpenAiStandin } from '../openai-standin/server.ts';
import { runAction } from '../helpers/action.ts';
import { journalRows, makeLoop, type Loop } from '../helpers/loop.ts';

let api: OpenAiStandin;
let loop: Loop;
beforeAll(async () => {
  api = await startOpenAiStandin();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  loop = makeLoop();
});
afterEach(() => {
  loop.sandbox.cleanup();
});

describe('runner openai, through the bundled action', () => {
  it('decides with one chat completion, and prices its tokens against the daily USD budget', async () => {
    const move = JSON.stringify({ type: 'goal_write', reason: 'from the API', slug: 'api', body: '# API' });
    api.respond(() => ({ body: chatCompletion(move, { model: 'gpt-4.1-mini-2025-04-14', promptTokens: 1000, completionTokens: 50 }) }));
    const run = await runAction(loop.sandbox, {
      inputs: {
        runner: 'openai',
        'api-url': api.url,
        'api-key': 'sk-test',
        model: 'gpt-4.1-mini',
        'daily-budget-usd': '1',
        prices: 'gpt-4.1-mini: {input: 0.4, output: 1.6}',
      },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.move).toBe(move);
    expect(loop.sandbox.stateFile('goals/api.md')).toContain('# API');
    const sent = api.requests.at(-1);
    expect(sent?.headers.authorization).toBe('Bearer sk-test');
    expect(sent?.body).toMatchObject({ model: 'gpt-4.1-mini', messages: [{ role: 'user' }] });
    const ledger = JSON.parse(loop.sandbox.stateFile('budget.json') ?? '{}') as { days: Record<string, { usd?: number; metered?: boolean }[]> };
    const [charge] = Object.values(ledger.days).flat();
    expect(charge).toMatchObject({ metered: true });
    expect(charge?.usd).toBeGreaterThan(0);
    expect(journalRows(loop.sandbox)).toHaveLength(1);
  });
});
