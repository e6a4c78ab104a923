import type { Memory } from '../state/memory.ts';
import type { LoadedState } from '../state/read.ts';
import type { RecordDraft } from '../beat/record.ts';
import type { AskContext } from './asks/reconcile.ts';
import type { FailureContext } from './failures/reconcile.ts';

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
}

/** What one beat gives every resource: GitHub, the store for claims, who and when it is. */
export type ResourceContext = AskContext & FailureContext;

export interface Reconciled {
  /** The state with this resource's things as they now stand. */
  readonly state: LoadedState;
  /** Its files and journal lines, for the beat's record. */
  readonly draft: RecordDraft;
  /** What the beat's memory must say because of it (a comment window moved on, decisions resumed). */
  readonly remember?: (memory: Memory) => Memory;
}
