import type { ProcessExit } from '../beat/ports.ts';

export { describeExit } from '../beat/exit.ts';
import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/** How one child process ended. */
export type { ProcessExit } from '../beat/ports.ts';

export interface ProcessRequest {
  readonly file: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** The whole environment of the child: nothing is inherited that is not here. */
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Stdout beyond this many bytes kills the process (kept output stops at the cap). */
  readonly maxStdoutBytes?: number;
  /** What the child reads; a stream is piped in as it comes (a blob too long to hold). */
  readonly stdin?: string | Buffer | Readable;
  /**
   * Stdout goes here as it comes instead of being kept (git writing a long blob into a file or
   * another git). The stream is not ended: the caller may write more after it.
   */
  readonly stdoutTo?: Writable;
  /**
   * Written to the child's file descriptor 3, then closed: how a secret reaches a child (git's
   * credential helper) without being in its environment or command line, which any process of
   * the same user can read through /proc.
   */
  readonly secretFd?: string;
  /** Receive stdout as it arrives instead of keeping it. */
  readonly onStdout?: (chunk: string) => void;
  /**
   * Once this says the process is finished with its work, give it this long to exit before
   * killing it (runners that print their result and then linger).
   */
  readonly lingerMs?: number;
  readonly isFinished?: () => boolean;
}

const STDERR_TAIL_BYTES = 4096;
/** After SIGTERM, how long a process group has before SIGKILL. */
const TERM_GRACE_MS = 2000;
/** After the child exits, how long its pipes may stay open before we stop reading. */
const PIPE_DRAIN_MS = 1000;

/**
 * The one place that starts processes. Each child leads its own process group so a timeout
 * kills everything it started (a sensor's `sleep`, a runner's subprocesses), not just the
 * shell on top; and its output is bounded, so a child cannot exhaust the action's memory.
 */
export function runProcess(request: ProcessRequest): Promise<ProcessExit> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(request.file, [...request.args], {
      cwd: request.cwd,
      env: request.env,
      detached: true,
      stdio: request.secretFd === undefined ? ['pipe', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    const secret = child.stdio[3];
    if (request.secretFd !== undefined && secret !== null && secret !== undefined && 'end' in secret) {
      secret.on('error', () => {
        // A child that never reads it closes the pipe: nothing was leaked, nothing to do.
      });
      secret.end(request.secretFd);
    }
    const cap = request.maxStdoutBytes ?? Number.POSITIVE_INFINITY;
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrTail = '';
    let timedOut = false;
    let overflowed = false;
    let spawnError: string | undefined;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let settled = false;
    let drain: NodeJS.Timeout | undefined;

    const killGroup = (signal: NodeJS.Signals): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // The group is already gone: nothing left to kill.
      }
    };
    const stop = (): void => {
      killGroup('SIGTERM');
      setTimeout(() => {
        killGroup('SIGKILL');
      }, TERM_GRACE_MS).unref();
    };
    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(lingerWatch);
      clearTimeout(drain);
      const bytes = Buffer.concat(stdout);
      let text: string | undefined;
      resolve({
        code: exit?.code ?? null,
        signal: exit?.signal ?? null,
        timedOut,
        overflowed,
        ...(spawnError === undefined ? {} : { spawnError }),
        // Decoded when read: the state's objects come from git as bytes (a thousand goals' worth
        // took a beat ~5 ms to decode as one string nobody read).
        get stdout() {
          return (text ??= bytes.toString('utf8'));
        },
        stdoutBytes: bytes,
        stderrTail,
        durationMs: Math.round(performance.now() - started),
      });
    };

    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, request.timeoutMs);
    let finishedAt: number | undefined;
    const lingerWatch = setInterval(() => {
      if (request.isFinished === undefined || !request.isFinished()) return;
      finishedAt ??= performance.now();
      if (performance.now() - finishedAt >= (request.lingerMs ?? 0)) stop();
    }, 100);
    if (request.isFinished === undefined) clearInterval(lingerWatch);

    child.stdout.on('data', (chunk: Buffer) => {
      if (request.stdoutTo !== undefined) {
        // Back-pressure: a slow reader pauses the child instead of filling this process's memory.
        if (!request.stdoutTo.write(chunk)) {
          child.stdout.pause();
          request.stdoutTo.once('drain', () => child.stdout.resume());
        }
        return;
      }
      if (request.onStdout !== undefined) {
        request.onStdout(chunk.toString('utf8'));
        return;
      }
      if (stdoutBytes >= cap) return;
      stdoutBytes += chunk.length;
      stdout.push(stdoutBytes > cap ? chunk.subarray(0, chunk.length - (stdoutBytes - cap)) : chunk);
      if (stdoutBytes > cap) {
        overflowed = true;
        stop();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });
    child.on('error', (error) => {
      spawnError = error.message;
      finish();
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // Background processes the child left behind die with it; their end closes the pipes,
      // so 'close' follows with all output read. One that escaped the group cannot hold us.
      killGroup('SIGKILL');
      // Output passed on as it comes is all wanted (a blob): wait for its end, which the timeout still bounds.
      if (request.stdoutTo === undefined) drain = setTimeout(finish, PIPE_DRAIN_MS);
    });
    child.on('close', finish);
    child.stdin.on('error', () => {
      // A child that exits without reading its stdin closes the pipe: not our failure.
    });
    if (request.stdin !== undefined && typeof request.stdin !== 'string' && !Buffer.isBuffer(request.stdin)) {
      request.stdin.on('error', () => child.stdin.destroy());
      request.stdin.pipe(child.stdin);
    } else child.stdin.end(request.stdin ?? '');
  });
}

