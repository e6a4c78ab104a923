import path from 'node:path';
import type { CommandRun, RunCommand } from '../beat/act.ts';
import type { Store } from '../beat/run.ts';
import type { GitHub } from '../beat/github.ts';
import type { Redact } from '../text/redact.ts';
import type { Decider } from '../runners/index.ts';
import type { RunSensor } from '../beat/ports.ts';
import { SENSOR_OUTPUT_CAP } from '../beat/sense.ts';
import type { Settings } from '../settings.ts';
import { scrubbedEnvironment } from './environment.ts';
import { describeExit, runProcess } from './process.ts';
import { launchable, sensorLauncher } from './sensor-launcher.ts';
import type { StateBranch } from './state-branch.ts';
import { loadState, sensorScripts } from '../state/read.ts';
import type { BeatRecord, FileWrite } from '../state/record.ts';

function redactWrite(write: FileWrite, redact: Redact): FileWrite {
  if (typeof write === 'function') {
    return (current) => {
      const next = write(current);
      return next === null ? null : redact(next);
    };
  }
  return write === null ? null : redact(write);
}

/** A record with every known secret taken out of every file, journal line and message it writes. */
export function redactRecord(record: BeatRecord, redact: Redact): BeatRecord {
  return {
    ...record,
    files: Object.fromEntries(Object.entries(record.files).map(([file, write]) => [file, redactWrite(write, redact)])),
    journal: record.journal.map(redact),
    message: redact(record.message),
  };
}

/** The state branch as the beat's store: everything it commits passes the redactor first. */
export function branchStore(branch: StateBranch, redact: Redact): Store {
  return {
    seeded: branch.seeded,
    load: () => loadState(branch.tree()),
    sensorScripts: () => sensorScripts(branch.tree()),
    journalTail: () => branch.journalTail(),
    commit: (record) => branch.commit(redactRecord(record, redact)),
  };
}

/** The prompt is redacted before any runner sees it, and what the runner said before it is kept. */
export function redactingDecider(decider: Decider, redact: Redact): Decider {
  return async (prompt, model) => {
    const run = await decider(redact(prompt), model);
    const { result } = run;
    return {
      ...run,
      raw: redact(run.raw),
      result: {
        ...result,
        text: result.text === null ? null : redact(result.text),
        ...(result.failure === undefined ? {} : { failure: { ...result.failure, message: redact(result.failure.message) } }),
      },
    };
  };
}

/** Issue titles, bodies and comments pass the redactor: they are public to every reader of the repository. */
export function redactingGitHub(github: GitHub, redact: Redact): GitHub {
  return {
    ...github,
    createIssue: (label, title, body) => github.createIssue(label, redact(title), redact(body)),
    updateIssue: (issue, change) => github.updateIssue(issue, change.body === undefined ? change : { ...change, body: redact(change.body) }),
    comment: (issue, body) => github.comment(issue, redact(body)),
    createPullRequest: (pull) => github.createPullRequest({ ...pull, title: redact(pull.title), body: redact(pull.body) }),
    updatePullRequest: (pull, change) =>
      github.updatePullRequest(pull, { ...(change.title === undefined ? {} : { title: redact(change.title) }), ...(change.body === undefined ? {} : { body: redact(change.body) }) }),
  };
}

/**
 * Sensors run from the user's checkout (what they observe), with the scrubbed environment
 * and the path of a copy of the state tree, so a sensor can read the loop's files. They are
 * started by launchers (io/sensor-launcher.ts); a sensor whose path cannot travel on a
 * launcher's line (a newline in RUNNER_TEMP) is started by the action itself.
 */
export function sensorRunner(settings: Pick<Settings, 'sensorEnv' | 'sensorTimeoutMs'>, env: NodeJS.ProcessEnv, workspace: string, stateView: string): RunSensor {
  const sensorEnv = scrubbedEnvironment(env, settings.sensorEnv, { LOOOP_STATE_DIR: stateView });
  const launch = sensorLauncher({ cwd: workspace, env: sensorEnv, tempDir: path.dirname(stateView), timeoutMs: settings.sensorTimeoutMs, maxStdoutBytes: SENSOR_OUTPUT_CAP });
  return (sensor) => {
    const request = { name: sensor.name, file: path.join(stateView, sensor.file) };
    if (launchable(request)) return launch(request);
    return runProcess({
      file: request.file,
      args: [],
      cwd: workspace,
      env: { ...sensorEnv, LOOOP_SENSOR: sensor.name },
      timeoutMs: settings.sensorTimeoutMs,
      maxStdoutBytes: SENSOR_OUTPUT_CAP,
    });
  };
}

const COMMAND_TAIL_CHARS = 4000;

/**
 * Commands run in the user's checkout, with the scrubbed environment: allowed words without a
 * shell, and a command line in bash only when a person approved it.
 */
export function commandRunner(settings: Settings, env: NodeJS.ProcessEnv, workspace: string): RunCommand {
  return async (line): Promise<CommandRun> => {
    let tail = '';
    const [file, ...args] = line.kind === 'allowed' ? line.argv : ['bash', '-c', line.script];
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
