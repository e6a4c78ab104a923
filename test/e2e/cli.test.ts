import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers/action.ts';

const CLI = path.join(PROJECT, 'dist/cli/index.js');
const VERSION = (JSON.parse(readFileSync(path.join(PROJECT, 'package.json'), 'utf8')) as { version: string }).version;

/** The bundled CLI, as `npx looop-action …` runs it, with no INPUT_* or token from the developer's shell. */
function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: PROJECT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
}

describe('npx looop-action', () => {
  it.each([['--help'], ['-h'], ['help']])('%s prints the usage on stdout and exits 0', (flag) => {
    const run = cli([flag]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^looop-action <command> \[arguments\]\n/);
    expect(run.stdout).toMatch(/\n {2}replay \[<beat>\] --runner R … +run a beat's recorded decision again/);
    expect(run.stderr).toBe('');
  });

  it("help <command> prints that command's own usage and exits 0", () => {
    const run = cli(['help', 'replay']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^looop-action replay \[<beat>\] \[--decision N\]/);
    expect(cli(['replay', '--help']).stdout).toBe(run.stdout);
  });

  it('--version prints the version of the package', () => {
    const run = cli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${VERSION}\n`);
  });

  it('no command prints the usage on stderr and exits 2', () => {
    const run = cli([]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^looop-action <command>/);
  });

  it.each([['frobnicate'], ['help', 'frobnicate']])('an unknown command (%s) names it, prints the usage on stderr and exits 2', (...args) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^looop-action: unknown command "frobnicate"\.\n\nlooop-action <command>/);
  });

  it('an option before the command exits 2 with usage', () => {
    const run = cli(['--verbose', 'replay']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^looop-action: unknown option "--verbose": options go after the command\./);
  });

  it.each([
    [['replay', '42-1', '--bogus'], /^looop-action replay: Unknown option '--bogus'/],
    [['replay', '42-1', '--runner'], /^looop-action replay: Option '--runner <value>' argument missing/],
    [['replay', '42-1', '43-1'], /^looop-action replay: replay takes one beat, and was given also "43-1"/],
    [['replay', '42-1', '--decision', 'two'], /^looop-action replay: --decision "two" is not a decision number/],
  ])('a bad command line (%j) gets the message, the command usage, and exit 2', (args, message) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('\n\nlooop-action replay [<beat>]');
  });

  it('a setting error names the flag, never a workflow input', () => {
    for (const [args, flag] of [
      [['replay', '42-1'], /--runner is required: choose one of claude, codex, opencode, pi, custom, openai/],
      [['replay', '42-1', '--runner', 'gpt'], /--runner expected one of claude, codex/],
      [['replay', '42-1', '--runner', 'custom'], /--runner is custom, so --tick-command is required/],
      [['replay', '42-1', '--runner', 'openai', '--api-url', 'ftp://x'], /--api-url /],
      [['replay', '--state-branch=a..b'], /--state-branch is not a branch name git accepts/],
      [['replay', '42-1', '--runner', 'claude', '--state-branch=a..b'], /--state-branch is not a branch name git accepts/],
      [['replay', '42-1', '--runner', 'claude', '--stream-format', 'xml'], /--stream-format /],
    ] as const) {
      const run = cli([...args], { 'INPUT_DAILY-BUDGET': 'not a number' });
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toMatch(flag);
      expect(run.stderr).not.toMatch(/input "|INPUT_|with:|workflow/);
    }
  });
});
