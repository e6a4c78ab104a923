import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProcessExit } from '../beat/ports.ts';
import { procStat } from './proc-stat.ts';

/**
 * Sensors are started by small shell processes, not by the action's own: each process Node
 * starts costs a fork of the whole Node process (several milliseconds of the main thread on a
 * 2-core runner), where a shell forks itself in a fraction of that. A launcher (up to one a
 * core) takes a sensor per line on its stdin and starts it at once, with a watcher of its own:
 * a subshell that says the sensor's pid, waits for it and says how it ended. A POSIX shell can
 * wait for one child, not for whichever ends first, so a launcher that waited itself would
 * report its sensors oldest first: a quick one behind a hung one would be held past its own
 * timeout, and the launcher would start nothing more meanwhile. A sensor's output goes to
 * files, read once it ended, so nothing waits on a pipe that a process it left holds open.
 *
 * A sensor runs with /dev/null as stdin, in the launcher's process group: one that outlives its
 * time is sent SIGTERM, then SIGKILL; whatever any sensor left running is killed with the
 * launcher's group once no sensor is running. Output past the cap kills the sensor (its file is
 * looked at every 100 ms); only the cap's worth is read, and the end of stderr.
 */
const LAUNCHER = `
set -f
out=$1
while IFS= read -r line; do
  i=\${line%% *}; rest=\${line#* }; name=\${rest%% *}; file=\${rest#* }
  {
    LOOOP_SENSOR=$name "$file" </dev/null >"$out/$i.out" 2>"$out/$i.err" &
    echo "start $i $!"
    wait $!
    echo "end $i $?"
  } &
done
`;

export interface LaunchRequest {
  readonly name: string;
  /** The sensor's program, an absolute path. */
  readonly file: string;
}

export interface SensorLaunching {
  readonly cwd: string;
  /** The sensors' whole environment (LOOOP_SENSOR is set for each). */
  readonly env: Readonly<Record<string, string>>;
  /** Where the launchers keep the sensors' output while they run. */
  readonly tempDir: string;
  readonly timeoutMs: number;
  readonly maxStdoutBytes: number;
}

const STDERR_TAIL_BYTES = 4096;
const TERM_GRACE_MS = 2000;
/**
 * Past its timeout and the grace after SIGTERM, how long a sensor's end may take to be said. A
 * sensor that never said it started (its launcher stopped or lost the line) or whose watcher was
 * killed never will: each call ends by its timeout and this much more, whatever sensors do.
 */
const REPORT_GRACE_MS = 1000;
const WATCH_MS = 100;
/**
 * Sensors a launcher runs before another is started: each launcher is a fork of the action's own
 * process (~10 ms of its main thread), and a launcher starts a few sensors in no time; another
 * pays only where its forks of watchers and sensors would queue behind the first's.
 */
const SHARE = 4;
/** Where /proc says when a process started: a pid is signalled only while it is still the sensor's. */
const PROC = existsSync('/proc/self/stat');

/** A launcher, and why it ended if it ended while sensors ran. */
interface Launcher {
  readonly process: ChildProcessByStdio<Writable, Readable, null>;
  failure?: string;
}

interface Running {
  readonly index: number;
  readonly launcher: Launcher;
  readonly started: number;
  readonly resolve: (exit: ProcessExit) => void;
  pid?: number;
  /** When the sensor's process started (/proc), so that a pid another process took is left alone. */
  born?: string;
  timedOut: boolean;
  overflowed: boolean;
  timer?: NodeJS.Timeout;
  grace?: NodeJS.Timeout;
  deadline?: NodeJS.Timeout;
}

/** Whether a request can travel on a launcher's line: no newline in it, a name without spaces. */
export function launchable(request: LaunchRequest): boolean {
  return !/[\n\r\0]/.test(request.file) && /^[a-z0-9][a-z0-9-]*$/.test(request.name) && path.isAbsolute(request.file);
}

/**
 * Runs sensors through launchers started on the first request and ended when none runs.
 * Each call resolves when its sensor ended, as the process runner's would.
 */
