import { stateFile } from '../state/layout.ts';
import { createHash } from 'node:crypto';
import { canonicalDigest, canonicalJson } from '../text/canonical.ts';
import { parseAsk } from '../resources/asks/model.ts';
import { parseGoal } from '../state/goals.ts';
import type { Reading, VirtualReading } from './sense.ts';
import type { LoadedState, Snapshot } from '../state/read.ts';

/**
 * What a person or the world can change: the PLAYBOOK, goals, sensor scripts, and signals.
 * A manual beat's note is not part of it: it asks for one decision, it is not a state.
 */
export interface WorldInputs {
  readonly state: Pick<LoadedState, 'playbook' | 'goals' | 'sensors'>;
  readonly readings: readonly Reading[];
  /** The resources' readings of the state, each under its own name. */
  readonly virtual: readonly VirtualReading[];
}

/** Pairs in one fixed order, whatever order the files were listed or written in. */
function byKey(pairs: [string, unknown][]): [string, unknown][] {
  return pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function fingerprint({ state, readings, virtual }: WorldInputs): string {
  const world = new Map<string, unknown>([
    ['playbook', state.playbook],
    ['goals', byKey(state.goals.map((goal) => [goal.slug, goal.text]))],
    ['sensors', byKey(state.sensors.map((sensor) => [sensor.file, sensor.digest]))],
    ['signals', byKey(readings.map((reading) => [reading.name, reading.signal]))],
  ]);
  // Each resource's signal sits beside the sensors' under its own name, where the asks' always
  // sat: fingerprints recorded before resources had a signal of their own still match.
  for (const reading of virtual) {
    if (!('signal' in reading)) continue;
    if (world.has(reading.name)) throw new Error(`two parts of the fingerprint are named ${reading.name}: a resource needs a name of its own`);
    world.set(reading.name, reading.signal);
  }
  const hash = createHash('sha256');
  canonicalDigest(Object.fromEntries(world), hash);
  return hash.digest('hex');
}

/** Names of readings whose signal differs from the snapshot taken at the last decision. */
export function changedSignals(readings: readonly Reading[], snapshots: Readonly<Record<string, Snapshot>>): string[] {
  return readings
    .filter((reading) => {
      const before = snapshots[reading.name];
      return before === undefined || canonicalJson(before.signal) !== canonicalJson(reading.signal);
    })
    .map((reading) => reading.name);
}

/** The state as it stands once a move's file writes are applied (what the next beat will read). */
export function afterWrites<S extends Pick<LoadedState, 'playbook' | 'goals' | 'asks'>>(state: S, files: Readonly<Record<string, string | null>>): S {
  let { playbook, goals, asks } = state;
  for (const [file, content] of Object.entries(files)) {
    const kind = stateFile(file);
    if (kind.kind === 'playbook') playbook = content ?? '';
    if (kind.kind === 'ask') {
      const parsed = content === null ? undefined : parseAsk(content);
      const others = asks.filter((a) => a.ask.id !== kind.id);
      asks = parsed?.ok === true && content !== null ? [...others, { ask: parsed.ask, text: content }] : others;
    }
    if (kind.kind !== 'goal') continue;
    const others = goals.filter((g) => g.slug !== kind.slug);
    goals = content === null ? others : [...others, parseGoal(kind.slug, content)];
  }
  return { ...state, playbook, goals, asks };
}
