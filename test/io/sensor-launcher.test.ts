/**
 * Sensors are started by small shell launchers, not by the action's own (heavy) process. They
 * must end as the process runner's children did: bounded in time and output, nothing they left
 * running kept alive, and their output read whole up to the cap.
 */
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchable, sensorLauncher, type SensorLaunching } from '../../src/io/sensor-launcher.ts';
import { makeSandbox, type Sandbox } from '../helpers/git.ts';
import { alive, eventually } from '../helpers/processes.ts';

let sandbox: Sandbox;
let launching: SensorLaunching;
beforeEach(() => {
  sandbox = makeSandbox();
  launching = { cwd: sandbox.workspace, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ONLY: 'this' }, tempDir: sandbox.temp, timeoutMs: 10_000, maxStdoutBytes: 1000 };
});
afterEach(() => {
  sandbox.cleanup();
});

function sensor(name: string, body: string): { name: string; file: string } {
  const file = path.join(sandbox.root, `${name}.sh`);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return { name, file };
}


describe('the sensor launcher', () => {
  it('runs sensors at once, each in the checkout with exactly its environment, its name and nothing on stdin', async () => {
    const launch = sensorLauncher(launching);
    const exits = await Promise.all(
      ['one', 'two', 'three'].map((name) => launch(sensor(name, 'printf \'{"signal": "%s", "cwd": "%s", "stdin": "%s"}\' "$LOOOP_SENSOR" "$PWD" "$(cat)"; env | sort >&2'))),
    );
    expect(exits.map((exit) => JSON.parse(exit.stdout) as unknown)).toEqual(['one', 'two', 'three'].map((name) => ({ signal: name, cwd: sandbox.workspace, stdin: '' })));
    for (const [i, exit] of exits.entries()) {
      expect(exit).toMatchObject({ code: 0, signal: null, timedOut: false, overflowed: false });
      expect(exit.stderrTail.split('\n').filter((line) => /^(ONLY|LOOOP_SENSOR|PATH)=/.test(line))).toEqual([`LOOOP_SENSOR=${['one', 'two', 'three'][i] ?? ''}`, 'ONLY=this', `PATH=${launching.env.PATH ?? ''}`]);
    }
  });

  it('kills a sensor at its timeout, and what it left running once no sensor runs', async () => {
    const pidFile = path.join(sandbox.root, 'child.pid');
    const launch = sensorLauncher({ ...launching, timeoutMs: 500 });
    const started = Date.now();
    const exit = await launch(sensor('stuck', `sleep 300 &\necho $! > ${pidFile}\nwait`));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(exit).toMatchObject({ timedOut: true, signal: 'SIGTERM', code: null });
    expect(await eventually(() => !alive(Number(readFileSync(pidFile, 'utf8'))))).toBe(true);
  });

  it('does not wait for a background child a sensor leaves, and kills it', async () => {
    const pidFile = path.join(sandbox.root, 'child.pid');
    const launch = sensorLauncher(launching);
    const exit = await launch(sensor('daemon', `echo '{"signal": 1}'\nsleep 300 &\necho $! > ${pidFile}`));
    expect(exit).toMatchObject({ code: 0, stdout: '{"signal": 1}\n' });
    expect(exit.durationMs).toBeLessThan(5000);
    expect(await eventually(() => !alive(Number(readFileSync(pidFile, 'utf8'))))).toBe(true);
  });

  it('kills a sensor that prints more than the cap, and reads only the cap', async () => {
    const launch = sensorLauncher(launching);
    const exit = await launch(sensor('flood', 'yes looop'));
    expect(exit.overflowed).toBe(true);
    expect(exit.stdout).toHaveLength(1000);
  });

  it('keeps the end of stderr, and says how a sensor that could not run ended', async () => {
    const launch = sensorLauncher(launching);
    const noisy = await launch(sensor('noisy', 'i=0; while [ $i -lt 2000 ]; do echo "line $i" >&2; i=$((i+1)); done; exit 4'));
    expect(noisy).toMatchObject({ code: 4, signal: null });
    expect(noisy.stderrTail.length).toBeLessThanOrEqual(4096);
    expect(noisy.stderrTail.trimEnd().endsWith('line 1999')).toBe(true);
    const broken = sensor('broken', 'true');
    chmodSync(broken.file, 0o644);
    const refused = await launch(broken);
    expect(refused.code).toBe(126);
    expect(refused.stderrTail).toMatch(/denied/i);
  });

  it('reports a sensor killed by a signal by the signal', async () => {
    const launch = sensorLauncher(launching);
    expect(await launch(sensor('killed', 'kill -KILL $$'))).toMatchObject({ code: null, signal: 'SIGKILL', timedOut: false });
  });

  it('starts a sensor requested while its launcher waits for others once they ended, and reports every one', async () => {
    const launch = sensorLauncher(launching);
    const order: string[] = [];
    const run = async (name: string, body: string): Promise<string> => {
      const exit = await launch(sensor(name, body));
      order.push(name);
      return exit.stdout.trim();
    };
    // Both launchers wait on a slow sensor; quick ones requested after them queue behind it.
    const slow = [run('slow-a', 'sleep 0.3; echo a'), run('slow-b', 'sleep 0.3; echo b')];
    const quick = Array.from({ length: 6 }, (_, i) => run(`quick-${i}`, `echo ${i}`));
    expect(await Promise.all([...slow, ...quick])).toEqual(['a', 'b', '0', '1', '2', '3', '4', '5']);
    expect(order[0]).toMatch(/^slow-/);
    // Turn after turn (each ended sensor asks for the next), as sense runs more sensors than it runs at once.
    let next = 0;
    const outputs: string[] = [];
    const worker = async (): Promise<void> => {
      while (next < 40) {
        const i = next++;
        outputs[i] = await run(`many-${i}`, `echo ${i}`);
      }
    };
    await Promise.all(Array.from({ length: 7 }, worker));
    expect(outputs).toEqual(Array.from({ length: 40 }, (_, i) => String(i)));
  });

  it('leaves no launcher and no output behind once no sensor runs, and starts afresh for the next', async () => {
    const launch = sensorLauncher(launching);
    await launch(sensor('first', 'echo 1'));
    expect(await eventually(() => readdirSync(sandbox.temp).every((name) => !name.startsWith('sensors-')))).toBe(true);
    expect((await launch(sensor('second', 'echo 2'))).stdout).toBe('2\n');
  });

  it('ends the sensors of a launcher that died, saying so', async () => {
    const pidFile = path.join(sandbox.root, 'launcher.pid');
    const launch = sensorLauncher(launching);
    // The launcher is the sensor's parent.
    const exit = await launch(sensor('orphaned', `echo $PPID > ${pidFile}; kill -KILL $PPID; sleep 300`));
    expect(exit.spawnError).toMatch(/launcher ended/);
    expect(alive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });

  it('takes only absolute paths without line breaks, and names without spaces', () => {
    expect(launchable({ name: 'ok-1', file: '/tmp/x/sensors/ok-1.sh' })).toBe(true);
    expect(launchable({ name: 'ok', file: '/tmp/with space/sensors/ok' })).toBe(true);
    expect(launchable({ name: 'ok', file: '/tmp/new\nline/ok' })).toBe(false);
    expect(launchable({ name: 'ok', file: 'relative/ok' })).toBe(false);
    expect(launchable({ name: 'no space', file: '/tmp/ok' })).toBe(false);
  });
});
