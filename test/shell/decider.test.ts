import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invocation, processDecider } from '../../src/runners/index.ts';
import { readSettings } from '../../src/settings.ts';
import { RUNNERS, STREAMS } from '../helpers/action.ts';
import { makeSandbox, type Sandbox } from '../helpers/git.ts';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => {
  sandbox.cleanup();
});

const settings = (inputs: Record<string, string>) =>
  readSettings(Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])));

const REPLAY = `'${process.execPath}' '${RUNNERS}/replay.ts'`;

/** A fake `claude` on PATH that records how it was called and prints a captured stream. */
function fakeClaude(): { bin: string; argv: string; stdin: string; env: string } {
  const bin = path.join(sandbox.root, 'bin');
  mkdirSync(bin);
  const record = { argv: path.join(sandbox.root, 'argv'), stdin: path.join(sandbox.root, 'stdin'), env: path.join(sandbox.root, 'env') };
  sandbox.script(
    'bin/claude',
    `#!/bin/sh\nfor a in "$@"; do printf '[%s]' "$a"; done > ${record.argv}\nenv > ${record.env}\ncat > ${record.stdin}\ncat '${STREAMS}/claude-2.1.330-local-api-success.jsonl'\n`,
  );
  return { bin, ...record };
}

describe('the claude preset', () => {
  it('runs claude without tools, the prompt on stdin, the model flag set, and reads its stream', async () => {
    const claude = fakeClaude();
    const env = { ...sandbox.env, PATH: `${claude.bin}:${sandbox.env.PATH}`, GITHUB_TOKEN: 'ghs_x', 'INPUT_GITHUB-TOKEN': 'ghs_y', ANTHROPIC_API_KEY: 'sk-ant' };
    const decide = processDecider(settings({ runner: 'claude' }), env, sandbox.temp);
    const run = await decide('the prompt', 'claude-haiku-4-5');

    expect(readFileSync(claude.argv, 'utf8')).toBe('[-p][--output-format][stream-json][--verbose][--tools][][--model][claude-haiku-4-5]');
    expect(readFileSync(claude.stdin, 'utf8')).toBe('the prompt');
    expect(run.result).toMatchObject({ ok: true, text: '{"type":"noop","reason":"calm"}', costUsd: 0.0008 });
    const childEnv = readFileSync(claude.env, 'utf8');
    expect(childEnv).toContain('ANTHROPIC_API_KEY=sk-ant');
    expect(childEnv).not.toMatch(/GITHUB_TOKEN|INPUT_/);
  });

  it('leaves out --model when no model is set', () => {
    expect(invocation(settings({ runner: 'claude' }), undefined, '/p').args).not.toContain('--model');
  });
});

describe('a custom tick-command', () => {
  it('gets the prompt file in place of {{prompt_file}}, even in a path with spaces and quotes', async () => {
    const temp = path.join(sandbox.root, "it's here");
    mkdirSync(temp);
    const decide = processDecider(settings({ runner: 'custom', 'tick-command': `${REPLAY} text --prompt-file {{prompt_file}}` }), { ...sandbox.env, LOOOP_TEST_PROMPT_OUT: path.join(sandbox.root, 'seen') }, temp);
    const run = await decide('from a file', undefined);
    expect(run.result.ok).toBe(true);
    expect(readFileSync(path.join(sandbox.root, 'seen'), 'utf8')).toBe('from a file');
  });

  it('gets the prompt on stdin without the placeholder', async () => {
    const decide = processDecider(settings({ runner: 'custom', 'tick-command': `${REPLAY} text` }), { ...sandbox.env, LOOOP_TEST_PROMPT_OUT: path.join(sandbox.root, 'seen') }, sandbox.temp);
    await decide('from stdin', undefined);
    expect(readFileSync(path.join(sandbox.root, 'seen'), 'utf8')).toBe('from stdin');
  });

  it('reads a codex stream when stream-format says so', async () => {
    const decide = processDecider(
      settings({ runner: 'custom', 'tick-command': `${REPLAY} codex '${STREAMS}/codex-exec-0.146.1-turn.jsonl'`, 'stream-format': 'codex' }),
      { ...sandbox.env, LOOOP_TEST_ANSWER: '{"type":"noop","reason":"from codex"}' },
      sandbox.temp,
    );
    const run = await decide('p', undefined);
    expect(run.result).toMatchObject({ ok: true, text: '{"type":"noop","reason":"from codex"}', tokensIn: 79281 });
  });

  it('that exits non-zero in text format is a failure, with its stderr', async () => {
    const decide = processDecider(settings({ runner: 'custom', 'tick-command': 'echo "no credit left" >&2; exit 2' }), sandbox.env, sandbox.temp);
    const run = await decide('p', undefined);
    expect(run.result.ok).toBe(false);
    expect(run.result.failure).toEqual({ kind: 'exit', message: 'exited with code 2; stderr: no credit left' });
  });

  it('that prints its result and lingers is ended after a short grace, its answer kept', async () => {
    const decide = processDecider(
      settings({ runner: 'custom', 'tick-command': `${REPLAY} claude '${STREAMS}/claude-2.1.330-local-api-success.jsonl'`, 'stream-format': 'claude', 'tick-timeout': '60' }),
      { ...sandbox.env, LOOOP_TEST_MODE: 'linger' },
      sandbox.temp,
    );
    const run = await decide('p', undefined);
    expect(run.result.ok).toBe(true);
    expect(run.durationMs).toBeLessThan(30_000);
  });
});

describe('runners without a preset yet', () => {
  it('say how to wire them instead of failing obscurely', () => {
    expect(() => invocation(settings({ runner: 'opencode' }), undefined, '/p')).toThrow(/has no preset in this version yet: set input "tick-command"/);
    expect(() => invocation(settings({ runner: 'custom', 'tick-command': 'x', 'stream-format': 'pi' }), undefined, '/p')).toThrow(/stream-format "pi" is not supported/);
  });
});
