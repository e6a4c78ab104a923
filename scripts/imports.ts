/**
 * Draws the imports of src/ as a Mermaid flowchart, one box per folder, the shell's files
 * marked: `npm run -s imports > imports.mmd`. test/unit/imports.test.ts checks the same
 * graph has no cycle and no arrow from the core into the shell.
 */
import path from 'node:path';
import { importGraph, isShell } from './import-graph.ts';

const graph = importGraph();
const id = (file: string): string => file.replace(/[^a-z0-9]/gi, '_');
const folders = new Map<string, string[]>();
for (const file of graph.keys()) {
  const folder = path.posix.dirname(file);
  folders.set(folder, [...(folders.get(folder) ?? []), file]);
}
const lines = ['flowchart LR', '  classDef shell fill:#fde2e2,stroke:#b60205'];
for (const [folder, files] of [...folders].sort()) {
  lines.push(`  subgraph ${id(folder)}["${folder}/"]`);
  for (const file of files.sort()) lines.push(`    ${id(file)}["${path.posix.basename(file)}"]${isShell(file) ? ':::shell' : ''}`);
  lines.push('  end');
}
for (const [from, tos] of [...graph].sort()) for (const to of tos) lines.push(`  ${id(from)} --> ${id(to)}`);
console.log(lines.join('\n'));