export function sensorLauncher(launching: SensorLaunching): (request: LaunchRequest) => Promise<ProcessExit> {
  let pool: Pool | undefined;
  return (request) => {
    pool ??= openPool(launching, () => {
      pool = undefined;
    });
    return pool.run(request);
  };
}

interface Pool {
  run(request: LaunchRequest): Promise<ProcessExit>;
}

function openPool(launching: SensorLaunching, closed: () => void): Pool {
  const out = mkdtempSync(path.join(launching.tempDir, 'sensors-'));
  const running = new Map<number, Running>();
  /** Those that take sensors; `started` also has those that died, whose groups are killed at the end. */
  const launchers: Launcher[] = [];
  const started: Launcher[] = [];
  // Up to one launcher a core, the next started only once each running one has SHARE sensors.
  const count = Math.max(1, Math.min(4, os.availableParallelism()));
  let next = 0;

  const finish = (index: number, status: number | null, why?: string): void => {
    const job = running.get(index);
    if (job === undefined) return;
    running.delete(index);
    for (const timer of [job.timer, job.grace, job.deadline]) clearTimeout(timer);
    job.resolve(exitOf(job, status, out, launching.maxStdoutBytes, why ?? job.launcher.failure));
    if (running.size === 0) setImmediate(closeIfIdle);
  };
  const closeIfIdle = (): void => {
    if (running.size > 0 || started.length === 0) return;
    launchers.splice(0);
    for (const { process: launcher } of started.splice(0)) {
      launcher.stdin.end();
      // A process a sensor left outside the group may hold the launcher's stdout: not Node's loop.
      launcher.stdout.destroy();
      if (launcher.pid !== undefined) killGroup(launcher.pid, 'SIGKILL');
    }
    clearInterval(watch);
    rmSync(out, { recursive: true, force: true });
    closed();
  };
  /** A launcher that died or stopped takes no more sensors (the next request starts another), and the sensors it started end with it. */
  const retire = (launcher: Launcher, why: string): void => {
    const at = launchers.indexOf(launcher);
    // One the pool closed is no longer listed, and did not fail.
    if (at < 0) return;
    launcher.failure ??= why;
    launchers.splice(at, 1);
    if (launcher.process.pid !== undefined) killGroup(launcher.process.pid, 'SIGKILL');
  };
  const watch = setInterval(() => {
    for (const job of running.values()) {
      if (job.pid === undefined || job.overflowed || sizeOf(path.join(out, `${job.index}.out`)) <= launching.maxStdoutBytes) continue;
      job.overflowed = true;
      signal(job, 'SIGKILL');
    }
  }, WATCH_MS);

  const onLine = (launcher: Launcher, line: string): void => {
    const [what, index, value] = line.split(' ');
    const job = running.get(Number(index));
    // Only a job's own launcher speaks for it, and a sensor starts once.
    if (job?.launcher !== launcher) return;
    if (what === 'start' && job.pid === undefined) {
      job.pid = Number(value);
      job.born = startTime(job.pid);
      job.timer = setTimeout(() => {
        job.timedOut = true;
        signal(job, 'SIGTERM');
        job.grace = setTimeout(() => {
          signal(job, 'SIGKILL');
        }, TERM_GRACE_MS);
      }, launching.timeoutMs);
    } else if (what === 'end') {
      finish(job.index, Number(value));
    }
  };
  const giveUp = (job: Running): void => {
    if (job.pid === undefined) {
      retire(job.launcher, `the sensor launcher did not start the sensor within ${String(launching.timeoutMs)} ms`);
      finish(job.index, null);
      return;
    }
    job.timedOut = true;
    signal(job, 'SIGKILL');
    finish(job.index, null, 'nothing said how it ended after it was killed (its watcher was killed too)');
  };

  const start = (): Launcher => {
    const launcher = spawn('/bin/sh', ['-c', LAUNCHER, 'looop-sensors', out], { cwd: launching.cwd, env: launching.env, detached: true, stdio: ['pipe', 'pipe', 'ignore'] });
    const made: Launcher = { process: launcher };
    started.push(made);
    let pending = '';
    launcher.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        onLine(made, pending.slice(0, newline));
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
    });
    launcher.stdout.on('error', () => {
      // Destroyed when the pool closes; a launcher's end is said by its exit.
    });
    launcher.stdin.on('error', () => {
      // A launcher that died closes its stdin: its exit says what happened.
    });
    launcher.on('error', (error) => {
      retire(made, `could not start: ${error.message}`);
    });
    launcher.on('exit', (code, signal) => {
      retire(made, `the sensor launcher ended (${signal ?? `code ${String(code)}`})`);
    });
    // Once the launcher and every watcher are gone, a sensor without an end never gets one.
    launcher.on('close', () => {
      for (const job of [...running.values()]) if (job.launcher === made) finish(job.index, null);
    });
    return made;
  };

  return {
    run(request) {
      const index = next++;
      return new Promise<ProcessExit>((resolve) => {
        const launcher = launchers.length < count && launchers.every((each) => busy(each, running) >= SHARE) ? start() : leastBusy(launchers, running);
        if (!launchers.includes(launcher)) launchers.push(launcher);
        const job: Running = { index, launcher, started: performance.now(), resolve, timedOut: false, overflowed: false };
        running.set(index, job);
        if (!launcher.process.stdin.writable) {
          finish(index, null);
          return;
        }
        launcher.process.stdin.write(`${index} ${request.name} ${request.file}\n`);
        job.deadline = setTimeout(() => {
          giveUp(job);
        }, launching.timeoutMs + TERM_GRACE_MS + REPORT_GRACE_MS);
      });
    },
  };
}

