import { stateFile } from '../state/layout.ts';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../text/canonical.ts';
import { parseAsk } from '../resources/asks/model.ts';
import { parseGoal } from '../state/goals.ts';
import type { Reading } from './sense.ts';
import type { LoadedState, Snapshot } from '../state/read.ts';

/**
 * What a person or the world can change: the PLAYBOOK, goals, sensor scripts, and signals.
 * A manual beat's note is not part of it: it asks for one decision, it is not a state.
 */
export interface WorldInputs {
  readonly state: Pick<LoadedState, 'playbook' | 'goals' | 'sensors' | 'asks'>;
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
    // An answer, a denial or a new round is a change; comments merely seen are not.
    asks: byKey(state.asks.map(({ ask }) => [ask.id, [ask.status, ask.round, ask.answers.length]])),
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
export function afterWrites<S extends WorldInputs['state']>(state: S, files: Readonly<Record<string, string | null>>): S {
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
