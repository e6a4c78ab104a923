import { describe, expect, it } from 'vitest';
import { cycles, importGraph, isShell } from '../../scripts/import-graph.ts';

/**
 * The layout's two rules, over every import (type-only and dynamic ones too): no cycle, and no
 * arrow from the core into the shell.
 */
describe('the imports of src/', () => {
  const graph = importGraph();

  it('are read from every module', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('src/main.ts')).toContain('src/beat/run.ts');
    // The entry loads the beat with import(): a cycle through it is a cycle too.
    expect(graph.get('src/index.ts')).toContain('src/main.ts');
  });

  it('have no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('never go from the core into the shell', () => {
    const arrows = [...graph].flatMap(([from, tos]) => (isShell(from) ? [] : tos.filter(isShell).map((to) => `${from} -> ${to}`)));
    expect(arrows).toEqual([]);
  });

  it('would show a cycle and an arrow into the shell if there were one', () => {
    const planted = new Map([
      ['src/beat/a.ts', ['src/beat/b.ts', 'src/io/git.ts']],
      ['src/beat/b.ts', ['src/beat/a.ts']],
    ]);
    expect(cycles(planted)).toEqual([['src/beat/a.ts', 'src/beat/b.ts']]);
    expect(isShell('src/io/git.ts') && !isShell('src/beat/a.ts')).toBe(true);
  });
});
