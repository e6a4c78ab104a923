import { asks } from './asks/index.ts';
import { failures } from './failures/index.ts';
import type { Resource } from './resource.ts';

/** Every resource a beat reconciles, in this order. A new kind of thing is a folder and a line here. */
export const RESOURCES: readonly Resource[] = [asks, failures];
