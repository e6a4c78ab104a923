import { describe, expect, it } from 'vitest';
import { runBeat } from '../../src/beat/run.ts';
import { summaryMarkdown } from '../../src/beat/report.ts';
import { estimateTokens } from '../../src/prompt/budget.ts';
import { makeWorld } from './fakes.ts';

const noop = JSON.stringify({ type: 'noop', reason: 'nothing to do' });

describe("a beat's prompt", () => {
  it('fits input prompt-budget however much the state holds, and the summary says what gave way', async () => {
    const world = makeWorld([noop]);
    for (let i = 0; i < 40; i++) world.store.files.set(`goals/goal-${i}.md`, `---\nstatus: active\npriority: ${i}\n---\n# Goal ${i}\n${'Long words about the goal. '.repeat(200)}`);
    world.store.files.set('PLAYBOOK.md', `# PLAYBOOK\n${'Be careful with ``` fences. '.repeat(400)}`);
    world.signals.ci = JSON.stringify({ signal: 'red', detail: { log: 'x'.repeat(5000) } });
    world.store.sensors = ['ci'];
    const report = await runBeat(world.ports, { ...world.options, promptBudget: 3000 });
    const prompt = world.decider.prompts[0] ?? '';
    expect(estimateTokens(prompt)).toBeLessThanOrEqual(3000);
    expect(prompt).toContain('### ci (changed)');
    expect(report.promptLeftOut?.length).toBeGreaterThan(0);
    expect(summaryMarkdown(report)).toContain(`The prompt left out (to fit input prompt-budget, or past a part's cap): ${report.promptLeftOut?.join('; ') ?? ''}`);
  });

  it('leaves nothing out of a small world, and the summary says nothing of it', async () => {
    const world = makeWorld([noop]);
    const report = await runBeat(world.ports, world.options);
    expect(report.promptLeftOut).toBeUndefined();
    expect(summaryMarkdown(report)).not.toContain('The prompt left out');
  });
});
