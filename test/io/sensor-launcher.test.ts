/**
 * Sensors are started by small shell launchers, not by the action's own (heavy) process. They
 * must end as the process runner's children did: bounded in time and output, nothing they left
 * running kept alive, and their output read whole up to the cap.
 */
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchable, sensorLauncher, type SensorLaunching } from '../../src/io/sensor-launcher.ts';
import type { ProcessExit } from '../../src/beat/ports.ts';
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

  it('starts a second launcher only once the first runs four sensors', async () => {
    const launch = sensorLauncher(launching);
    // A sensor's parent is its watcher, whose parent is its launcher (field 4 of /proc/<pid>/stat).
    const body = 'set -- $(cat /proc/$PPID/stat); echo $4';
    const launchersOf = (exits: ProcessExit[]): number => new Set(exits.map((exit) => exit.stdout.trim())).size;
    expect(launchersOf(await Promise.all(Array.from({ length: 4 }, (_, i) => launch(sensor(`few-${String(i)}`, body)))))).toBe(1);
    expect(launchersOf(await Promise.all(Array.from({ length: 8 }, (_, i) => launch(sensor(`many-${String(i)}`, body)))))).toBe(Math.min(2, os.availableParallelism()));
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

  it('reports each sensor when it ends: none waits behind a slow or hung one, nor is held past its own timeout', async () => {
    const launch = sensorLauncher({ ...launching, timeoutMs: 1500 });
    const order: string[] = [];
    const run = async (name: string, body: string): Promise<ProcessExit> => {
      const exit = await launch(sensor(name, body));
      order.push(name);
      return exit;
    };
    // Every launcher gets a hung sensor first; quick ones requested after them share the launchers.
    const hung = [run('hung-a', 'sleep 300'), run('hung-b', 'sleep 300')];
    const quick = await Promise.all(Array.from({ length: 6 }, (_, i) => run(`quick-${i}`, `echo ${i}`)));
    expect(quick.map((exit) => [exit.stdout.trim(), exit.code, exit.timedOut])).toEqual(Array.from({ length: 6 }, (_, i) => [String(i), 0, false]));
    expect((await Promise.all(hung)).map((exit) => exit.timedOut)).toEqual([true, true]);
    expect(order.slice(-2).sort()).toEqual(['hung-a', 'hung-b']);
    // Turn after turn (each ended sensor asks for the next), as sense runs more sensors than it runs at once.
    let next = 0;
    const outputs: string[] = [];
    const worker = async (): Promise<void> => {
      while (next < 40) {
        const i = next++;
        outputs[i] = (await run(`many-${i}`, `echo ${i}`)).stdout.trim();
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

  it('ends the sensors of a launcher that died, saying so, and starts the next sensors on another', async () => {
    const pidFile = path.join(sandbox.root, 'launcher.pid');
    const launch = sensorLauncher(launching);
    // The sensor's parent is its watcher, whose parent is the launcher (field 4 of /proc/<pid>/stat).
    const exit = await launch(sensor('killer', `set -- $(cat /proc/$PPID/stat); echo $4 > ${pidFile}; kill -KILL $4; sleep 300`));
    expect(exit).toMatchObject({ code: null, timedOut: false, spawnError: 'the sensor launcher ended (SIGKILL)' });
    expect(exit.durationMs).toBeLessThan(5000);
    expect(alive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
    expect(await Promise.all(Array.from({ length: 4 }, (_, i) => launch(sensor(`after-${i}`, `echo ${i}`))))).toMatchObject(Array.from({ length: 4 }, (_, i) => ({ code: 0, stdout: `${i}\n` })));
  });

  it('ends within its timeout a sensor sent to a launcher that stopped, and starts the next ones on another', async () => {
    const launch = sensorLauncher({ ...launching, timeoutMs: 500 });
    // Field 5 of /proc/<pid>/stat is the process group: the launcher's.
    expect(await launch(sensor('stopper', 'set -- $(cat /proc/$$/stat); kill -STOP $5'))).toMatchObject({ code: 0 });
    const started = Date.now();
    const exits = await Promise.all(Array.from({ length: 4 }, (_, i) => launch(sensor(`queued-${i}`, `echo ${i}`))));
    expect(Date.now() - started).toBeLessThan(8000);
    for (const [i, exit] of exits.entries()) {
      if (exit.code !== 0) expect(exit.spawnError).toMatch(/did not start the sensor within 500 ms/);
      else expect(exit.stdout).toBe(`${i}\n`);
    }
    expect(exits.some((exit) => exit.code !== 0)).toBe(true);
    expect(await launch(sensor('later', 'echo later'))).toMatchObject({ code: 0, stdout: 'later\n' });
  });

  it('ends a sensor that killed its own watcher once its timeout killed it', async () => {
    const launch = sensorLauncher({ ...launching, timeoutMs: 300 });
    const started = Date.now();
    const exit = await launch(sensor('parricide', 'kill -KILL $PPID; sleep 300'));
    expect(exit).toMatchObject({ code: null, timedOut: true, spawnError: expect.stringMatching(/its watcher was killed/) as unknown });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('takes only absolute paths without line breaks, and names without spaces', () => {
    expect(launchable({ name: 'ok-1', file: '/tmp/x/sensors/ok-1.sh' })).toBe(true);
    expect(launchable({ name: 'ok', file: '/tmp/with space/sensors/ok' })).toBe(true);
    expect(launchable({ name: 'ok', file: '/tmp/new\nline/ok' })).toBe(false);
    expect(launchable({ name: 'ok', file: 'relative/ok' })).toBe(false);
    expect(launchable({ name: 'no space', file: '/tmp/ok' })).toBe(false);
  });
});
