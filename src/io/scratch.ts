import { accessSync, constants, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A folder only this beat uses: git's repositories, the sensors' view of the state, the
 * sensors' output, the runner's files. A beat writes a file for each of the state's files (a
 * thousand goals are a thousand files), so it lives in memory when the machine has a memory
 * filesystem fit for it (Linux's /dev/shm on GitHub's runners), and under RUNNER_TEMP otherwise.
 *
 * RUNNER_TEMP is emptied by the runner after each job; /dev/shm is not. So the folder is removed
 * when the beat ends, when the step is cancelled (the runner sends SIGINT, then SIGTERM), and,
 * for a beat killed outright, by the next beat on the machine: a folder's name holds the pid
 * namespace and pid of the beat that made it, and one whose process is gone is removed.
 */
export interface Scratch extends AsyncDisposable {
  readonly dir: string;
}

/** What the choice of a memory filesystem reads of the machine; the real one reads /proc and statfs. */
export interface MemoryProbe {
  /** The filesystem's magic number and free bytes, or undefined when it cannot be read. */
  statfs(dir: string): { type: number; freeBytes: number } | undefined;
  /** The options of the mount at `dir` exactly (noexec…), or undefined when nothing is mounted there. */
  mountOptions(dir: string): readonly string[] | undefined;
  /** May this process create folders in `dir`? */
  writable(dir: string): boolean;
  /** This process's pid namespace (its inode), or undefined when /proc does not say. */
  pidNamespace(): string | undefined;
}

export const MEMORY_DIR = '/dev/shm';
export const TMPFS_MAGIC = 0x01021994;
/**
 * Below this much free, the beat stays on disk: Docker gives a container job 64 MiB of
 * /dev/shm, and a state's repository and files must not run a memory filesystem out of room.
 */
export const MIN_FREE_BYTES = 512 * 1024 * 1024;

/** /dev/shm when it is a tmpfs with room, mounted without noexec (sensors run from the view), and names can say whose a folder is. */
export function memoryBase(probe: MemoryProbe = realProbe, dir = MEMORY_DIR): { dir: string; namespace: string } | undefined {
  if (process.platform !== 'linux') return undefined;
  const namespace = probe.pidNamespace();
  if (namespace === undefined) return undefined;
  const fs = probe.statfs(dir);
  if (fs === undefined || fs.type !== TMPFS_MAGIC || fs.freeBytes < MIN_FREE_BYTES) return undefined;
  const options = probe.mountOptions(dir);
  if (options === undefined || options.includes('noexec') || !probe.writable(dir)) return undefined;
  return { dir, namespace };
}

/** Where a scratch folder may go: the real machine's, or (in tests) a probe's view of another folder. */
export interface ScratchPlaces {
  readonly probe: MemoryProbe;
  readonly memoryDir: string;
}

/** The beat's scratch folder, made at once (the entry makes one before the bundle loads). */
export function makeScratch(env: NodeJS.ProcessEnv, places: ScratchPlaces = { probe: realProbe, memoryDir: MEMORY_DIR }): Scratch {
  const memory = memoryBase(places.probe, places.memoryDir);
  if (memory === undefined) return disposable(mkdtempSync(path.join(env.RUNNER_TEMP ?? os.tmpdir(), 'looop-')));
  sweep(memory.dir, memory.namespace);
  const dir = mkdtempSync(path.join(memory.dir, `looop-${memory.namespace}-${String(process.pid)}-`));
  live.add(dir);
  watchSignals();
  return {
    dir,
    [Symbol.asyncDispose]: () => {
      remove(dir);
      live.delete(dir);
      return Promise.resolve();
    },
  };
}

function disposable(dir: string): Scratch {
  return {
    dir,
    [Symbol.asyncDispose]: () => {
      remove(dir);
      return Promise.resolve();
    },
  };
}

/** In one call at the beat's end: fs.promises.rm walks a tree from JavaScript, four times slower for a thousand files. */
function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Scratch folders in memory that this process has not yet removed. */
const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let watching = false;

/**
 * A signal that ends the beat first removes what it holds in memory, then ends the process as
 * the signal would have (the runner reads how its step ended).
 */
function watchSignals(): void {
  if (watching) return;
  watching = true;
  const handler = (signal: NodeJS.Signals): void => {
    for (const dir of live) rmSync(dir, { recursive: true, force: true });
    live.clear();
    // With no listener left, Node gives the signal back its default: the kill ends the process.
    for (const watched of SIGNALS) process.removeListener(watched, handler);
    process.kill(process.pid, signal);
  };
  for (const signal of SIGNALS) process.on(signal, handler);
}

const OWNED = /^looop-(\d+)-(\d+)-[A-Za-z0-9]{6}$/;

/**
 * Removes the scratch folders of beats of this pid namespace whose process is gone (a SIGKILL,
 * an out-of-memory kill). A folder of a live process, of another namespace (whose pids mean
 * other processes) or of another user is left alone.
 */
export function sweep(base: string, namespace: string): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const match = OWNED.exec(name);
    if (match?.[1] !== namespace || isAlive(Number(match[2]))) continue;
    const dir = path.join(base, name);
    try {
      const info = lstatSync(dir);
      if (info.isDirectory() && info.uid === uid) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another beat removed it first, or it is not ours to remove: either way, not this beat's concern.
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user holds the pid.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Per-mount options of the last mount at `dir` in /proc/self/mountinfo (proc(5): the fifth field is the mount point, the sixth its options). */
export function mountOptionsIn(mountinfo: string, dir: string): readonly string[] | undefined {
  let options: readonly string[] | undefined;
  for (const line of mountinfo.split('\n')) {
    const fields = line.split(' ');
    if (fields[4] === dir && fields[5] !== undefined) options = fields[5].split(',');
  }
  return options;
}

export const realProbe: MemoryProbe = {
  statfs(dir) {
    try {
      const fs = statfsSync(dir);
      return { type: fs.type, freeBytes: fs.bavail * fs.bsize };
    } catch {
      return undefined;
    }
  },
  mountOptions(dir) {
    try {
      return mountOptionsIn(readFileSync('/proc/self/mountinfo', 'utf8'), dir);
    } catch {
      return undefined;
    }
  },
  writable(dir) {
    try {
      accessSync(dir, constants.W_OK | constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  pidNamespace() {
    try {
      return /^pid:\[(\d+)\]$/.exec(readlinkSync('/proc/self/ns/pid'))?.[1];
    } catch {
      return undefined;
    }
  },
};
