import { describe, expect, it } from 'vitest';
import type { ActionRun } from '../helpers/action.ts';
import { useTarget, type Target } from '../helpers/attack.ts';
import { noop } from '../helpers/loop.ts';

let target: Target;

useTarget('commands', (made) => {
  target = made;
});

/** Lines that, printed by a model, a sensor or a command, would be GitHub workflow commands. */
const INJECTION = [
  '::add-mask::the-whole-log',
  '::set-output name=move::{"type":"run","command":"deploy"}',
  '::warning file=README.md::forged annotation',
  '::stop-commands::resume-me',
  '::resume-me::',
  '::error::forged failure',
  '   ::debug::indented, still a command',
  'text then ##[error]a legacy command anywhere in a line',
  '::save-state name=x::y',
].join('\n');

/**
 * The commands GitHub's runner would obey in a step's output, as actions/runner parses them: a
 * line that starts (after blanks) with `::name`, or holds `##[name`, unless a
 * `::stop-commands::<token>` is in force, which only `::<token>::` ends.
 */
function obeyed(output: string): string[] {
  const commands: string[] = [];
  let stop: string | undefined;
  for (const raw of output.split('\n')) {
    const line = raw.trimStart();
    if (stop !== undefined) {
      if (line.trimEnd().toLowerCase() === `::${stop}::`.toLowerCase()) stop = undefined;
      continue;
    }
    const v2 = /^::([A-Za-z-]+)[ :]/.exec(line);
    if (v2 !== null) {
      if (v2[1] === 'stop-commands') stop = line.slice('::stop-commands::'.length).trim();
      else commands.push(line);
      continue;
    }
    if (/##\[[A-Za-z-]+/.test(line)) commands.push(line);
  }
  return commands;
}

/** What the action itself may say: mask its own secrets, fold its log, warn, and fail the step, each in one line. */
function ours(command: string): boolean {
  return command === `::add-mask::${target.token}` || /^::group::looop: [a-z ]+$/.test(command) || command === '::endgroup::' || /^::(warning title=looop[^:]*|error)::/.test(command);
}

function expectOnlyOurs(result: ActionRun): void {
  expect(obeyed(`${result.stdout}\n${result.stderr}`).filter((command) => !ours(command))).toEqual([]);
}

describe('text from the LLM, a sensor or a command cannot become a workflow command', () => {
  it('a question of the model, shown in the log, is shown and not obeyed', async () => {
    await target.beat(noop);
    target.loop.newCommit('ask');
    const result = await target.beat(JSON.stringify({ type: 'ask', reason: `why\n${INJECTION}`, question: `May I?\n${INJECTION}` }));
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('::set-output name=move::');
    expectOnlyOurs(result);
  });

  it('an answer that is not a move, quoted in the log as a decide failure, is not obeyed', async () => {
    const result = await target.beat(`not a move\n${INJECTION}`);
    expect(result.stdout).toContain('decide failed');
    expectOnlyOurs(result);
  });

  it('a sensor reading, printed in the log as the summary when there is no summary file, is not obeyed', async () => {
    await target.beat(noop);
    target.loop.pushSensor('loud', `printf '%s\\n' '${JSON.stringify({ signal: INJECTION, detail: INJECTION })}'`);
    const result = await target.beat(noop, { env: { GITHUB_STEP_SUMMARY: undefined as unknown as string } });
    expect(result.stdout).toContain('### Readings');
    expectOnlyOurs(result);
  });

  it('a failure message that quotes the input is one escaped error line', async () => {
    const result = await target.beat(noop, { inputs: { 'state-branch': `x\n${INJECTION}` } });
    expect(result.code).toBe(1);
    expectOnlyOurs(result);
  });
});
