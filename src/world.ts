import { createHash } from 'node:crypto';
import { parseGoal } from './goals.ts';
import type { Reading } from './sense.ts';
import type { LoadedState, Snapshot } from './state/read.ts';

/**
 * JSON with object keys sorted, so the same value always hashes the same whatever order a
 * sensor printed its keys in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * What a person or the world can change: the PLAYBOOK, goals, sensor scripts, and signals.
 * A manual beat's note is not part of it: it asks for one decision, it is not a state.
 */
export interface WorldInputs {
  readonly state: Pick<LoadedState, 'playbook' | 'goals' | 'sensors'>;
  readonly readings: readonly Reading[];
}

/** Pairs in one fixed order, whatever order the files were listed or written in. */
function byKey(pairs: [string, unknown][]): [string, unknown][] {
  return pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function fingerprint({ state, readings }: WorldInputs): string {
  const world = {
    playbook: state.playbook,
    goals: byKey(state.goals.map((goal) => [goal.slug, goal.text])),
    sensors: byKey(state.sensors.map((sensor) => [sensor.file, sensor.digest])),
    signals: byKey(readings.map((reading) => [reading.name, reading.signal])),
  };
  return createHash('sha256').update(canonicalJson(world)).digest('hex');
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
export function afterWrites(
  state: WorldInputs['state'],
  files: Readonly<Record<string, string | null>>,
): WorldInputs['state'] {
  let { playbook, goals } = state;
  for (const [file, content] of Object.entries(files)) {
    if (file === 'PLAYBOOK.md') playbook = content ?? '';
    const goal = /^goals\/([a-z0-9-]+)\.md$/.exec(file)?.[1];
    if (goal === undefined) continue;
    const others = goals.filter((g) => g.slug !== goal);
    goals = content === null ? others : [...others, parseGoal(goal, content)];
  }
  return { ...state, playbook, goals };
}
