import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGoal } from '../../src/state/goals.ts';
import type { Reading, VirtualReading } from '../../src/beat/sense.ts';
import { senseResources } from '../../src/resources/index.ts';
import { readStateDir } from '../../src/state/read.ts';
import { parseSnapshot } from '../../src/state/layout.ts';
import { canonicalDigest, canonicalJson, nestsDeeper } from '../../src/text/canonical.ts';
import { afterWrites, changedSignals, fingerprint, type WorldInputs } from '../../src/beat/world.ts';

const base: WorldInputs = {
  state: {
    playbook: '# PLAYBOOK',
    goals: [parseGoal('ship', '# Ship')],
    sensors: [{ name: 'ci', file: 'sensors/ci.sh', digest: 'd1' }],
  },
  readings: [{ name: 'ci', signal: { status: 'green', runs: 3 }, detail: { log: 'all good' } }],
  virtual: [{ name: 'asks', signal: [] }],
};

const with_ = (over: { state?: Partial<WorldInputs['state']>; readings?: Reading[]; virtual?: VirtualReading[] }): WorldInputs => ({
  state: { ...base.state, ...over.state },
  readings: over.readings ?? base.readings,
  virtual: over.virtual ?? base.virtual,
});

describe('canonicalJson', () => {
  it('is the same whatever order keys were written in, at any depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('keeps array order, which is meaningful', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('is, byte for byte, JSON.stringify with every object rebuilt from its sorted entries (the text fingerprints were made with)', () => {
    const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    const reference = (value: unknown): string | undefined =>
      JSON.stringify(value, (_key, item: unknown) =>
        item !== null && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => byText(a, b))) : item,
      );
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const keys = ['b', 'a', '10', '2', '0', 'é', 'B', '01', '4294967295', ''];
    const leaves = (): unknown => [null, true, false, 0, -0, 1.5, -7, NaN, Infinity, 'text', 'a "quoted"\nline', '\u2028', undefined, new Date(0), () => 1][random(15)];
    const value = (depth: number): unknown => {
      const kind = depth === 0 ? 0 : random(4);
      if (kind === 0) return leaves();
      if (kind === 1) return Array.from({ length: random(5) }, () => value(depth - 1));
      if (kind === 2) return Array.from({ length: random(5) }, () => leaves()).map((item) => (typeof item === 'function' || item instanceof Date ? 'x' : item));
      return Object.fromEntries(Array.from({ length: random(5) }, () => [keys[random(keys.length)] ?? '', value(depth - 1)]));
    };
    const sparse: unknown[] = [1];
    sparse[3] = 'x';
    // Arrays without objects are written by JSON.stringify itself: nested ones, holes, and one inside with a toJSON of its own.
    const own = [[1, 'a', [null, undefined, -0, NaN]], Object.assign([2], { toJSON: () => ({ b: 1, a: 2 }) }), [() => 1, Symbol('s')]];
    for (const case_ of [sparse, [sparse], { a: sparse }, own, [own], ...Array.from({ length: 600 }, () => value(4))]) expect(canonicalJson(case_)).toBe(reference(case_));
    // Hashed piece by piece, it is the digest of that same text, across the pieces' gathering and past Latin-1.
    const goals = Array.from({ length: 300 }, (_, i) => [`goal-${String(i)}`, `# Goal ${String(i)}\n${i === 7 ? 'a dash — and 🙂 ' : ''}${'text '.repeat(i)}`]);
    for (const case_ of [{ playbook: 'p', goals, signals: [['a', { z: 1, y: [2, { b: 1, a: 'é' }] }]] }, ...Array.from({ length: 200 }, () => value(4))]) {
      const text = reference(case_);
      if (text === undefined) continue;
      const digest = createHash('sha256');
      canonicalDigest(case_, digest);
      expect(digest.digest('hex')).toBe(createHash('sha256').update(text).digest('hex'));
    }
  });
});

