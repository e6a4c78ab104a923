/**
 * A beat's scratch folder lives in memory where the machine has a memory filesystem fit for it,
 * and is gone when the beat ends however it ends: done, cancelled by the runner's signals, or
 * killed outright (then the next beat on the machine removes it).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeScratch, memoryBase, MIN_FREE_BYTES, MIN_FREE_INODES, mountOptionsIn, realProbe, roomHint, sweep, TMPFS_MAGIC, type MemoryProbe } from '../../src/io/scratch.ts';
import { PROJECT } from '../helpers/action.ts';
import { eventually } from '../helpers/processes.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'looop-scratch-test-'));
});
/** Holders still running when a test ends (one that failed) are killed with it. */
const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

/** A machine whose memory filesystem is fit, with one thing changed. */
function probe(change: Partial<MemoryProbe> = {}): MemoryProbe {
  return {
    statfs: () => ({ type: TMPFS_MAGIC, freeBytes: 8 * 1024 ** 3, freeInodes: 2 ** 20 }),
    mountOptions: () => ['rw', 'nosuid', 'nodev'],
    writable: () => true,
    pidNamespace: () => '4026531836',
    ...change,
  };
}

describe('the memory filesystem', () => {
  it('is used when it is a tmpfs with room, sensors may run from it, and folder names can say whose they are', () => {
    expect(memoryBase(probe(), '/dev/shm')).toEqual({ dir: '/dev/shm', namespace: '4026531836' });
  });

  it.each<[string, Partial<MemoryProbe>]>([
    ['a disk', { statfs: () => ({ type: 0xef53, freeBytes: 8 * 1024 ** 3, freeInodes: 2 ** 20 }) }],
    ["Docker's 64 MiB", { statfs: () => ({ type: TMPFS_MAGIC, freeBytes: 64 * 1024 ** 2, freeInodes: 2 ** 20 }) }],
    ['just short of room', { statfs: () => ({ type: TMPFS_MAGIC, freeBytes: MIN_FREE_BYTES - 1, freeInodes: 2 ** 20 }) }],
    ['short of inodes', { statfs: () => ({ type: TMPFS_MAGIC, freeBytes: 8 * 1024 ** 3, freeInodes: MIN_FREE_INODES - 1 }) }],
    ['mounted noexec (sensors run from the view)', { mountOptions: () => ['rw', 'nosuid', 'nodev', 'noexec'] }],
    ['not a mount point', { mountOptions: () => undefined }],
    ['missing', { statfs: () => undefined }],
    ['not writable', { writable: () => false }],
    ['of a process whose pid namespace /proc does not say', { pidNamespace: () => undefined }],
  ])('is not used when it is %s: the scratch goes under RUNNER_TEMP', (_, change) => {
    expect(memoryBase(probe(change), '/dev/shm')).toBeUndefined();
    const scratch = makeScratch({ RUNNER_TEMP: root }, { probe: probe(change), memoryDir: '/dev/shm' });
    expect(path.dirname(scratch.dir)).toBe(root);
    expect(path.basename(scratch.dir)).toMatch(/^looop-[A-Za-z0-9]{6}$/);
  });

  it("reads a mount's own options from mountinfo, the last mount at the place winning", () => {
    const mountinfo = [
      '24 29 0:22 / /dev/shm rw,nosuid,nodev,noexec shared:4 - tmpfs tmpfs rw',
      '36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue',
      '40 24 0:33 / /dev/shm rw,nosuid,nodev shared:5 - tmpfs tmpfs rw,size=8g',
    ].join('\n');
    expect(mountOptionsIn(mountinfo, '/dev/shm')).toEqual(['rw', 'nosuid', 'nodev']);
    expect(mountOptionsIn(mountinfo, '/dev/shm/x')).toBeUndefined();
  });

  it("is this machine's /dev/shm when it qualifies, and the real probe reads this machine", () => {
    const namespace = realProbe.pidNamespace();
    expect(namespace).toMatch(/^\d+$/);
    const fs = realProbe.statfs('/dev/shm');
    const fit =
      fs?.type === TMPFS_MAGIC &&
      fs.freeBytes >= MIN_FREE_BYTES &&
      fs.freeInodes >= MIN_FREE_INODES &&
      realProbe.mountOptions('/dev/shm')?.includes('noexec') === false &&
      realProbe.writable('/dev/shm');
    expect(memoryBase()).toEqual(fit ? { dir: '/dev/shm', namespace } : undefined);
  });

  it('full since the check (mkdtemp refused) leaves the beat on disk', () => {
    const scratch = makeScratch({ RUNNER_TEMP: root }, { probe: probe(), memoryDir: path.join(root, 'gone') });
    expect(path.dirname(scratch.dir)).toBe(root);
  });
});

describe('a full disk or memory', () => {
  it("is said with where the beat's files were and what decides the place", () => {
    const scratch = makeScratch({ RUNNER_TEMP: root }, { probe: probe({ statfs: () => undefined }), memoryDir: '/dev/shm' });
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(roomHint(full)).toContain(scratch.dir);
    expect(roomHint(full)).toContain('/dev/shm when that has 512 MiB free');
    expect(roomHint(new Error('something else'))).toBe('');
  });
});

