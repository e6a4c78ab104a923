import type { RunCommand } from './act.ts';
import type { GitHub } from '../io/github/port.ts';
import type { Decider } from '../runners/index.ts';
import type { RunSensor } from './sense.ts';
import type { LoadedState } from '../state/read.ts';
import type { BeatRecord } from '../state/record.ts';

/** The state branch as the beat sees it: read it, then write records (each one commit, pushed). */
export interface Store {
  readonly seeded: boolean;
  load(): Promise<LoadedState>;
  commit(record: BeatRecord): Promise<{ readonly sha: string | undefined; readonly attempts: number }>;
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
