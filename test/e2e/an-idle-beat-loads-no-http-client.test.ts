/**
 * An idle beat that has nothing to ask GitHub loads neither Octokit nor any HTTP client: they
 * cost more to load than the beat's own work, so they load with the first request.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, type Standin } from '../github-standin/server.ts';
import { makeLoop, noop } from '../helpers/loop.ts';

let standin: Standin;
beforeAll(async () => {
  standin = await startStandin();
});
afterAll(async () => {
  await standin.close();
});

/**
 * A hook that writes, at exit, the built-in modules the beat's process loaded. The file's name
 * is in the hook itself: the re-executed process keeps Node's flags, not the step's environment.
 */
function loadedModules(file: string): string[] {
  return ['--import', `data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>writeFileSync(${encodeURIComponent(JSON.stringify(file))},process.moduleLoadList.join("\\n")))`];
}

describe('an idle beat', () => {
  it('with no open asks makes no request and loads no HTTP client, while a token and repository are set', async () => {
    const loop = makeLoop({ github: standin.url, repository: 'octo/idle' });
    standin.setPermission('octo', 'idle', 'maintainer', 'maintain');
    try {
      await loop.beat(noop); // seeds and opens the setup ask
      const setup = standin.issues('octo', 'idle')[0]?.number ?? 0;
      standin.addComment('octo', 'idle', setup, { login: 'maintainer', body: '/deny' });
      await loop.beat(noop); // reads the denial: no ask is open any more
      await loop.beat(noop);
      standin.resetRequests();
      const file = path.join(loop.sandbox.root, 'modules');
      const idle = await loop.beat(noop, { nodeArgs: loadedModules(file) });
      expect(idle.code, idle.stdout).toBe(0);
      expect(idle.outputs.changed).toBe('false');
      expect(standin.requests).toHaveLength(0);
      const loaded = readFileSync(file, 'utf8').split('\n');
      for (const module of ['NativeModule http', 'NativeModule https', 'NativeModule tls', 'NativeModule internal/deps/undici/undici']) expect(loaded).not.toContain(module);
    } finally {
      loop.sandbox.cleanup();
    }
  });
});
