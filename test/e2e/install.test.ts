import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAction, STREAMS, type ActionRun } from '../helpers/action.ts';
import { makeSandbox, pushStateChange, type Sandbox } from '../helpers/git.ts';

/**
 * The runner's CLI is installed by the action with npm, when a decision is due. A fake npm on
 * PATH records each call (its arguments, its whole environment) and "installs" a fake CLI that
 * prints a stream captured from the real one.
 */
let sandbox: Sandbox;
let bin: string;
beforeEach(() => {
  sandbox = makeSandbox();
  bin = path.join(sandbox.root, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'npm'), FAKE_NPM);
  chmodSync(path.join(bin, 'npm'), 0o755);
});
afterEach(() => {
  sandbox.cleanup();
});

// The fake reads its instructions from files beside it: the environment npm gets is the action's to choose.
const FAKE_NPM = `#!/bin/sh
here=$(dirname "$0")
echo "$*" >> "$here/npm-calls"
env > "$here/npm-env"
if [ -f "$here/npm-fails" ]; then
  echo "npm error code E404" >&2
  echo "npm error 404 No match found for version 9.9.9" >&2
  exit 1
fi
prefix=""
for arg in "$@"; do [ "$last" = --prefix ] && prefix=$arg; last=$arg; done
mkdir -p "$prefix/node_modules/.bin"
case "$last" in
  @anthropic-ai/claude-code@*)
    printf '#!/bin/sh\\necho run >> %s/claude-runs\\nenv > %s/claude-env\\ncat > /dev/null\\ncat %s\\n' "$here" "$here" '${STREAMS}/claude-2.1.330-local-api-success.jsonl' > "$prefix/node_modules/.bin/claude"
    chmod +x "$prefix/node_modules/.bin/claude" ;;
  @openai/codex@*)
    mkdir -p "$prefix/node_modules/@openai/codex/bin"
    printf '#!/usr/bin/env node\\nrequire("fs").writeFileSync(%s, process.execPath);\\nprocess.stdout.write(require("fs").readFileSync(%s));\\n' "'$here/codex-node'" "'${STREAMS}/codex-0.169.0-local-api-success.jsonl'" > "$prefix/node_modules/@openai/codex/bin/codex.js"
    ln -s ../@openai/codex/bin/codex.js "$prefix/node_modules/.bin/codex" ;;
esac
`;

const calm = JSON.stringify({ type: 'noop', reason: 'calm' });

function npmCalls(): string[] {
  const file = path.join(bin, 'npm-calls');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : [];
}

function claudeRuns(): number {
  const file = path.join(bin, 'claude-runs');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').length : 0;
}

/** A beat of the bundled action with the claude preset and the fake npm first on PATH; each job has its own tool cache. */
function beat(job: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(sandbox, {
    inputs: { runner: 'claude', ...inputs },
    env: { PATH: `${bin}:${sandbox.env.PATH ?? ''}`, RUNNER_TOOL_CACHE: path.join(sandbox.root, `tool-cache-${job}`), ...env },
  });
}

describe('the runner CLI is installed only when a decision is due', () => {
  it('a deciding beat installs the tested claude into a fresh folder of its own, with npm settings of its own, and runs it from there', async () => {
    const run = await beat('1');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.move).toBe(calm);
    expect(npmCalls()).toEqual([
      expect.stringMatching(
        /^install --prefix (\S+\/runner-\w+) --userconfig \1\/\.npmrc --globalconfig \1\/\.npmrc --cache \1\/\.npm-cache --no-audit --no-fund @anthropic-ai\/claude-code@2\.1\.330$/,
      ),
    ]);
    expect(claudeRuns()).toBe(1);
    // The install is the beat's: nothing is left in the tool cache or under RUNNER_TEMP.
    expect(existsSync(path.join(sandbox.root, 'tool-cache-1'))).toBe(false);
  });

  it('an idle beat installs nothing, and every deciding beat installs afresh', async () => {
    expect((await beat('1')).code).toBe(0);
    const idle = await beat('1');
    expect(idle.code, idle.stdout + idle.stderr).toBe(0);
    expect(idle.outputs.changed).toBe('false');
    expect(npmCalls()).toHaveLength(1);

    writeFileSync(path.join(sandbox.workspace, 'CHANGES.md'), 'new\n');
    sandbox.git(['add', '.']);
    sandbox.git(['commit', '-q', '-m', 'a change the repo-head sensor sees']);
    const again = await beat('1');
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.outputs.changed).toBe('true');
    expect(npmCalls()).toHaveLength(2);
    expect(claudeRuns()).toBe(2);
  });

  it('a program a sensor plants where an install once lived is never run, and never sees the API key', async () => {
    const loot = path.join(sandbox.root, 'loot');
    const planted = path.join(sandbox.root, 'tool-cache-1', 'looop-runners/@anthropic-ai/claude-code/2.1.330');
    const sensor = [
      '#!/bin/sh',
      `mkdir -p '${planted}/node_modules/.bin'`,
      `printf '#!/bin/sh\\nenv > ${loot}\\nexit 1\\n' > '${planted}/node_modules/.bin/claude'`,
      `chmod +x '${planted}/node_modules/.bin/claude'`,
      `echo '@anthropic-ai/claude-code@2.1.330' > '${planted}/.looop-installed'`,
      'echo \'{"signal": "\'$(date +%s%N)\'"}\'',
    ].join('\n');
    expect((await beat('1')).code).toBe(0);
    pushStateChange(sandbox, { 'sensors/innocent.sh': `${sensor}\n` }, { executable: ['sensors/innocent.sh'] });
    const run = await beat('1', {}, { ANTHROPIC_API_KEY: 'sk-ant-secret-0123456789abcdef' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.move).toBe(calm);
    expect(existsSync(loot)).toBe(false);
    expect(claudeRuns()).toBe(2);
  });

  it('installs the version runner-version names, and runs a JavaScript CLI on the action’s own Node, without install scripts', async () => {
    const run = await beat('1', { runner: 'codex', 'runner-version': '0.170.1' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.move).toBe(calm);
    expect(npmCalls()).toEqual([expect.stringMatching(/ --no-audit --no-fund --ignore-scripts @openai\/codex@0\.170\.1$/)]);
    expect(readFileSync(path.join(bin, 'codex-node'), 'utf8')).toBe(process.execPath);
  });
});

