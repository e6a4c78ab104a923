import { asks } from './asks/index.ts';
import { failures } from './failures/index.ts';
import { workers } from './workers/index.ts';
import type { Resource } from './resource.ts';
import type { VirtualReading } from '../beat/sense.ts';
import type { LoadedState } from '../state/read.ts';

/** Every resource a beat reconciles, in this order. A new kind of thing is a folder and a line here. */
export const RESOURCES: readonly Resource[] = [asks, failures, workers];

/** Every resource's virtual sensor, as the state stands. */
export function senseResources(state: LoadedState): VirtualReading[] {
  return RESOURCES.map((resource) => resource.sense(state));
}
