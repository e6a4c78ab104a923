import type { Memory } from '../state/memory.ts';
import type { LoadedState } from '../state/read.ts';
import type { RecordDraft } from '../beat/record.ts';
import type { AskContext } from './asks/reconcile.ts';
import type { FailureContext } from './failures/reconcile.ts';
import type { VirtualReading } from '../beat/sense.ts';
import type { WorkerActContext } from './workers/act.ts';

/**
 * A kind of thing the loop keeps in the world and on the state branch (asks, failure issues;
 * later workers, schedules), reconciled every beat the way a Kubernetes controller reconciles
 * its objects: level-triggered, whatever event started the beat.
 */
export interface Resource {
  readonly name: string;
  /**
   * Looks at every one of its things against GitHub and moves each toward where it should be.
   * Claims it must push before acting go through the record step; everything else it writes
   * comes back as a draft for the beat's record.
   */
  reconcile(state: LoadedState, context: ResourceContext): Promise<Reconciled>;
  /**
   * Its virtual sensor: a pure reading of the state it owns, entering the fingerprint and the
   * prompt like a sensor's. Read every beat, with GitHub or without, and again after the
   * beat's own writes.
   */
  sense(state: LoadedState): VirtualReading;
}

/** What one beat gives every resource: GitHub, the store for claims, who and when it is. */
export type ResourceContext = AskContext & FailureContext & {
  /** The worker workflow and the policy for workers; absent where workers cannot be dispatched. */
  readonly workers?: Pick<WorkerActContext, 'workflow' | 'budgetUsd' | 'limits'>;
};

export interface Reconciled {
  /** The state with this resource's things as they now stand. */
  readonly state: LoadedState;
  /** Its files and journal lines, for the beat's record. */
  readonly draft: RecordDraft;
  /** What the beat's memory must say because of it (a comment window moved on, decisions resumed). */
  readonly remember?: (memory: Memory) => Memory;
  /** When it wants to be looked at again: another beat's claim it had to leave alone is settled by then. */
  readonly lookAgainAt?: Date;
}
