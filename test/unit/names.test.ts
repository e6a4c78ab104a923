import { describe, expect, it } from 'vitest';
import { isName, statePath, UnsafePathError } from '../../src/state/names.ts';

describe('statePath', () => {
  it.each(['goals/x.md', 'PLAYBOOK.md', 'journal.md', 'sensors/ci', 'runs/123-1/prompt.md', 'asks/a1.md'])('accepts %j inside the tree', (relative) => {
    expect(statePath(relative)).toBe(relative);
  });

  it.each([
    ['an absolute path', '/etc/passwd'],
    ['a climb out of the tree', '../outside.md'],
    ['a climb hidden inside a known root', 'goals/../../outside.md'],
    ['a climb that lands back inside', 'goals/../PLAYBOOK.md'],
    ['a workflow file', '.github/workflows/x.yml'],
    ['a dot-file under a known root', 'goals/.hidden.md'],
    ['a dot-directory under a known root', 'runs/.git/config'],
    ['an unknown root', 'src/index.ts'],
    ['a backslash path', 'goals\\..\\..\\x.md'],
    ['a backslash inside a name', 'goals/a\\b.md'],
    ['an empty path', ''],
    ['an empty segment', 'goals//x.md'],
    ['a trailing slash', 'goals/x.md/'],
    ['the current directory', './goals/x.md'],
  ])('refuses %s (%j)', (_what, relative) => {
    expect(() => statePath(relative)).toThrow(UnsafePathError);
  });

  it('names the refused path in its message', () => {
    expect(() => statePath('.github/workflows/x.yml')).toThrow(/"\.github\/workflows\/x\.yml": outside the loop's state tree/);
  });
});

describe('isName', () => {
  it.each(['a', 'ship-v2', '0day', 'a'.repeat(64)])('accepts %j', (name) => {
    expect(isName(name)).toBe(true);
  });

  it.each(['', '-a', 'A', 'a_b', 'a.md', 'a/b', '..', 'a'.repeat(65), 'a\n'])('refuses %j', (name) => {
    expect(isName(name)).toBe(false);
  });
});
