import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { activeGoals, goalFile, parseGoal, withStatus } from '../../src/state/goals.ts';
import { simpleFrontMatter } from '../../src/text/yaml.ts';
import { ALIAS_BOMB } from '../helpers/hostile-yaml.ts';

describe('parseGoal', () => {
  it('reads front matter whose aliases expand past the parser\'s limit as active, with the problem said, and rewrites its status', () => {
    const text = `---\n${ALIAS_BOMB}\n---\n# Ship\n`;
    expect(parseGoal('ship', text)).toMatchObject({ slug: 'ship', status: 'active', problem: expect.stringMatching(/alias/i) as unknown });
    expect(withStatus(text, 'done')).toBe('---\nstatus: done\n---\n# Ship\n');
  });

  it('reads status and priority from front matter and keeps the whole text', () => {
    const text = '---\nstatus: done\npriority: 2\n---\n# Ship v2\n';
    expect(parseGoal('ship', text)).toEqual({ slug: 'ship', status: 'done', priority: 2, text });
  });

  it('reads a goal without front matter as active, last in priority', () => {
    expect(parseGoal('x', '# Just a body')).toEqual({ slug: 'x', status: 'active', priority: Number.MAX_SAFE_INTEGER, text: '# Just a body' });
  });

  it('reads CRLF front matter', () => {
    expect(parseGoal('x', '---\r\nstatus: archived\r\n---\r\nbody').status).toBe('archived');
  });

  it('an unknown status is read as active and reported', () => {
    const goal = parseGoal('x', '---\nstatus: finished\n---\n');
    expect(goal.status).toBe('active');
    expect(goal.problem).toMatch(/unknown status "finished"/);
  });

  it('broken front matter is read as active and reported', () => {
    const goal = parseGoal('x', '---\nstatus: [active\n---\nbody');
    expect(goal.status).toBe('active');
    expect(goal.problem).toBeDefined();
  });

  it('a priority that is not a number puts the goal last, without a problem', () => {
    const goal = parseGoal('x', '---\npriority: high\n---\n');
    expect(goal.priority).toBe(Number.MAX_SAFE_INTEGER);
    expect(goal.problem).toBeUndefined();
  });
});

describe('activeGoals', () => {
  it('keeps active goals only, lowest priority first, then by slug', () => {
    const goals = [
      parseGoal('zeta', '---\npriority: 1\n---\n'),
      parseGoal('none', 'no front matter'),
      parseGoal('alpha', '---\npriority: 1\n---\n'),
      parseGoal('urgent', '---\npriority: 0\n---\n'),
      parseGoal('shipped', '---\nstatus: done\npriority: 0\n---\n'),
      parseGoal('old', '---\nstatus: archived\npriority: 0\n---\n'),
    ];
    expect(activeGoals(goals).map((g) => g.slug)).toEqual(['urgent', 'alpha', 'zeta', 'none']);
  });

  it('does not reorder the list it was given', () => {
    const goals = [parseGoal('b', '---\npriority: 2\n---\n'), parseGoal('a', '---\npriority: 1\n---\n')];
    activeGoals(goals);
    expect(goals.map((g) => g.slug)).toEqual(['b', 'a']);
  });
});

describe('goalFile', () => {
  it('adds status: active front matter to a body without any, and ends it with a newline', () => {
    const file = goalFile('# Ship v2');
    expect(file).toBe('---\nstatus: active\n---\n# Ship v2\n');
    expect(parseGoal('ship', file).status).toBe('active');
  });

  it('keeps front matter the body already has', () => {
    const body = '---\nstatus: done\npriority: 3\n---\n# Ship v2\n';
    expect(goalFile(body)).toBe(body);
  });
});

describe('withStatus', () => {
  it('changes the status, keeping the other front matter and the body byte for byte', () => {
    const body = '# Ship v2\n\n---\n\nA rule above; `code` and: colons\n';
    const text = `---\npriority: 2\nowner: alice\nstatus: active\n---\n${body}`;
    const changed = withStatus(text, 'archived');
    const goal = parseGoal('ship', changed);
    expect(goal).toMatchObject({ status: 'archived', priority: 2 });
    expect(changed).toContain('owner: alice');
    expect(changed.endsWith(`---\n${body}`)).toBe(true);
  });

  it('adds front matter to a goal without any', () => {
    expect(withStatus('# Body\n', 'done')).toBe('---\nstatus: done\n---\n# Body\n');
  });
});

describe('front matter read without YAML', () => {
  /** Lines of every kind people write, the simple ones and the ones only YAML reads right. */
  const LINES = [
    'status: active', 'status: done', 'priority: 3', 'priority: -1', 'priority: 0', 'priority: -0', 'priority: 007', 'priority: 123456789012345',
    'priority: 1234567890123456789', 'priority: 1.5', 'priority: 1e3', 'priority: 0x1f', 'owner: ana-b', 'flag: true', 'flag: false', 'flag: null',
    'flag: yes', 'flag: ~', 'note: "quoted"', "note: 'single'", 'note: two words', 'note: active ', 'note:active', '# a comment', '', '  indented: 1',
    'tags: [a, b]', 'tags:', '  - a', 'status: Active', 'Status: done', 'x_y: z', '__proto__: x', 'status: active # why', 'key: a:b', 'status: done\r',
  ];

  it('reads every front matter it takes as YAML does, and leaves the rest to YAML', () => {
    let taken = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      let state = seed;
      const next = (n: number): number => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state % n;
      };
      const block = Array.from({ length: 1 + next(4) }, () => LINES[next(LINES.length)] ?? '').join('\n');
      const simple = simpleFrontMatter(block);
      if (simple === undefined) continue;
      taken++;
      const doc = parseDocument(block);
      expect(doc.errors, JSON.stringify(block)).toEqual([]);
      const yaml = doc.toJS() as Record<string, unknown>;
      expect(Object.keys(simple), JSON.stringify(block)).toEqual(Object.keys(yaml));
      for (const key of Object.keys(yaml)) expect(Object.is(simple[key], yaml[key]), `${JSON.stringify(block)}: ${key}`).toBe(true);
    }
    expect(taken).toBeGreaterThan(100);
  });

  it('takes the front matter goals are written with', () => {
    expect(simpleFrontMatter('status: active\npriority: 2')).toEqual({ status: 'active', priority: 2 });
  });
});
