import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/**
 * A program's absolute path, looked up on PATH once, when the action starts. Sensors and
 * commands run as the same user and could put a `git` or `claude` of their own early on PATH
 * (a user-writable ~/.local/bin); found before any of them ran, the action's programs are the
 * ones that were there when the step began.
 */
export function resolveProgram(name: string, env: NodeJS.ProcessEnv): string | undefined {
  if (name.includes('/')) return name;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '' || !path.isAbsolute(dir)) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here: the next folder on PATH.
    }
  }
  return undefined;
}