describe('what npm gets', () => {
  it('no token and no API key, but the proxy, CA and npm settings it needs', async () => {
    const secrets = { ANTHROPIC_API_KEY: 'sk-ant-secret-1', GITHUB_TOKEN: 'ghs_secret_2', GH_TOKEN: 'gho_secret_3', ACTIONS_RUNTIME_TOKEN: 'secret_4', NODE_AUTH_TOKEN: 'npm_secret_5', npm_config__authToken: 'npm_secret_7' };
    const npmSettings = { HTTPS_PROXY: 'http://proxy.internal:3128', NODE_EXTRA_CA_CERTS: '/etc/company-ca.pem', npm_config_registry: 'https://npm.internal/' };
    const run = await beat('1', { 'github-token': 'ghs_secret_6' }, { ...secrets, ...npmSettings, GITHUB_REPOSITORY: '' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const npmEnv = readFileSync(path.join(bin, 'npm-env'), 'utf8');
    for (const secret of [...Object.values(secrets), 'ghs_secret_6']) expect(npmEnv).not.toContain(secret);
    expect(npmEnv).not.toMatch(/^INPUT_/m);
    for (const [name, value] of Object.entries(npmSettings)) expect(npmEnv).toContain(`${name}=${value}\n`);
    // The runner itself still gets its API key: the install is what runs without it.
    expect(readFileSync(path.join(bin, 'claude-env'), 'utf8')).toContain('ANTHROPIC_API_KEY=sk-ant-secret-1\n');
  });
});

describe('a failed install fails the step and says what to change', () => {
  it('when npm fails: its error, the version, and the input to fix', async () => {
    writeFileSync(path.join(bin, 'npm-fails'), '');
    const run = await beat('1', { 'runner-version': '9.9.9' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::could not install the runner: "npm install @anthropic-ai/claude-code@9.9.9" exited with code 1.');
    expect(run.stdout).toContain('Set input "runner-version"');
    expect(run.stdout).toContain('runner-version to "installed"');
    expect(run.stdout).toContain('404 No match found for version 9.9.9');
    expect(claudeRuns()).toBe(0);
  });

  it('when npm is not on PATH: at once, even on a beat that would not decide', async () => {
    const farm = pathWithout(['npm', 'npx']);
    const run = await runAction(sandbox, { inputs: { runner: 'claude' }, env: { PATH: farm } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::the action installs @anthropic-ai\/claude-code@2\.1\.330 when a decision is due, but npm is not on PATH\. Add actions\/setup-node/);
    expect(run.stdout).toContain('set input "runner-version" to "installed"');
    expect(sandbox.stateLog()).toEqual([]);
  });
});

describe('runner-version: installed', () => {
  it('runs the program already on PATH and installs nothing', async () => {
    const own = path.join(sandbox.root, 'own-bin');
    mkdirSync(own);
    writeFileSync(path.join(own, 'claude'), `#!/bin/sh\necho own >> ${own}/ran\ncat > /dev/null\ncat '${STREAMS}/claude-2.1.330-local-api-success.jsonl'\n`);
    chmodSync(path.join(own, 'claude'), 0o755);
    const run = await beat('1', { 'runner-version': 'installed' }, { PATH: `${bin}:${own}:${sandbox.env.PATH ?? ''}` });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.move).toBe(calm);
    expect(readFileSync(path.join(own, 'ran'), 'utf8')).toBe('own\n');
    expect(npmCalls()).toEqual([]);
  });

  it('fails at once when the program is not on PATH', async () => {
    const run = await beat('1', { 'runner-version': 'installed' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::input "runner-version" is "installed", but claude is not on PATH. Install it in an earlier step (npm install -g @anthropic-ai/claude-code@2.1.330)');
  });
});

/** A PATH of one folder with every program of the real PATH except the named ones. */
function pathWithout(names: readonly string[]): string {
  const farm = path.join(sandbox.root, 'farm');
  mkdirSync(farm);
  for (const dir of (sandbox.env.PATH ?? '').split(':')) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir)) {
      if (names.includes(entry)) continue;
      try {
        symlinkSync(path.join(dir, entry), path.join(farm, entry));
      } catch {
        // An earlier folder on PATH had it first, as PATH lookup would.
      }
    }
  }
  return farm;
}
