import type { Approval } from '../resources/asks/answers.ts';
import type { GitHub } from './github.ts';
import type { RunnerResult } from '../runners/result.ts';
import type { LoadedState, SensorScript } from '../state/read.ts';
import type { BeatRecord } from '../state/record.ts';

/**
 * The outside world as the core sees it: small interfaces the shell (src/io/, src/runners/)
 * implements and the tests fake. Nothing here does I/O.
 */

/** The state branch as the beat sees it: read it, then write records (each one commit, pushed). */
export interface Store {
  readonly seeded: boolean;
  load(): Promise<LoadedState>;
  /**
   * The sensor scripts alone, the same as load() gives, when the store can read them first:
   * the sensors then run while the rest of the state is read.
   */
  sensorScripts?(): readonly SensorScript[];
  /** The journal's last lines, read when a decision needs them and load() left them out (a long journal is not fetched by every beat). */
  journalTail?(): Promise<readonly string[]>;
  commit(record: BeatRecord): Promise<{ readonly sha: string | undefined; readonly attempts: number }>;
}

/** How a process ended: what a sensor, a command or a runner left. */
export interface ProcessExit {
  /** Exit code, or null when a signal ended it. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Killed because it outlived its time. */
  readonly timedOut: boolean;
  /** Killed because it printed more than its byte cap. */
  readonly overflowed: boolean;
  /** Could not be started at all (missing file, not executable). */
  readonly spawnError?: string;
  /** The first bytes of stdout, up to the cap (empty when streamed to onStdout). */
  readonly stdout: string;
  /** The same bytes, undecoded (git objects are not all text). */
  readonly stdoutBytes: Buffer;
  /** The last bytes of stderr, for error messages. */
  readonly stderrTail: string;
  readonly durationMs: number;
}

/** Runs one sensor script. */
export type RunSensor = (sensor: SensorScript) => Promise<ProcessExit>;

export interface CommandRun {
  /** `exit 0`, `exit 2`, `timed out after 600s and was killed`… */
  readonly outcome: string;
  readonly ok: boolean;
  /** The end of its output (stdout and stderr), for the next prompt. */
  readonly tail: string;
}

/**
 * A command to execute, in one of two kinds that cannot be mistaken for each other: words an
 * `allow` pattern matched, run without a shell, or a command line a person approved whole,
 * the only kind that may run in a shell, and only with the approval that proves it.
 */
export type CommandLine =
  | { readonly kind: 'allowed'; readonly argv: readonly string[]; readonly pattern: string }
  | { readonly kind: 'approved'; readonly script: string; readonly approval: Approval };

/** Runs a command in the repository with the scrubbed environment. */
export type RunCommand = (line: CommandLine) => Promise<CommandRun>;

/** One call of the runner that decides. */
export type Decider = (prompt: string, model: string | undefined) => Promise<DecisionRun>;

export interface DecisionRun {
  readonly result: RunnerResult;
  /** What the runner printed (its end, when long), for the record and for error messages. */
  readonly raw: string;
  readonly durationMs: number;
}

/** The outside world, reached only through these. */
export interface BeatPorts {
  readonly store: Store;
  readonly runSensor: RunSensor;
  readonly decider: Decider;
  readonly runCommand: RunCommand;
  /** Absent when there is no token or repository to ask through (a local run). */
  readonly github?: GitHub;
  readonly now: () => Date;
}
