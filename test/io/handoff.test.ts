/**
 * The step's secrets are in the environment it starts the action with, which any process of the
 * same user reads in /proc/<pid>/environ. Before anything else runs, the action leaves nothing
 * there: it overwrites it in place, or, where the kernel refuses, re-executes itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const CHILD = path.join(import.meta.dirname, '../fixtures/handoff/child.ts');
const SECRET = 'ghs_handoffSecret0123456789abcdefABCDEF';

let temp: string;
beforeEach(() => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'looop-handoff-test-'));
});
afterEach(() => {
  rmSync(temp, { recursive: true, force: true });
});

interface Seen {
  pid: number;
  /** What a child read of the action's /proc/<pid>/environ. */
  seen: string;
  /** The action's own environment after the hand-off. */
  own: Record<string, string>;
  /** The step's environment, as the action keeps it in memory. */
  kept: Record<string, string>;
}

function start(mode: 'in-place' | 're-execute'): Seen {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: temp, RUNNER_TEMP: temp, 'INPUT_GITHUB-TOKEN': SECRET, ANTHROPIC_API_KEY: `sk-ant-${SECRET}`, GITHUB_OUTPUT: path.join(temp, 'output'), LANG: 'C.UTF-8' };
  const run = spawnSync(process.execPath, [CHILD, mode], { env, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Seen;
}

describe('the hand-off of the environment', () => {
  it.each(['in-place', 're-execute'] as const)('%s: /proc shows no secret of the step, and the action keeps the whole environment in memory', (mode) => {
    const { seen, own, kept } = start(mode);
    expect(seen).not.toContain(SECRET);
    expect(seen).not.toContain('GITHUB_OUTPUT');
    expect(kept['INPUT_GITHUB-TOKEN']).toBe(SECRET);
    expect(kept.ANTHROPIC_API_KEY).toBe(`sk-ant-${SECRET}`);
    // Its own environment: where things are, and the file commands @actions/core reads; no secret.
    expect(own.PATH).toBe(process.env.PATH);
    expect(own.GITHUB_OUTPUT).toBe(path.join(temp, 'output'));
    expect(JSON.stringify(own)).not.toContain(SECRET);
  });

  it('in place, /proc shows nothing at all, and no file is written', () => {
    const { seen } = start('in-place');
    expect(seen.replaceAll('\0', '')).toBe('');
    expect(readdirSync(temp)).toEqual([]);
  });

  it('re-executing, the environment travels in a file that is gone once read', () => {
    const { seen } = start('re-execute');
    expect(seen).toMatch(/^LOOOP_HANDOFF=/);
    expect(readdirSync(temp).filter((name) => name.startsWith('looop-handoff-'))).toEqual([]);
  });
});
