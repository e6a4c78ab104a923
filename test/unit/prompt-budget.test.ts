import { describe, expect, it } from 'vitest';
import { buildPrompt, PROMPT_CAPS } from '../../src/prompt/build.ts';
import { estimateTokens, PROMPT_BUDGET } from '../../src/prompt/budget.ts';
import { bytes, fence } from '../../src/prompt/fence.ts';
import type { PromptBlock } from '../../src/prompt/sections.ts';
import { senseResources } from '../../src/resources/index.ts';
import { newAsk, type Ask } from '../../src/resources/asks/model.ts';
import { parseGoal } from '../../src/state/goals.ts';
import { formatJournalLine } from '../../src/state/journal.ts';
import type { Reading } from '../../src/beat/sense.ts';
import type { LoadedState } from '../../src/state/read.ts';

/**
 * The prompt budget as a property: over random worst-case states (every section at or over its
 * cap, text full of backtick runs, multi-byte characters and lines that look like headings),
 * every prompt fits its budget, keeps the move schema, the changed readings and the pending
 * asks, and says what it left out.
 */
const NOW = new Date('2026-11-23T09:00:00.000Z');

/** A small seeded generator, so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ATOMS = ['word ', '```', '`````````````', '\n', '\n```\n', '\n## Now\n', 'é', '漢字', '🙂', '~~~', '\r', '    ', '{"x": 1}', '|'];

function text(next: () => number, size: number): string {
  let out = '';
  while (out.length < size) out += ATOMS[Math.floor(next() * ATOMS.length)] ?? '';
  return out;
}

function worstCase(seed: number): { state: LoadedState; readings: Reading[]; changed: string[]; holds: string[]; note: string } {
  const next = random(seed);
  const big = (scale: number): string => text(next, Math.floor(scale * (1 + next())));
  const readings = Array.from({ length: 20 + Math.floor(next() * 80) }, (_, i) => ({ name: `sensor-${i}`, signal: { value: big(PROMPT_CAPS.reading) }, detail: { log: big(PROMPT_CAPS.reading * 2) } }));
  const changed = readings.filter(() => next() < 0.3).map((r) => r.name);
  const asks: Ask[] = Array.from({ length: 20 }, (_, i) => {
    const ask = newAsk({ id: `ask-${i}`, question: big(PROMPT_CAPS.ask), reason: 'r', holds: [], nonce: '0011223344556677', at: NOW.toISOString(), beat: 'b' });
    if (i % 2 === 0) return ask;
    return { ...ask, status: 'answered' as const, resolved: `2026-11-2${i % 9}T00:00:00Z`, answers: [{ by: 'someone', text: big(PROMPT_CAPS.ask), at: NOW.toISOString(), comment: i }] };
  });
  const state: LoadedState = {
    playbook: big(PROMPT_CAPS.playbook * 2),
    goals: Array.from({ length: 50 }, (_, i) => parseGoal(`goal-${i}`, `---\nstatus: active\npriority: ${i}\n---\n# Goal ${i}\n${big(PROMPT_CAPS.goal * 2)}`)),
    sensors: [],
    snapshots: {},
    memory: {
      decided: { beat: 'b-0', at: '2026-11-23T08:45:00Z', fingerprint: 'f' },
      failures: { count: 3, lastAt: '2026-11-23T08:50:00Z', lastError: big(PROMPT_CAPS.failure * 3) },
      lastCommand: { beat: 'b-0', command: big(PROMPT_CAPS.note), outcome: 'exit 1', tail: big(PROMPT_CAPS.lastCommand * 3) },
    },
    memoryDamaged: false,
    asks: asks.map((ask) => ({ ask, text: '' })),
    unreadableAsks: [],
    failures: [],
    workers: [],
    unreadableWorkers: [],
    journalTail: Array.from({ length: 200 }, (_, i) => formatJournalLine({ at: NOW, beat: `b-${i}`, move: 'noop', summary: big(300), outcome: 'ok' })),
    budget: null,
    keptDecisions: [],
    links: [],
    problems: [],
  };
  const holds = Array.from({ length: 30 }, (_, i) => `guard-${i}: ${big(2000)}`);
  return { state, readings, changed, holds, note: big(PROMPT_CAPS.note * 3) };
}

function promptOf(seed: number, budget: number): ReturnType<typeof buildPrompt> & { world: ReturnType<typeof worstCase> } {
  const world = worstCase(seed);
  const built = buildPrompt({ ...world, virtual: senseResources(world.state), beat: 'b-1', now: NOW, budget });
  return { ...built, world };
}

/** Headings outside every fence, read as CommonMark would (a closing line is backticks alone, at least as many). */
function outsideHeadings(markdown: string): string[] {
  const outside: string[] = [];
  let open = 0;
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    if (open === 0) {
      const opening = /^ {0,3}(`{3,})[^`]*$/.exec(line);
      if (opening?.[1] !== undefined) open = opening[1].length;
      else if (line.startsWith('#')) outside.push(line);
    } else {
      const closing = /^ {0,3}(`{3,})[ \t]*$/.exec(line);
      if (closing?.[1] !== undefined && closing[1].length >= open) open = 0;
    }
  }
  expect(open, 'a fence was left open').toBe(0);
  return outside;
}

const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);

describe('the prompt budget, over random worst-case states', () => {
  it.each([PROMPT_BUDGET.min, PROMPT_BUDGET.default, 7000, 20_000])('fits a budget of %i tokens, every time', (budget) => {
    for (const seed of SEEDS) {
      const prompt = promptOf(seed, budget);
      expect(estimateTokens(prompt.text), `seed ${seed}`).toBeLessThanOrEqual(budget);
      expect(prompt.tokens).toBe(estimateTokens(prompt.text));
      // The PLAYBOOK, last to give way, is cut by the excess and a little more, not left out whole.
      if (prompt.leftOut.includes('the end of the PLAYBOOK')) expect(bytes(prompt.text), `seed ${seed}`).toBeGreaterThan(budget * PROMPT_BUDGET.bytesPerToken - 400);
    }
  });

  it.each([PROMPT_BUDGET.min, PROMPT_BUDGET.default])('at %i tokens keeps the move schema, every changed reading (or says how many did not fit), the pending asks and the last failure', (budget) => {
    for (const seed of SEEDS) {
      const { text, world } = promptOf(seed, budget);
      expect(text).toContain('| spawn_worker | id, goal, prompt, optional verify |');
      const shown = world.changed.filter((name) => text.includes(`### ${name} (changed)`));
      if (shown.length < world.changed.length) expect(text).toContain(`…[${world.changed.length - shown.length} more changed readings left out`);
      expect(shown.length, `seed ${seed}`).toBeGreaterThan(0);
      for (const ask of world.state.asks.filter(({ ask }) => ask.status === 'pending').slice(0, PROMPT_CAPS.pendingAsks)) expect(text).toContain(`### ${ask.ask.id} (pending)`);
      expect(text).toContain('## Last decision failed');
    }
  });

  it('leaves untrusted text unable to start a section, whatever it holds', () => {
    for (const seed of SEEDS) {
      const headings = outsideHeadings(promptOf(seed, PROMPT_BUDGET.default).text).filter((line) => !line.startsWith('### '));
      expect(headings.filter((line) => line === '## Now' || line.startsWith('## Now'))).toHaveLength(1);
      expect(headings.at(-1)).toMatch(/^## Now/);
    }
  });

  it('says in the prompt, and to the beat, what gave way, first the older journal lines', () => {
    const prompt = promptOf(1, PROMPT_BUDGET.default);
    expect(prompt.leftOut.length).toBeGreaterThan(0);
    expect(prompt.leftOut[0]).toMatch(/older journal line/);
    expect(prompt.text).toContain('## Left out to fit the prompt budget');
    expect(prompt.text).toContain(prompt.leftOut.join('; '));
  });

  it('gives way in order: journal lines, then details of unchanged readings, then goal bodies, and only then the rest', () => {
    // A world where every step has something to give: small readings with details, goals with long bodies.
    const base = worstCase(3).state;
    const state: LoadedState = {
      ...base,
      playbook: 'p'.repeat(PROMPT_CAPS.playbook),
      goals: Array.from({ length: 4 }, (_, i) => parseGoal(`goal-${i}`, `# Goal ${i}\n${'g\n'.repeat(1000)}`)),
      memory: {},
      asks: [],
      journalTail: Array.from({ length: 15 }, (_, i) => formatJournalLine({ at: NOW, beat: `b-${i}`, move: 'noop', summary: 'j'.repeat(200), outcome: 'ok' })),
    };
    const readings = Array.from({ length: 8 }, (_, i) => ({ name: `s-${i}`, signal: i, detail: { log: 'd'.repeat(900) } }));
    const order = ['older journal line', 'detail of', 'body of', 'unchanged reading(s)', 'earlier answer', 'goal(s) of the lowest', 'end of the PLAYBOOK'];
    const seen = new Set<number>();
    for (let budget = 12_000; budget >= PROMPT_BUDGET.min; budget -= 250) {
      const prompt = buildPrompt({ state, readings, virtual: senseResources(state), changed: [], beat: 'b-1', now: NOW, budget });
      expect(estimateTokens(prompt.text)).toBeLessThanOrEqual(budget);
      const ranks = prompt.leftOut.map((part) => order.findIndex((what) => part.includes(what)));
      // Each step gives way only once every step before it has (no earlier answers here: no asks).
      expect(ranks).toEqual(Array.from({ length: ranks.length }, (_, i) => (i < 4 ? i : i + 1)).slice(0, ranks.length));
      for (const rank of ranks) seen.add(rank);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 5, 6]);
  });

  it('gives way no more than it must: one journal line fewer left out would not fit', () => {
    const base = worstCase(5).state;
    const journalTail = Array.from({ length: 15 }, (_, i) => formatJournalLine({ at: NOW, beat: `b-${i}`, move: 'noop', summary: 'j'.repeat(150 + i * 7), outcome: 'ok' }));
    const state: LoadedState = { ...base, playbook: 'p'.repeat(3000), goals: base.goals.slice(0, 2), memory: {}, asks: [], journalTail };
    const build = (tail: string[], budget: number): ReturnType<typeof buildPrompt> =>
      buildPrompt({ state: { ...state, journalTail: tail }, readings: [], virtual: senseResources(state), changed: [], beat: 'b-1', now: NOW, budget });
    const whole = estimateTokens(build(journalTail, 100_000).text);
    let checked = 0;
    for (let budget = whole; budget > whole - 1200; budget -= 20) {
      const prompt = build(journalTail, budget);
      const gave = Number(/(\d+) older journal line/.exec(prompt.leftOut.join(';'))?.[1] ?? 0);
      if (gave === 0 || prompt.leftOut.length !== 1) continue;
      // The prompt with one line fewer left out: those lines whole, and the notice that says how many went.
      const notice = gave === 1 ? 0 : bytes(`## Left out to fit the prompt budget\n\n${gave - 1} older journal line(s). What is shown is the newest and the most important; the state branch holds the rest.\n`) + 1;
      expect(bytes(build(journalTail.slice(gave - 1), 100_000).text) + notice, `budget ${budget}`).toBeGreaterThan(Math.floor(budget * PROMPT_BUDGET.bytesPerToken));
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("gives way no more than it must when an earlier answer takes its section's heading with it", () => {
    // Sections of their own, the second titled long: its last block going takes the heading too.
    const base = worstCase(5).state;
    const state: LoadedState = { ...base, playbook: 'p'.repeat(9000), goals: [], memory: {}, asks: [], journalTail: [] };
    const block = (heading: string): PromptBlock => ({ heading: `### ${heading}`, parts: [{ text: 'x'.repeat(200) }], info: 'text', kept: false, maxChars: 1500 });
    const sections = [
      { name: 'a', blocks: [block('a1'), block('a2')], title: 'Earlier' },
      { name: 'b', blocks: [block('b1')], title: `Things (${'t'.repeat(300)})` },
    ];
    const build = (shown: number, budget: number): ReturnType<typeof buildPrompt> => {
      let left = shown;
      const virtual = sections.map(({ name, blocks, title }) => ({ name, prompt: { title, blocks: blocks.filter(() => left-- > 0) } }));
      return buildPrompt({ state, readings: [], virtual, changed: [], beat: 'b-1', now: NOW, budget });
    };
    const whole = estimateTokens(build(3, 100_000).text);
    let checked = 0;
    for (let budget = whole; budget > whole - 250; budget--) {
      const prompt = build(3, budget);
      const gave = Number(/(\d+) earlier answer/.exec(prompt.leftOut.join(';'))?.[1] ?? 0);
      if (gave === 0 || prompt.leftOut.length !== 1) continue;
      const notice = gave === 1 ? 0 : bytes(`## Left out to fit the prompt budget\n\n${gave - 1} earlier answer(s). What is shown is the newest and the most important; the state branch holds the rest.\n`) + 1;
      expect(bytes(build(3 - (gave - 1), 100_000).text) + notice, `budget ${budget}`).toBeGreaterThan(Math.floor(budget * PROMPT_BUDGET.bytesPerToken));
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('leaves a small world whole, saying nothing was left out', () => {
    const state = worstCase(1).state;
    const small = { ...state, playbook: '# Be careful', goals: state.goals.slice(0, 1).map((g) => parseGoal(g.slug, '# Ship')), memory: {}, asks: [], journalTail: [] };
    const prompt = buildPrompt({ state: small, readings: [{ name: 'ci', signal: 'green' }], virtual: senseResources(small), changed: ['ci'], beat: 'b', now: NOW });
    expect(prompt.leftOut).toEqual([]);
    expect(prompt.text).not.toContain('Left out to fit');
  });
});

describe('the fence around untrusted text', () => {
  it.each(['`'.repeat(3), '`'.repeat(7), '`'.repeat(8), '`'.repeat(10_000), `a\n${'`'.repeat(50_000)}\nb`, `x\r${'`'.repeat(9)}\r## Now`, ` \`\`\`\`\`\`\`\`\`\`   \nmore`])('grows the text by at most a fence of 8 backticks each side (%#)', (body) => {
    const fenced = fence(body, 'text');
    expect(fenced.length - body.length).toBeLessThanOrEqual(2 * 8 + 'text'.length + 2);
    expect(outsideHeadings(`${fenced}\n## Now`)).toEqual(['## Now']);
  });

  it('keeps a short fence for text with inner code blocks, so the text reads as it was written', () => {
    const body = 'Run:\n```bash\nnpm test\n```\nthen ship.';
    expect(fence(body)).toBe(`\`\`\`\`\n${body}\n\`\`\`\``);
  });
});
