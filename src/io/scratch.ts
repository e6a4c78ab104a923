import { accessSync, chmodSync, constants, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statfsSync } from 'node:fs';
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
  /** The filesystem's magic number, free bytes and free inodes, or undefined when it cannot be read. */
  statfs(dir: string): { type: number; freeBytes: number; freeInodes: number } | undefined;
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
/** A tmpfs can run out of inodes before bytes (its nr_inodes): a beat makes one a state file. */
export const MIN_FREE_INODES = 65_536;

/** A memory filesystem of this machine's, and whether a beat may keep its scratch there now. */
interface MemoryFs {
  readonly dir: string;
  readonly namespace: string;
  /** Room enough, and sensors may run from it (not noexec). */
  readonly fit: boolean;
}

/** `dir` when it is a tmpfs this process may write in, where folder names can say whose they are. */
function memoryFs(probe: MemoryProbe, dir: string): MemoryFs | undefined {
  if (process.platform !== 'linux') return undefined;
  const namespace = probe.pidNamespace();
  const fs = probe.statfs(dir);
  if (namespace === undefined || fs?.type !== TMPFS_MAGIC || !probe.writable(dir)) return undefined;
  const options = probe.mountOptions(dir);
  const fit = fs.freeBytes >= MIN_FREE_BYTES && fs.freeInodes >= MIN_FREE_INODES && options !== undefined && !options.includes('noexec');
  return { dir, namespace, fit };
}

/** /dev/shm when a beat may keep its scratch there now, with the namespace its folders are named for. */
export function memoryBase(probe: MemoryProbe = realProbe, dir = MEMORY_DIR): { dir: string; namespace: string } | undefined {
  const memory = memoryFs(probe, dir);
  return memory?.fit === true ? { dir: memory.dir, namespace: memory.namespace } : undefined;
}

/** Where a scratch folder may go: the real machine's, or (in tests) a probe's view of another folder. */
export interface ScratchPlaces {
  readonly probe: MemoryProbe;
  readonly memoryDir: string;
}

/** Every scratch folder this process made, for an error that says where the room ran out. */
const made: string[] = [];

/**
 * The beat's scratch folder, made at once (the entry makes one before the bundle loads). Killed
 * beats' folders are swept first, even when memory is now too short for this one: they are
 * what may have made it short.
 */
export function makeScratch(env: NodeJS.ProcessEnv, places: ScratchPlaces = { probe: realProbe, memoryDir: MEMORY_DIR }): Scratch {
  const memory = memoryFs(places.probe, places.memoryDir);
  if (memory !== undefined) sweepOnce(memory);
  const inMemory = memory?.fit === true ? inMemoryFolder(memory) : undefined;
  return scratchAt(inMemory ?? mkdtempSync(path.join(env.RUNNER_TEMP ?? os.tmpdir(), 'looop-')), inMemory !== undefined);
}

/** A folder made in memory, or undefined when it cannot be made there (full since the check). */
function inMemoryFolder(memory: MemoryFs): string | undefined {
  try {
    return mkdtempSync(path.join(memory.dir, `looop-${memory.namespace}-${String(process.pid)}-`));
  } catch {
    return undefined;
  }
}

/** The scratch at `dir`; one in memory is also removed on the signals that end a step. */
function scratchAt(dir: string, inMemory: boolean): Scratch {
  made.push(dir);
  if (inMemory) {
    live.add(dir);
    watchSignals();
  }
  return {
    dir,
    [Symbol.asyncDispose]: () => {
      removeTree(dir);
      live.delete(dir);
      return Promise.resolve();
    },
  };
}

/** Memory filesystems whose killed beats' folders this process swept: a beat makes two scratch folders (the entry's and its own), and sweeps once. */
const swept = new Set<string>();

function sweepOnce(memory: MemoryFs): void {
  if (swept.has(memory.dir)) return;
  swept.add(memory.dir);
  sweep(memory.dir, memory.namespace);
}

/**
 * What to add to an error's message when the disk or memory the beat writes in was full: where
 * its files were, and what decides the place.
 */
export function roomHint(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== 'ENOSPC' && code !== 'EDQUOT') return '';
  return (
    ` (the beat's scratch folder: ${made.join(', ') || 'not made yet'}. It is in ${MEMORY_DIR} when that has ` +
    `${String(MIN_FREE_BYTES / 1024 ** 2)} MiB free as the beat starts, else under RUNNER_TEMP: a sensor or command may have filled it, or the state is larger than the room)`
  );
}

/**
 * Removed in one call (fs.promises.rm walks a tree from JavaScript, four times slower for a
 * thousand files). A folder a sensor made read-only inside it is made writable first: the
 * scratch and the view in it are the action's to remove, whatever was planted in them.
 */
export function removeTree(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    writableFolders(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every folder under `dir` (links are not followed) made writable by this user. */
function writableFolders(dir: string): void {
  try {
    if (!lstatSync(dir).isDirectory()) return;
    chmodSync(dir, 0o700);
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) writableFolders(path.join(dir, entry.name));
  } catch {
    // Not ours to change: the removal that follows says so.
  }
}

/** Scratch folders in memory that this process has not yet removed. */
const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let watching = false;

/**
 * A signal that ends the beat first removes what it holds in memory, then ends the process as
 * the signal would have (the runner reads how its step ended). The kernel ignores such a signal
 * sent to the first process of a pid namespace (a container's main process): that one exits
 * with the shell's code for it instead.
 */
function watchSignals(): void {
  if (watching) return;
  watching = true;
  const handler = (signal: NodeJS.Signals): void => {
    for (const dir of live) {
      try {
        removeTree(dir);
      } catch (error) {
        process.stderr.write(`looop: could not remove the scratch folder ${dir}: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
    live.clear();
    // With no listener left, Node gives the signal back its default: the kill ends the process.
    for (const watched of SIGNALS) process.removeListener(watched, handler);
    if (process.pid === 1) process.exit(128 + os.constants.signals[signal]);
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
      if (info.isDirectory() && info.uid === uid) removeTree(dir);
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
      // A tmpfs mounted without a limit (size=0, nr_inodes=0) reports no blocks or inodes at all.
      return { type: fs.type, freeBytes: fs.blocks === 0 ? Infinity : fs.bavail * fs.bsize, freeInodes: fs.files === 0 ? Infinity : fs.ffree };
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
