/** A store that reads its sensor scripts first lets them run while the rest of the state is read. */
import { describe, expect, it } from 'vitest';
import { runBeat } from '../../src/beat/run.ts';
import { exitWith, makeWorld } from './fakes.ts';

describe('sensing', () => {
  it('starts the sensors a store names first before it loads the state, with the same readings', async () => {
    const plain = makeWorld();
    const early = makeWorld();
    for (const world of [plain, early]) {
      world.store.sensors = ['ci', 'deploy'];
      Object.assign(world.signals, { ci: '{"signal": "green"}', deploy: '{"signal": 3}' });
    }
    const events: string[] = [];
    const store = early.store;
    const ports = {
      ...early.ports,
      store: {
        seeded: false,
        sensorScripts: () => {
          events.push('scripts');
          return [{ name: 'ci', file: 'sensors/ci', digest: '' }, { name: 'deploy', file: 'sensors/deploy', digest: '' }];
        },
        load: () => {
          events.push('load');
          return store.load();
        },
        commit: store.commit.bind(store),
      },
      runSensor: (sensor: { name: string }) => {
        events.push(`run ${sensor.name}`);
        return Promise.resolve(exitWith(early.signals[sensor.name] ?? ''));
      },
    };
    const first = await runBeat(ports, early.options);
    const second = await runBeat(plain.ports, plain.options);
    expect(events.slice(0, 4)).toEqual(['scripts', 'run ci', 'run deploy', 'load']);
    expect(first.readings).toEqual(second.readings);
  });
});
