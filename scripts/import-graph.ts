import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The shell: the modules that do I/O (processes, git, HTTP, the environment, files of the
 * runner machine) or assemble the real ports. Everything else in src/ is the core, which
 * decides and never reaches into the shell.
 */
export const SHELL = [/^src\/io\//, /^src\/cli\//, /^src\/main\.ts$/, /^src\/index\.ts$/, /^src\/runners\/(index|install|openai)\.ts$/, /^src\/steer\/mode\.ts$/, /^src\/worker\/(mode|agent|branch)\.ts$/];

export const isShell = (file: string): boolean => SHELL.some((pattern) => pattern.test(file));

/** Every relative import in src/, type-only, dynamic and side-effect ones included, as edges between files relative to the project. */
export function importGraph(): Map<string, string[]> {
  const src = path.join(PROJECT, 'src');
  const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.posix.join('src', f.split(path.sep).join('/')));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(path.join(PROJECT, file), 'utf8');
    const targets = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s*'(\.{1,2}\/[^']+)'|import\('(\.{1,2}\/[^']+)'\)|(?:^|\n)\s*import\s*'(\.{1,2}\/[^']+)'/g)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1] ?? m[2] ?? m[3] ?? '')));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Strongly connected groups of more than one file: each is an import cycle (Tarjan). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (stack.includes(to)) low.set(node, Math.min(low.get(node) ?? 0, index.get(to) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      group.push(member);
      if (member === node) break;
    }
    if (group.length > 1) found.push(group.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** The graph folded to folders (src/beat, src/io, …), for the drawing in the README. */
export function folderGraph(graph: ReadonlyMap<string, readonly string[]>): Map<string, Set<string>> {
  const folder = (file: string): string => (file.split('/').length > 2 ? file.split('/').slice(0, 2).join('/') : file);
  const folded = new Map<string, Set<string>>();
  for (const [from, tos] of graph) {
    const edges = folded.get(folder(from)) ?? new Set<string>();
    for (const to of tos) if (folder(to) !== folder(from)) edges.add(folder(to));
    folded.set(folder(from), edges);
  }
  return folded;
}
