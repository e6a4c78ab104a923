import { describe, expect, it } from 'vitest';
import { heldCommands, memoryWrite, sameCommand } from '../../src/beat/commands.ts';
import { formatMemory, parseMemory } from '../../src/state/memory.ts';

describe('sameCommand', () => {
  it.each([
    ['sh count.sh', 'sh  count.sh'],
    ['sh count.sh', "sh 'count.sh'"],
    ['sh count.sh', 'sh ./count.sh'],
    ['sh count.sh', 'sh ././count.sh'],
    ['sh scripts/x.sh', 'sh scripts/../scripts/x.sh'],
  ])('%j and %j are one command', (a, b) => {
    expect(sameCommand(a, b)).toBe(true);
  });

  it.each([
    ['sh count.sh', 'bash count.sh'],
    ['sh count.sh', 'sh count.sh --dry-run'],
    ['sh a/x.sh', 'sh b/x.sh'],
  ])('%j and %j are not', (a, b) => {
    expect(sameCommand(a, b)).toBe(false);
  });
});

describe('memoryWrite', () => {
  const claim = (beat: string, command: string) => ({ beat, command, at: '2026-11-23T12:00:00Z' });

  it("keeps another beat's claim and interrupted mark that landed meanwhile", () => {
    const current = formatMemory({ running: [claim('a-1', 'sh deploy.sh')], interrupted: ['sh count.sh'] });
    const write = memoryWrite({ decided: { beat: 'c-1', at: 't', fingerprint: 'f' } }, ['c-1']);
    const next = parseMemory(typeof write === 'function' ? write(current) : write).memory;
    expect(next.running).toEqual([claim('a-1', 'sh deploy.sh')]);
    expect(next.interrupted).toEqual(['sh count.sh']);
    expect(heldCommands(next)).toEqual(['sh count.sh', 'sh deploy.sh']);
  });

  it('drops the claims this beat settled: its own, and dead ones it journaled', () => {
    const current = formatMemory({ running: [claim('c-1', 'sh mine.sh'), claim('dead-1', 'sh old.sh')] });
    const write = memoryWrite({ interrupted: ['sh old.sh'] }, ['c-1', 'dead-1']);
    const next = parseMemory(typeof write === 'function' ? write(current) : write).memory;
    expect(next.running).toBeUndefined();
    expect(next.interrupted).toEqual(['sh old.sh']);
  });
});
