import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runProcess } from '../../src/io/process.ts';
import { makeSandbox, type Sandbox } from '../helpers/git.ts';
import { alive, eventually } from '../helpers/processes.ts';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => {
  sandbox.cleanup();
});

const base = { cwd: '/', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, timeoutMs: 10_000 };

describe('runProcess', () => {
  it('kills the whole process group at the timeout, not just the leader', async () => {
    const pidFile = path.join(sandbox.root, 'child.pid');
    const file = sandbox.script('hang.sh', `#!/bin/sh\nsleep 300 &\necho $! > ${pidFile}\nwait\n`);
    const exit = await runProcess({ ...base, file, args: [], timeoutMs: 500 });
    expect(exit.timedOut).toBe(true);
    const child = Number(readFileSync(pidFile, 'utf8'));
    expect(await eventually(() => !alive(child))).toBe(true);
  });

  it('does not wait for a background child that keeps the pipes open', async () => {
    const file = sandbox.script('daemon.sh', '#!/bin/sh\necho \'{"signal": 1}\'\nsleep 300 &\nexit 0\n');
    const exit = await runProcess({ ...base, file, args: [] });
    expect(exit.code).toBe(0);
    expect(exit.stdout).toBe('{"signal": 1}\n');
    expect(exit.durationMs).toBeLessThan(5000);
  });

  it('stops a child that prints more than its cap, keeping only the cap', async () => {
    const file = sandbox.script('flood.sh', '#!/bin/sh\nyes looop\n');
    const exit = await runProcess({ ...base, file, args: [], maxStdoutBytes: 1000 });
    expect(exit.overflowed).toBe(true);
    expect(exit.stdout).toHaveLength(1000);
  });

  it('passes exactly the environment it is given', async () => {
    const exit = await runProcess({ ...base, file: 'env', args: [], env: { ONLY: 'this' } });
    expect(exit.stdout).toBe('ONLY=this\n');
  });

  it('feeds stdin and reports a missing program without throwing', async () => {
    const echoed = await runProcess({ ...base, file: 'cat', args: [], stdin: 'the prompt' });
    expect(echoed.stdout).toBe('the prompt');
    const missing = await runProcess({ ...base, file: 'no-such-program-looop', args: [] });
    expect(missing.spawnError).toMatch(/ENOENT/);
  });

  it('ends a child that said it is finished but lingers, after the grace', async () => {
    let printed = '';
    const file = sandbox.script('linger.sh', '#!/bin/sh\necho done\nsleep 300\n');
    const exit = await runProcess({
      ...base,
      file,
      args: [],
      onStdout: (chunk) => (printed += chunk),
      isFinished: () => printed.includes('done'),
      lingerMs: 200,
    });
    expect(exit.timedOut).toBe(false);
    expect(exit.signal).toBe('SIGTERM');
    expect(exit.durationMs).toBeLessThan(5000);
  });
});
