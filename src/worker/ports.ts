import type { RunnerResult } from '../runners/result.ts';

/**
 * What the worker's shell (agent.ts, branch.ts) hands its core (run.ts): the shapes only, so
 * the round is decided without reaching into the modules that run processes and git.
 */

export interface AgentRun {
  readonly result: RunnerResult;
  /** Killed at worker-timeout: the worker fails, and is not tried again. */
  readonly timedOut: boolean;
  readonly durationMs: number;
}

export interface WorkFolder {
  /** The branch's files, for the agent. */
  readonly folder: string;
  /** The commit the files came from: the branch's tip, or the default branch's when the branch is new. */
  readonly parent: string;
  /** The branch existed (an earlier round's work): it is resumed. */
  readonly resumed: boolean;
}

/** What saving the folder did. */
export interface SavedWork {
  /** The branch's tip now: a new commit, or the parent when nothing changed. */
  readonly sha: string;
  /** A commit was made and pushed. */
  readonly committed: boolean;
  /** Paths the agent wrote that were left out: its own .git and workflow files. */
  readonly refused: readonly string[];
}
