/**
 * Vitest's global setup: the stand-in runners (test/fixtures/runners/*.ts) are run by the action
 * as separate programs, hundreds of times a run. Node strips a .ts file's types with a WebAssembly
 * compiler it loads at every start (about 150 ms on the 2-core machine), so they are run as
 * JavaScript, transpiled here once with the project's TypeScript.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { RUNNER_SOURCES, RUNNERS } from '../helpers/action.ts';

export default function setup(): void {
  mkdirSync(RUNNERS, { recursive: true });
  writeFileSync(path.join(RUNNERS, 'package.json'), '{ "type": "module" }\n');
  for (const file of readdirSync(RUNNER_SOURCES).filter((name) => name.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(path.join(RUNNER_SOURCES, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023, rewriteRelativeImportExtensions: true },
      fileName: file,
    });
    writeFileSync(path.join(RUNNERS, file.replace(/\.ts$/, '.js')), outputText);
  }
}
