import { splitCommand } from './allow.ts';
import { claimIsDead, type ClaimCheck } from './claims.ts';
import { formatJournalLine } from './journal.ts';
import { formatMemory, parseMemory, type Memory } from './state/memory.ts';
import type { FileWrite } from './state/record.ts';

/**
 * Allowed commands the loop is running: each is claimed on the branch (in beat.json) before it
 * runs and settled by the beat's record after. A claim whose beat died may or may not have run
 * its command, so that command never runs again without a person; a claim whose beat may still
 * be running it holds the same command back from every other beat.
 */
export type Running = NonNullable<Memory['running']>[number];

const INTERRUPTED_KEPT = 20;

/** Two spellings of one command (`sh  x.sh`, `sh 'x.sh'`) are the same command. */
export function sameCommand(a: string, b: string): boolean {
  const [left, right] = [splitCommand(a), splitCommand(b)];
  return left.ok && right.ok ? left.words.join('\0') === right.words.join('\0') : a.trim() === b.trim();
}

/** Commands that need a person now: interrupted ones, and those another beat may be running. */
export function heldCommands(memory: Memory): string[] {
  return [...(memory.interrupted ?? []), ...(memory.running ?? []).map((claim) => claim.command)];
}

export interface Recovered {
  readonly memory: Memory;
  readonly journal: string[];
  /** Beats whose claims this beat settles: its own, and the dead ones it journals as interrupted. */
  readonly settled: string[];
}

/** Settles the claims of beats that died: journaled, told to the next decision, and held for a person. */
export async function recoverRunning(memory: Memory, check: ClaimCheck): Promise<Recovered> {
  const claims = memory.running ?? [];
  const dead: Running[] = [];
  for (const claim of claims) if (await claimIsDead(claim, check)) dead.push(claim);
  if (dead.length === 0) return { memory, journal: [], settled: [check.beat] };
  const alive = claims.filter((claim) => !dead.includes(claim));
  const outcome = (claim: Running): string => `interrupted: beat ${claim.beat} ended while it ran; it may or may not have finished, and it will not run again without a person`;
  const last = dead.at(-1) as Running;
  const next: Memory = {
    ...memory,
    interrupted: [...new Set([...(memory.interrupted ?? []), ...dead.map((claim) => claim.command)])].slice(-INTERRUPTED_KEPT),
    lastRun: { beat: last.beat, command: last.command, outcome: outcome(last), tail: '' },
  };
  if (alive.length > 0) next.running = alive;
  else delete next.running;
  return {
    memory: next,
    journal: dead.map((claim) => formatJournalLine({ at: check.at, beat: check.beat, move: 'run', summary: `\`${claim.command}\`: ${outcome(claim)}`, outcome: 'interrupted' })),
    settled: [check.beat, ...dead.map((claim) => claim.beat)],
  };
}

/**
 * beat.json as a beat writes it: its own memory, keeping the claims other beats made meanwhile
 * (a running command's claim must not vanish under a record written by a beat that overlapped it).
 */
export function memoryWrite(memory: Memory, settled: readonly string[]): FileWrite {
  return (current) => {
    const mine = memory.running ?? [];
    const theirs = (parseMemory(current).memory.running ?? []).filter((claim) => !settled.includes(claim.beat) && !mine.some((m) => m.beat === claim.beat));
    const running = [...mine, ...theirs];
    const next: Memory = { ...memory };
    if (running.length > 0) next.running = running;
    else delete next.running;
    return formatMemory(next);
  };
}
