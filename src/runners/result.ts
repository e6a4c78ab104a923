import type { RunnerCause } from './causes.ts';

/**
 * What every runner's event stream reduces to. The decide step reads only this, so a new
 * runner is a new parser, never a change to the beat.
 */
export type RunnerFailureKind =
  | 'error' // the runner said the turn failed (API error, spend limit, turn.failed, …)
  | 'incomplete' // the stream ended without the event that closes a run (crash, cut off)
  | 'timeout' // killed at tick-timeout (set by the process shell, not by parsers)
  | 'exit'; // the process exited non-zero where the format says exit codes count

export interface RunnerResult {
  /** True only when the stream itself says the run succeeded. */
  readonly ok: boolean;
  /** Why it failed, for the journal and the next prompt, and its cause where the output shows one; absent when ok. */
  readonly failure?: { readonly kind: RunnerFailureKind; readonly message: string; readonly cause?: RunnerCause };
  /** The runner's final answer text, where the move is read from; null when there is none. */
  readonly text: string | null;
  readonly tokensIn?: number;
  readonly tokensOut?: number;
  /** USD, only when the runner reports it. */
  readonly costUsd?: number;
  readonly model?: string;
}

/**
 * A stream parser is fed raw chunks as they arrive (lines may be split across chunks, CRLF,
 * blank or non-JSON lines) and asked for the normalized result once the stream ends.
 */
export interface StreamParser {
  push(chunk: string): void;
  /** The stream has said its last word (a result, a completed turn); the process may linger. */
  finished(): boolean;
  end(): RunnerResult;
}
