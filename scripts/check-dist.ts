/**
 * Fails when dist/ is not what bundling src/ produces now: users run the committed bundle,
 * so a stale one ships old code under a new tag.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
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

/** Why dist/ is not what src/ bundles to now, or undefined when it is. */
async function staleness(): Promise<string | undefined> {
  const ncc = path.join(project, 'node_modules/.bin/ncc');
  // The same two builds as "npm run bundle" (the action, and the command-line verbs), at once:
  // each is mostly one core's work.
  const build = (args: string[]) => promisify(execFile)(ncc, ['build', ...args, '-t', '--target', 'es2022', '--quiet'], { cwd: project });
  const builds = await Promise.allSettled([build(['src/index.ts', '-o', fresh, '--license', 'licenses.txt']), build(['src/cli/index.ts', '-o', path.join(fresh, 'cli')])]);
  for (const result of builds) {
    if (result.status !== 'rejected') continue;
    const error = result.reason as { stdout?: string; stderr?: string; message: string };
    return `ncc could not bundle src/: ${`${error.stderr ?? ''}${error.stdout ?? ''}`.trim() || error.message}`;
  }
  const committed = path.join(project, 'dist');
  const expected = files(fresh);
  const actual = files(committed);
  const stale = [...new Set([...expected, ...actual])].filter(
    (file) => !expected.includes(file) || !actual.includes(file) || !readFileSync(path.join(fresh, file)).equals(readFileSync(path.join(committed, file))),
  );
  return stale.length > 0 ? `dist/ is stale against src/ (${stale.join(', ')}). Run "npm run bundle" and commit dist/.` : undefined;
}

try {
  const problem = await staleness();
  if (problem === undefined) console.log('dist/ matches src/.');
  else {
    console.error(problem);
    process.exitCode = 1;
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