describe('nestsDeeper', () => {
  it('counts arrays and objects, not brackets inside strings, escaped quotes included', () => {
    const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(nestsDeeper(nested(64))).toBe(false);
    expect(nestsDeeper(nested(65))).toBe(true);
    expect(nestsDeeper(`{"a": "${'['.repeat(100)}", "b": "\\"${'{'.repeat(100)}"}`)).toBe(false);
    expect(nestsDeeper(`{"a": "\\\\", "b": ${nested(64)}}`)).toBe(true);
    expect(nestsDeeper('[1, [2, {"x": [3]}]]', 3)).toBe(true);
  });

  it('makes a snapshot file that nests too deep unreadable, as one that is not JSON', () => {
    expect(parseSnapshot(`{"signal": ${'['.repeat(70)}${']'.repeat(70)}}`)).toEqual({ ok: false, problem: 'nests deeper than 64 levels' });
    expect(parseSnapshot('{"signal": [[1]]}')).toEqual({ ok: true, snapshot: { signal: [[1]] } });
  });
});

describe('fingerprint', () => {
  const before = fingerprint(base);

  it('is stable for the same world, whatever order a sensor printed its keys in', () => {
    expect(fingerprint(with_({ readings: [{ name: 'ci', signal: { runs: 3, status: 'green' } }] }))).toBe(before);
  });

  it('does not change when only a reading detail changes', () => {
    expect(fingerprint(with_({ readings: [{ name: 'ci', signal: { status: 'green', runs: 3 }, detail: { log: 'other' } }] }))).toBe(before);
  });

  it.each<[string, WorldInputs]>([
    ['the PLAYBOOK', with_({ state: { playbook: '# PLAYBOOK\nmore' } })],
    ['a goal', with_({ state: { goals: [parseGoal('ship', '# Ship v2')] } })],
    ['a new goal', with_({ state: { goals: [...base.state.goals, parseGoal('docs', '# Docs')] } })],
    ['a sensor script', with_({ state: { sensors: [{ name: 'ci', file: 'sensors/ci.sh', digest: 'd2' }] } })],
    ['a signal', with_({ readings: [{ name: 'ci', signal: { status: 'red', runs: 3 } }] })],
    ["a resource's signal", with_({ virtual: [{ name: 'asks', signal: [['a-1', ['pending', 1, 0]]] }] })],
  ])('changes when %s changes', (_what, world) => {
    expect(fingerprint(world)).not.toBe(before);
  });

  it("does not change for a resource's prompt, or for a resource reading without a signal", () => {
    expect(fingerprint(with_({ virtual: [{ name: 'asks', signal: [], prompt: { title: 'Asks', blocks: [{ parts: [{ text: 'other words' }], kept: true, maxChars: 100 }] } }, { name: 'failures', prompt: { title: 'Last decision failed', blocks: [{ parts: [{ text: 'x' }], kept: true, maxChars: 100 }] } }] }))).toBe(before);
  });

  it('is the one recorded before resources had signals of their own, so an upgrade does not wake a loop', () => {
    // The hash the fingerprint had when the asks were a fixed part of it (f95dcb1 and before).
    expect(before).toBe('c32cff284a8649294910a0a717aa01158c0b2d2f7074fbb7ed92ee7f583f3c92');
  });

  it('refuses a resource that takes a name the fingerprint already has', () => {
    expect(() => fingerprint(with_({ virtual: [{ name: 'signals', signal: 1 }] }))).toThrow(/named signals: a resource needs a name of its own/);
    expect(() => fingerprint(with_({ virtual: [{ name: 'asks', signal: 1 }, { name: 'asks', signal: 2 }] }))).toThrow(/named asks/);
  });
});

