/** As at 0b10504, before the layout moved it: a snapshot is any object with a signal. */
import { expect, it } from 'vitest';
import { readState } from '../../src/state/read.ts';
const f = (s: string, x = false) => ({ kind: 'file' as const, content: Buffer.from(s), executable: x });
it('a snapshot whose "at" is not a string is still read', () => {
  const tree = new Map([['PLAYBOOK.md', f('# P\n')], ['sensors/ci', f('#!/bin/sh\n', true)], ['snapshots/ci.json', f('{"signal":"red","at":0}')]]);
  const state = readState(tree);
  expect(state.problems).toEqual([]);
  expect(state.snapshots.ci).toMatchObject({ signal: 'red' });
});
