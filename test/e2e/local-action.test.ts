import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT, RUNNERS } from '../helpers/action.ts';
import { makeSandbox, type Sandbox } from '../helpers/git.ts';
import { journalRows } from '../helpers/loop.ts';

/**
 * @github/local-action runs src/main.ts's run() (not the bundle, not index.ts's hand-off) with
 * its own stand-ins for @actions/core and the inputs of a .env file: the debugging path the
 * actions/typescript-action template promises. A real beat, on a sandbox's state branch.
 */
let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => {
  sandbox.cleanup();
});

const LOCAL_ACTION = path.join(PROJECT, 'node_modules/.bin/local-action');

describe('@github/local-action', () => {
  it('runs a beat of src/main.ts that seeds the state branch, decides and records', () => {
    const move = { type: 'noop', reason: 'through local-action' };
    const dotenv = path.join(sandbox.root, '.env');
    writeFileSync(
      dotenv,
      [
        'INPUT_RUNNER=custom',
        `INPUT_TICK-COMMAND="'${process.execPath}' '${RUNNERS}/replay.js' text"`,
        `GITHUB_WORKSPACE=${sandbox.workspace}`,
        'GITHUB_RUN_ID=4242',
        'GITHUB_RUN_ATTEMPT=1',
        `RUNNER_TEMP=${sandbox.temp}`,
        `LOOOP_TEST_ANSWER='${JSON.stringify(move)}'`,
        '',
      ].join('\n'),
    );
    const run = spawnSync(LOCAL_ACTION, ['run', PROJECT, 'src/main.ts', dotenv], {
      cwd: PROJECT,
      encoding: 'utf8',
      timeout: 90_000,
      // Node 24 first on PATH for local-action's tsx; npm (it runs `npm ls`) asks no registry.
      env: { ...sandbox.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${sandbox.env.PATH}`, npm_config_update_notifier: 'false' },
    });

    expect(run.status, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).not.toMatch(/::error::/);
    expect(run.stdout).toMatch(/Action Outputs[\s\S]*'move' +│ '\{"type":"noop","reason":"through local-action"\}'/);
    expect(sandbox.stateLog()).toEqual(['looop: beat 4242-1: nothing to do', 'looop: beat 4242-1: charge decision 4242-1:1', 'looop: seed the state branch from loop-state/']);
    expect(journalRows(sandbox)).toEqual([expect.stringMatching(/^\| \S+Z \| 4242-1 \| noop \| through local-action \| ok \|/)]);
  }, 120_000);
});