describe('changedSignals', () => {
  it('names the readings whose signal differs from the snapshot, or that have none', () => {
    const readings: Reading[] = [
      { name: 'same', signal: { a: 1, b: 2 }, detail: 'new detail' },
      { name: 'moved', signal: 2 },
      { name: 'new', signal: 'x' },
    ];
    const snapshots = { same: { signal: { b: 2, a: 1 }, detail: 'old detail' }, moved: { signal: 1 }, gone: { signal: 0 } };
    expect(changedSignals(readings, snapshots)).toEqual(['moved', 'new']);
  });
});

describe('afterWrites', () => {
  it('applies a PLAYBOOK write, a goal write, a new goal and a goal deletion', () => {
    const state = { ...base.state, asks: [], goals: [parseGoal('ship', '# Ship'), parseGoal('old', '# Old')] };
    const after = afterWrites(state, {
      'PLAYBOOK.md': '# New',
      'goals/ship.md': '---\nstatus: done\n---\n# Ship',
      'goals/docs.md': '# Docs',
      'goals/old.md': null,
      'snapshots/ci.json': '{}',
    });
    expect(after.playbook).toBe('# New');
    expect(after.goals.map((g) => [g.slug, g.status]).sort()).toEqual([
      ['docs', 'active'],
      ['ship', 'done'],
    ]);
    expect(after.sensors).toBe(state.sensors);
    expect(state.goals.map((g) => g.slug)).toEqual(['ship', 'old']);
  });

  it('gives the fingerprint the next beat will read, so a goal write does not wake the loop again', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'looop-world-'));
    try {
      await mkdir(path.join(dir, 'goals'));
      await writeFile(path.join(dir, 'PLAYBOOK.md'), '# PLAYBOOK\n');
      await writeFile(path.join(dir, 'goals', 'release.md'), '# Release\n');
      const loaded = await readStateDir(dir);
      // `release-notes.md` sorts before `release.md` on disk ('-' < '.'), after `release` by slug.
      const predicted = afterWrites(loaded, { 'goals/release-notes.md': '# Notes\n' });
      await writeFile(path.join(dir, 'goals', 'release-notes.md'), '# Notes\n');
      const next = await readStateDir(dir);
      expect(fingerprint({ state: predicted, readings: [], virtual: senseResources(predicted) })).toBe(fingerprint({ state: next, readings: [], virtual: senseResources(next) }));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** canonicalJson as it was first written, through JSON.stringify's replacer: the text it must still give. */
function replacerJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

describe('canonicalJson, written out by hand', () => {
  it('gives the replacer\'s text for every kind of value a sensor, a goal or a resource puts in a fingerprint', () => {
    const values: unknown[] = [
      null, 0, -1.5, 1e21, Number.NaN, Infinity, true, 'text "quoted" \\ \n\u2028 ünï', '',
      [], {}, [1, 'a', null, undefined, () => 1, [2, [3]]],
      { b: 1, a: undefined, c: () => 1, '10': 'ten', '2': 'two', '02': 'zero-two', '-1': 'minus', '4294967295': 'max', '4294967294': 'index', z: { y: [{ x: 1, w: 2 }] } },
      { toJSON: () => ({ b: 2, a: 1 }) },
      new Date(0),
      { nested: { when: new Date(1_000), list: [new Date(2_000)] } },
    ];
    for (const value of values) expect(canonicalJson(value), JSON.stringify(value)).toBe(replacerJson(value));
  });

  it('gives the replacer\'s text for random nested JSON', () => {
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const make = (depth: number): unknown => {
      const pick = next();
      if (depth > 3 || pick < 0.3) return [null, true, 12, -0.25, 'x', String(Math.floor(next() * 20))][Math.floor(next() * 6)];
      if (pick < 0.6) return Array.from({ length: Math.floor(next() * 4) }, () => make(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 5) }, () => [[String(Math.floor(next() * 12)), `k${Math.floor(next() * 9)}`, 'B', 'a'][Math.floor(next() * 4)] ?? 'k', make(depth + 1)]));
    };
    for (let i = 0; i < 500; i++) {
      const value = make(0);
      expect(canonicalJson(value)).toBe(replacerJson(value));
    }
  });
});
