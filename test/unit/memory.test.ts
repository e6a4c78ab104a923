import { describe, expect, it } from 'vitest';
import { formatMemory, parseMemory, type Memory } from '../../src/state/memory.ts';

const full: Memory = {
  decided: { beat: '12-1', at: '2026-11-23T09:00:00Z', fingerprint: 'abc' },
  failures: { count: 2, lastAt: '2026-11-23T09:15:00Z', lastError: 'two fences' },
  lastCommand: { beat: '12-1', command: 'npm test', outcome: 'exit 0', tail: 'ok' },
};

describe('parseMemory', () => {
  it('reads no file as empty memory without a problem', () => {
    expect(parseMemory(null)).toEqual({ memory: {}, damaged: false });
  });

  it('reads back what formatMemory wrote', () => {
    expect(parseMemory(formatMemory(full))).toEqual({ memory: full, damaged: false });
  });

  it.each(['', '{', 'not json', '{"decided": }'])('reads text that is not JSON (%j) as empty memory and says so', (text) => {
    const { memory, problem } = parseMemory(text);
    expect(memory).toEqual({});
    expect(problem).toMatch(/beat\.json is not JSON/);
  });

  it.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['a number', '42'],
    ['a wrong field type', '{"decided": {"beat": 1, "at": "t", "fingerprint": "f"}}'],
    ['a negative failure count', '{"failures": {"count": -1, "lastAt": "t", "lastError": "e"}}'],
    ['a missing field', '{"lastRun": {"beat": "b", "command": "c", "outcome": "o"}}'],
  ])('reads %s as empty memory and says the shape is wrong', (_what, text) => {
    const { memory, problem } = parseMemory(text);
    expect(memory).toEqual({});
    expect(problem).toMatch(/beat\.json is not in the expected shape/);
  });
});

describe('beat.json on file', () => {
  it('keeps the names it was first written with, read into the names the code uses', () => {
    const text = formatMemory({ budgetStoppedOn: '2026-12-01', lastCommand: { beat: '1-1', command: 'npm test', outcome: 'exit 0', tail: '' } });
    expect(JSON.parse(text)).toEqual({ budgetHeld: '2026-12-01', lastRun: { beat: '1-1', command: 'npm test', outcome: 'exit 0', tail: '' } });
    expect(parseMemory(text).memory).toEqual({ budgetStoppedOn: '2026-12-01', lastCommand: { beat: '1-1', command: 'npm test', outcome: 'exit 0', tail: '' } });
  });
});
