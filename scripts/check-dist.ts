/**
 * Fails when dist/ is not what bundling src/ produces now: users run the committed bundle,
 * so a stale one ships old code under a new tag.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const project = path.resolve(import.meta.dirname, '..');
const fresh = mkdtempSync(path.join(os.tmpdir(), 'looop-dist-'));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

try {
  const ncc = path.join(project, 'node_modules/.bin/ncc');
  // The same two builds as "npm run bundle": the action, and the command-line verbs.
  execFileSync(ncc, ['build', 'src/index.ts', '-o', fresh, '--license', 'licenses.txt', '--target', 'es2022', '--quiet'], { cwd: project, stdio: 'inherit' });
  execFileSync(ncc, ['build', 'src/cli/index.ts', '-o', path.join(fresh, 'cli'), '--target', 'es2022', '--quiet'], { cwd: project, stdio: 'inherit' });
  const committed = path.join(project, 'dist');
  const expected = files(fresh);
  const actual = files(committed);
  const stale = [...new Set([...expected, ...actual])].filter(
    (file) => !expected.includes(file) || !actual.includes(file) || !readFileSync(path.join(fresh, file)).equals(readFileSync(path.join(committed, file))),
  );
  if (stale.length > 0) {
    console.error(`dist/ is stale against src/ (${stale.join(', ')}). Run "npm run bundle" and commit dist/.`);
    process.exit(1);
  }
  console.log('dist/ matches src/.');
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
