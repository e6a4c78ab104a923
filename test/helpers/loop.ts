import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withAnswer } from '../fixtures/runners/answer.ts';
import { RUNNER_SOURCES, STREAMS, runAction, type ActionOptions, type ActionRun } from './action.ts';
import { makeSandbox, pushStateChange, type Sandbox } from './git.ts';

/** The workflow token the action is given; the stand-in maps any token to github-actions[bot]. */
export const ACTION_TOKEN = 'ghs_workflow_token';

export const CLAUDE_STREAM = path.join(STREAMS, 'claude-2.1.330-local-api-success.jsonl');

/** A sandbox plus a stand-in runner that answers what the test says, counting its calls. */
export interface Loop {
  readonly sandbox: Sandbox;
  /** One beat of the bundled action; the runner answers `answer`. */
  beat(answer: string, options?: Partial<ActionOptions>): Promise<ActionRun>;
  runnerCalls(): number;
  /** A person adds an executable sensor to the state branch. */
  pushSensor(name: string, body: string): void;
  /** A commit in the checkout, which the template's repo-head sensor sees. */
  newCommit(message: string): void;
}

/**
 * The claude preset's captured stream, printed by a stand-in runner wired as a custom
 * tick-command: a shell script that prints the stream each beat writes with its answer in it
 * (a decision starts no Node, as most of the tests' beats decide).
 */
export function claudeInputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    runner: 'custom',
    'tick-command': `/bin/sh '${RUNNER_SOURCES}/replay.sh'`,
    'stream-format': 'claude',
    ...extra,
  };
}

const CLAUDE_EVENTS = readFileSync(CLAUDE_STREAM, 'utf8');

let streams = 0;

/** With `github`, beats talk to that GitHub stand-in as `repository` (owner/repo), with the workflow's token. */
export function makeLoop(options: { github?: string; repository?: string } = {}): Loop {
  const sandbox = makeSandbox();
  const calls = path.join(sandbox.root, 'runner-calls');
  const github: { inputs: Record<string, string>; env: Record<string, string> } =
    options.github === undefined ? { inputs: {}, env: {} } : { inputs: { 'github-token': ACTION_TOKEN }, env: { GITHUB_API_URL: options.github, GITHUB_REPOSITORY: options.repository ?? 'octo/project' } };
  return {
    sandbox,
    beat: (answer, beatOptions = {}) => {
      const stream = path.join(sandbox.root, `stream-${++streams}.jsonl`);
      writeFileSync(stream, withAnswer('claude', CLAUDE_EVENTS, answer, beatOptions.env?.LOOOP_TEST_MODE === 'cut'));
      return runAction(sandbox, {
        ...beatOptions,
        inputs: { ...claudeInputs(), ...github.inputs, ...beatOptions.inputs },
        env: { LOOOP_TEST_ANSWER: answer, LOOOP_TEST_STREAM: stream, LOOOP_TEST_CALLS: calls, ...github.env, ...beatOptions.env },
      });
    },
    runnerCalls: () => (existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n').length : 0),
    pushSensor: (name, body) => {
      pushStateChange(sandbox, { [`sensors/${name}`]: `#!/bin/sh\n${body}\n` }, { executable: [`sensors/${name}`] });
    },
    newCommit: (message) => {
      writeFileSync(path.join(sandbox.workspace, 'CHANGES.md'), `${message}\n`);
      sandbox.git(['add', '.']);
      sandbox.git(['commit', '-q', '-m', message]);
    },
  };
}

export const noop = JSON.stringify({ type: 'noop', reason: 'the setup goal is still active' });

/** Journal rows (moves), without the table's header. */
export function journalRows(sandbox: Sandbox): string[] {
  return (sandbox.stateFile('journal.md') ?? '').split('\n').filter((line) => line.startsWith('| 20'));
}
