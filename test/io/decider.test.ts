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

/** Presets use the fake CLI on PATH here; test/e2e/install.test.ts covers the install. */
const settings = (inputs: Record<string, string>) => {
  const own = inputs.runner === 'custom' || inputs.runner === 'openai' || inputs['tick-command'] !== undefined ? {} : { 'runner-version': 'installed' };
  return readSettings(Object.fromEntries(Object.entries({ ...own, ...inputs }).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])));
};

const REPLAY = `'${process.execPath}' '${RUNNERS}/replay.js'`;

/** A fake runner CLI on PATH that records how it was called and prints a captured stream. */
function fakeRunner(name: string, fixture: string): { bin: string; argv: string; stdin: string; env: string } {
  const bin = path.join(sandbox.root, 'bin');
  mkdirSync(bin, { recursive: true });
  const record = { argv: path.join(sandbox.root, `${name}.argv`), stdin: path.join(sandbox.root, `${name}.stdin`), env: path.join(sandbox.root, `${name}.env`) };
  sandbox.script(
    `bin/${name}`,
    `#!/bin/sh\nfor a in "$@"; do printf '[%s]' "$a"; done > ${record.argv}\nenv > ${record.env}\ncat > ${record.stdin}\ncat '${STREAMS}/${fixture}'\n`,
  );
  return { bin, ...record };
}

function envWith(bin: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...sandbox.env, PATH: `${bin}:${sandbox.env.PATH ?? ''}`, GITHUB_TOKEN: 'ghs_x', 'INPUT_GITHUB-TOKEN': 'ghs_y', ...extra };
}

describe('the claude preset', () => {
  it('runs claude without tools, the prompt on stdin, the model flag set, and reads its stream', async () => {
    const claude = fakeRunner('claude', 'claude-2.1.330-local-api-success.jsonl');
    const decide = processDecider(settings({ runner: 'claude' }), envWith(claude.bin, { ANTHROPIC_API_KEY: 'sk-ant' }), sandbox.temp);
    const run = await decide('the prompt', 'claude-haiku-4-5');

    expect(readFileSync(claude.argv, 'utf8')).toBe('[-p][--output-format][stream-json][--verbose][--tools][][--model][claude-haiku-4-5]');
    expect(readFileSync(claude.stdin, 'utf8')).toBe('the prompt');
    expect(run.result).toMatchObject({ ok: true, text: '{"type":"noop","reason":"calm"}', costUsd: 0.0008 });
    const childEnv = readFileSync(claude.env, 'utf8');
    expect(childEnv).toContain('ANTHROPIC_API_KEY=sk-ant');
    expect(childEnv).not.toMatch(/GITHUB_TOKEN|INPUT_/);
  });

  it('decides with the cheap model when no model is set', () => {
    expect(invocation(settings({ runner: 'claude' }), undefined, { file: '/p', text: 'x' }).args.slice(-2)).toEqual(['--model', 'haiku']);
  });
});

describe('the codex, opencode and pi presets', () => {
  it('run codex exec read-only with the prompt as its argument, and read its JSON events', async () => {
    const codex = fakeRunner('codex', 'codex-0.169.0-local-api-success.jsonl');
    const run = await processDecider(settings({ runner: 'codex' }), envWith(codex.bin), sandbox.temp)('decide now', 'gpt-5-mini');
    expect(readFileSync(codex.argv, 'utf8')).toBe('[exec][--json][--skip-git-repo-check][--sandbox][read-only][--model][gpt-5-mini][decide now]');
    expect(run.result).toMatchObject({ ok: true, text: '{"type":"noop","reason":"calm"}', tokensIn: 120, tokensOut: 20 });
  });

  it('run opencode with every tool denied, merged into the config the workflow gives it', async () => {
    const opencode = fakeRunner('opencode', 'opencode-1.18.33-local-api-success-notools.jsonl');
    const env = envWith(opencode.bin, { OPENCODE_CONFIG_CONTENT: '{"provider":{"p":{"npm":"@ai-sdk/openai-compatible"}},"permission":{"bash":"allow"}}' });
    const run = await processDecider(settings({ runner: 'opencode' }), env, sandbox.temp)('decide now', 'p/m');
    expect(readFileSync(opencode.argv, 'utf8')).toBe('[run][--format][json][--title][looop decision][-m][p/m][decide now]');
    const config = /^OPENCODE_CONFIG_CONTENT=(.*)$/m.exec(readFileSync(opencode.env, 'utf8'))?.[1] ?? '';
    expect(JSON.parse(config)).toEqual({ provider: { p: { npm: '@ai-sdk/openai-compatible' } }, permission: { '*': 'deny' } });
    expect(run.result).toMatchObject({ ok: true, text: '{"type":"noop","reason":"calm"}' });
  });

  it('run pi in JSON mode without tools or a session', async () => {
    const pi = fakeRunner('pi', 'pi-0.87.1-local-api-success.jsonl');
    const run = await processDecider(settings({ runner: 'pi' }), envWith(pi.bin), sandbox.temp)('decide now', undefined);
    expect(readFileSync(pi.argv, 'utf8')).toBe('[-p][--mode][json][--no-session][--no-tools][decide now]');
    expect(run.result).toMatchObject({ ok: true, text: '{"type":"noop","reason":"calm"}', model: 'standin/stand-in-model' });
  });

  it('a pi model error reported with exit 0 is a failure', async () => {
    const pi = fakeRunner('pi', 'pi-0.87.1-local-api-error.jsonl');
    const run = await processDecider(settings({ runner: 'pi' }), envWith(pi.bin), sandbox.temp)('decide now', undefined);
    expect(run.result.ok).toBe(false);
    expect(run.result.failure?.message).toMatch(/401/);
  });

  it('a tick-command overrides the preset and keeps its stream format', () => {
    const how = invocation(settings({ runner: 'codex', 'tick-command': 'my-codex --json' }), undefined, { file: '/p', text: 'x' });
    expect(how).toMatchObject({ file: 'bash', args: ['-c', 'my-codex --json'], stdin: true, format: 'codex' });
  });

  it('a broken OPENCODE_CONFIG_CONTENT fails the step before the beat', () => {
    expect(() => processDecider(settings({ runner: 'opencode' }), { OPENCODE_CONFIG_CONTENT: '{nope' }, sandbox.temp)).toThrow(/OPENCODE_CONFIG_CONTENT is not JSON/);
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

describe('runners that are no process', () => {
  it('say so instead of failing obscurely', () => {
    expect(() => invocation(settings({ runner: 'openai' }), undefined, { file: '/p', text: 'x' })).toThrow(/an HTTP call, not a process/);
  });
});
