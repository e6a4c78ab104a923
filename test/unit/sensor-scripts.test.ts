import { describe, expect, it } from 'vitest';
import { readState, sensorScripts } from '../../src/state/read.ts';
import type { Entry } from '../../src/state/tree.ts';

const file = (text: string, executable = true): Entry => ({ kind: 'file', content: Buffer.from(text), executable });

describe('sensorScripts', () => {
  it('names the sensors readState names, problems and all, so that they can start first', () => {
    const tree = new Map<string, Entry>([
      ['PLAYBOOK.md', file('# P\n', false)],
      ['sensors/ci.sh', file('#!/bin/sh\necho 1\n')],
      ['sensors/ci.py', file('#!/bin/sh\necho 2\n')],
      ['sensors/Bad Name', file('#!/bin/sh\n')],
      ['sensors/lazy', file('#!/bin/sh\n', false)],
      ['sensors/README.md', file('# about\n', false)],
      ['sensors/link', { kind: 'link' }],
    ]);
    expect(sensorScripts(tree)).toEqual(readState(tree).sensors);
    expect(sensorScripts(tree).map((s) => s.name)).toEqual(['bad-name', 'ci', 'ci', 'lazy']);
  });
});
