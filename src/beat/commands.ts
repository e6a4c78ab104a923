import path from 'node:path';
import { splitCommand } from '../moves/allow.ts';
import { claimIsDead, type ClaimCheck } from './claims.ts';
import { formatJournalLine } from '../state/journal.ts';
import { formatMemory, parseMemory, type Memory } from '../state/memory.ts';
import type { FileWrite } from '../state/record.ts';

/**
 * Allowed commands the loop is running: each is claimed on the branch (in beat.json) before it
 * runs and settled by the beat's record after. A claim whose beat died may or may not have run
 * its command, so that command never runs again without a person; a claim whose beat may still
 * be running it holds the same command back from every other beat.
 */
export type Running = NonNullable<Memory['running']>[number];

const INTERRUPTED_KEPT = 20;

/** A word as the program will take it: a relative path is the same path however it is written (`./x.sh`, `a/../x.sh`). */
function normalWord(word: string): string {
  return word.includes('/') && !word.startsWith('-') ? path.posix.normalize(word) : word;
}

/** Two spellings of one command (`sh  x.sh`, `sh 'x.sh'`, `sh ./x.sh`) are the same command. */
export function sameCommand(a: string, b: string): boolean {
  const [left, right] = [splitCommand(a), splitCommand(b)];
  if (!left.ok || !right.ok) return a.trim() === b.trim();
  return left.words.map(normalWord).join('\0') === right.words.map(normalWord).join('\0');
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
    lastCommand: { beat: last.beat, command: last.command, outcome: outcome(last), tail: '' },
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
 * beat.json as a beat writes it: its own memory, keeping what other beats recorded meanwhile
 * about commands (a claim on one that is running, a mark on one that was interrupted), which
 * must not vanish under the record of a beat that overlapped them.
 */
export function memoryWrite(memory: Memory, settled: readonly string[]): FileWrite {
  return (current) => {
    const theirs = parseMemory(current).memory;
    const mine = memory.running ?? [];
    const running = [...mine, ...(theirs.running ?? []).filter((claim) => !settled.includes(claim.beat) && !mine.some((m) => m.beat === claim.beat))];
    const interrupted = [...new Set([...(theirs.interrupted ?? []), ...(memory.interrupted ?? [])])].slice(-INTERRUPTED_KEPT);
    const next: Memory = { ...memory };
    if (running.length > 0) next.running = running;
    else delete next.running;
    if (interrupted.length > 0) next.interrupted = interrupted;
    return formatMemory(next);
  };
}
