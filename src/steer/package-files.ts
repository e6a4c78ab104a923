import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A file the package ships beside its code (loop-state/, templates/). The action's bundle is
 * dist/index.js, the CLI's dist/cli/index.js, the sources src/<folder>/*.ts: the package root is one or
 * two folders up.
 */
export function packageFile(name: string): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const up of ['..', '../..']) {
    const file = path.join(here, up, name);
    if (existsSync(file)) return file;
  }
  throw new Error(`${name} is missing from the looop-action package (looked beside ${here}): reinstall it`);
}
