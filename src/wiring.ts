import path from 'node:path';
import type { CommandRun, RunCommand } from './act.ts';
import type { Store } from './beat.ts';
import { SENSOR_OUTPUT_CAP, type RunSensor } from './sense.ts';
import type { Settings } from './settings.ts';
import { scrubbedEnvironment } from './shell/environment.ts';
import { describeExit, runProcess } from './shell/process.ts';
import type { StateBranch } from './state/branch.ts';
import { readState } from './state/read.ts';

/** The state branch's worktree as the beat's store. */
export function branchStore(branch: StateBranch): Store {
  return { seeded: branch.seeded, load: () => readState(branch.dir), commit: (record) => branch.commit(record) };
}

/**
 * Sensors run from the user's checkout (what they observe), with the scrubbed environment
 * and the state tree's path, so a sensor can read the loop's files without being told where.
 */
export function sensorRunner(settings: Settings, env: NodeJS.ProcessEnv, workspace: string, stateDir: string): RunSensor {
  const sensorEnv = scrubbedEnvironment(env, settings.sensorEnv, { LOOOP_STATE_DIR: stateDir });
  return (sensor) =>
    runProcess({
      file: path.join(stateDir, sensor.file),
      args: [],
      cwd: workspace,
      env: { ...sensorEnv, LOOOP_SENSOR: sensor.name },
      timeoutMs: settings.sensorTimeoutMs,
      maxStdoutBytes: SENSOR_OUTPUT_CAP,
    });
}

const COMMAND_TAIL_CHARS = 4000;

/** Allowed commands run without a shell, in the user's checkout, with the scrubbed environment. */
export function commandRunner(settings: Settings, env: NodeJS.ProcessEnv, workspace: string): RunCommand {
  return async (argv): Promise<CommandRun> => {
    let tail = '';
    const [file, ...args] = argv;
    const exit = await runProcess({
      file: file ?? 'true',
      args,
      cwd: workspace,
      env: scrubbedEnvironment(env, settings.sensorEnv),
      timeoutMs: settings.commandTimeoutMs,
      onStdout: (chunk) => {
        tail = (tail + chunk).slice(-COMMAND_TAIL_CHARS);
      },
    });
    const ok = exit.code === 0 && !exit.timedOut;
    const stderr = exit.stderrTail.trim() === '' ? '' : `\n[stderr]\n${exit.stderrTail.slice(-COMMAND_TAIL_CHARS / 2)}`;
    return { ok, outcome: ok ? 'exit 0' : describeExit(exit, settings.commandTimeoutMs), tail: `${tail}${stderr}` };
  };
}
