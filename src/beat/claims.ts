import type { GitHub } from './github.ts';

/** A beat's claim on something it is about to do: recorded on the branch before doing it. */
export interface Claim {
  readonly beat: string;
  readonly runId?: string | undefined;
  readonly at: string;
}

export interface ClaimCheck {
  /** Absent in a local run: then only the claim's age tells. */
  readonly github?: GitHub;
  readonly beat: string;
  readonly runId: string | undefined;
  readonly at: Date;
  /** Nothing a beat does takes longer than this; an older claim is dead when runs cannot be looked up. */
  readonly commandTimeoutMs: number;
}

const STALE_CLAIM_MS = 5 * 60_000;

/** This beat's claim, stamped when it is made (a beat can run long before it gets there). */
export function claimNow(who: { readonly beat: string; readonly runId: string | undefined; readonly now: () => Date }): Claim {
  return { beat: who.beat, ...(who.runId === undefined ? {} : { runId: who.runId }), at: who.now().toISOString() };
}

/**
 * Whether the beat that made a claim has ended: its workflow run finished (a re-run's earlier
 * attempt always has), or, where runs cannot be looked up, the claim is older than any command.
 */
export async function claimIsDead(claim: Claim | undefined, check: ClaimCheck): Promise<boolean> {
  if (claim === undefined) return true;
  if (claim.beat === check.beat) return false;
  if (claim.runId !== undefined && claim.runId === check.runId) return true;
  const state = claim.runId === undefined || check.github === undefined ? 'unknown' : await check.github.workflowRun(claim.runId);
  if (state !== 'unknown') return state === 'finished';
  return check.at.getTime() > settledBy(claim, check.commandTimeoutMs).getTime();
}

/** The latest a claim still standing is taken as dead: from then its age alone tells. */
export function settledBy(claim: Claim, commandTimeoutMs: number): Date {
  return new Date(Date.parse(claim.at) + commandTimeoutMs + STALE_CLAIM_MS);
}

/** The earliest time one of these claims, made by other beats, is settled: when to look at them again. */
export function earliestSettled(claims: readonly (Claim | undefined)[], who: { readonly beat: string; readonly commandTimeoutMs: number }): Date | undefined {
  const times = claims.flatMap((claim) => (claim === undefined || claim.beat === who.beat ? [] : [settledBy(claim, who.commandTimeoutMs).getTime()])).filter(Number.isFinite);
  return times.length === 0 ? undefined : new Date(Math.min(...times));
}