describe('a scratch folder in memory', () => {
  it('is named for its process and removed when disposed', async () => {
    const memory = path.join(root, 'shm');
    mkdirSync(memory);
    const scratch = makeScratch({}, { probe: probe(), memoryDir: memory });
    expect(path.basename(scratch.dir)).toMatch(new RegExp(`^looop-4026531836-${String(process.pid)}-[A-Za-z0-9]{6}$`));
    writeFileSync(path.join(scratch.dir, 'view'), 'x');
    await scratch[Symbol.asyncDispose]();
    expect(readdirSync(memory)).toEqual([]);
  });

  it('left by a killed beat is removed by the next; a live beat\'s, another namespace\'s and other names are left', async () => {
    const memory = path.join(root, 'shm');
    const dead = await deadPid();
    const folders = {
      dead: `looop-4026531836-${String(dead)}-AbC123`,
      live: `looop-4026531836-${String(process.pid)}-AbC123`,
      otherNamespace: `looop-4026539999-${String(dead)}-AbC123`,
      notOurs: `looop-4026531836-${String(dead)}-AbC123-extra`,
      someoneElse: 'pulse-shm-12345',
    };
    for (const name of Object.values(folders)) mkdirSync(path.join(memory, name, 'view', 'goals'), { recursive: true });
    sweep(memory, '4026531836');
    expect(readdirSync(memory).sort()).toEqual([folders.live, folders.otherNamespace, folders.notOurs, folders.someoneElse].sort());
  });

  it('left by a killed beat is removed even when memory is now too short for a new one (it may be why)', async () => {
    const memory = path.join(root, 'shm');
    const dead = `looop-4026531836-${String(await deadPid())}-AbC123`;
    mkdirSync(path.join(memory, dead, 'view'), { recursive: true });
    const scratch = makeScratch({ RUNNER_TEMP: root }, { probe: probe({ statfs: () => ({ type: TMPFS_MAGIC, freeBytes: 1024, freeInodes: 2 ** 20 }) }), memoryDir: memory });
    expect(readdirSync(memory)).toEqual([]);
    expect(path.dirname(scratch.dir)).toBe(root);
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('is removed when a %s ends the beat, which still ends by that signal', async (signal) => {
    const memory = path.join(root, 'shm');
    mkdirSync(memory);
    const holder = await hold([memory]);
    expect(existsSync(path.join(holder.dir, 'view/goals/a.md'))).toBe(true);
    holder.signal(signal);
    expect(await holder.ended).toEqual({ code: null, signal });
    expect(readdirSync(memory)).toEqual([]);
  });

  it('is removed on a signal even with a folder a sensor made read-only in it, by a user who is not root', async () => {
    const memory = path.join(root, 'shm');
    mkdirSync(memory, { mode: 0o1777 });
    chmodSync(memory, 0o1777);
    chmodSync(root, 0o755);
    // As root, any folder can be removed: the holder is then another user.
    const holder = await hold([memory, 'read-only'], process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {});
    expect(statSync(path.join(holder.dir, 'view/goals')).mode & 0o777).toBe(0o555);
    holder.signal('SIGTERM');
    expect(await holder.ended).toEqual({ code: null, signal: 'SIGTERM' });
    expect(readdirSync(memory)).toEqual([]);
  });

  it.runIf(canUnshare())('is removed on a signal to a container\'s first process, which the kernel would not let the signal end: it exits 143', async () => {
    const memory = path.join(root, 'shm');
    mkdirSync(memory);
    const holder = await hold([memory], {}, ['unshare', '-p', '-f', '--kill-child', '--mount-proc']);
    holder.signal('SIGTERM');
    expect(await holder.ended).toEqual({ code: 143, signal: null });
    expect(readdirSync(memory)).toEqual([]);
  });
});

interface Holder {
  /** Sends a signal to the process that holds the folder. */
  signal(signal: NodeJS.Signals): void;
  readonly dir: string;
  readonly ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The holder fixture started (under `wrapper`, as `ids`), once it has made its folder. */
async function hold(args: string[], ids: { uid?: number; gid?: number } = {}, wrapper: string[] = []): Promise<Holder> {
  const command = [...wrapper, process.execPath, path.join(PROJECT, 'test/fixtures/scratch/holder.ts'), ...args];
  const child = spawn(command[0] ?? '', command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'], ...ids });
  started.push(child);
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  const dir = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => {
      resolve(chunk.toString().trim());
    });
    void ended.then((how) => {
      reject(new Error(`the holder ended before it made its folder: ${JSON.stringify(how)}`));
    });
  });
  // Under unshare, the signal goes to the holder itself (the first process of its namespace), not to unshare.
  const pid = wrapper.length === 0 ? child.pid : Number(execFileSync('pgrep', ['-P', String(child.pid), '-f', 'holder.ts'], { encoding: 'utf8' }).trim());
  return {
    signal: (signal) => {
      process.kill(pid ?? 0, signal);
    },
    dir,
    ended,
  };
}

/** Whether this machine lets a test make a pid namespace (root, and not a container that forbids it). */
function canUnshare(): boolean {
  try {
    execFileSync('unshare', ['-p', '-f', '--mount-proc', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A pid no process holds: a child's, once it has ended and been reaped. */
async function deadPid(): Promise<number> {
  const child = spawn('true');
  await new Promise((resolve) => child.on('exit', resolve));
  const pid = child.pid ?? 0;
  await eventually(() => {
    try {
      process.kill(pid, 0);
      return false;
    } catch {
      return true;
    }
  });
  return pid;
}