/** How many sensors a launcher runs now. */
function busy(launcher: Launcher, running: ReadonlyMap<number, Running>): number {
  let jobs = 0;
  for (const job of running.values()) if (job.launcher === launcher) jobs++;
  return jobs;
}

/** The launcher with the fewest sensors running, so their starts are shared out. */
function leastBusy(launchers: readonly Launcher[], running: ReadonlyMap<number, Running>): Launcher {
  return launchers.reduce((best, launcher) => (busy(launcher, running) < busy(best, running) ? launcher : best));
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  kill(-pid, signal);
}

/**
 * Signals a sensor while its pid is still its own: once its watcher reaped it, the pid is free,
 * and a process that took it has another start time. Where /proc cannot say, any pid above 1.
 */
function signal(job: Running, name: NodeJS.Signals): void {
  if (job.pid === undefined || !(job.pid > 1)) return;
  if (PROC && (job.born === undefined || startTime(job.pid) !== job.born)) return;
  kill(job.pid, name);
}

/** When a process started (field 22 of its /proc stat), or undefined when /proc has no such process. */
function startTime(pid: number): string | undefined {
  if (!PROC || !Number.isSafeInteger(pid) || pid <= 1) return undefined;
  try {
    return procStat(pid)(22);
  } catch {
    return undefined;
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Up to `bytes` of a file from `at` (negative: that far from its end). */
function readPart(file: string, bytes: number, fromEnd: boolean): Buffer {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return Buffer.alloc(0);
  }
  try {
    const size = statSync(file).size;
    const length = Math.min(size, bytes);
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, fromEnd ? size - length : 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** A sensor's end as the process runner reports one, from what its launcher said and its files. */
function exitOf(job: Running, status: number | null, out: string, cap: number, failure: string | undefined): ProcessExit {
  const stdoutBytes = readPart(path.join(out, `${job.index}.out`), cap, false);
  const stderrTail = readPart(path.join(out, `${job.index}.err`), STDERR_TAIL_BYTES, true).toString('utf8');
  // A shell reports a death by signal n as 128 + n.
  const signal = status !== null && status > 128 ? signalName(status - 128) : null;
  return {
    code: status === null || signal !== null ? null : status,
    signal,
    timedOut: job.timedOut,
    overflowed: job.overflowed,
    ...(status === null ? { spawnError: failure ?? 'the sensor launcher ended before the sensor' } : {}),
    stdout: stdoutBytes.toString('utf8'),
    stdoutBytes,
    stderrTail,
    durationMs: Math.round(performance.now() - job.started),
  };
}

function signalName(n: number): NodeJS.Signals | null {
  const found = Object.entries(os.constants.signals).find(([, value]) => value === n);
  return found === undefined ? null : (found[0] as NodeJS.Signals);
}
