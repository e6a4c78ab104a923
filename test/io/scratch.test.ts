/**
 * A beat's scratch folder lives in memory where the machine has a memory filesystem fit for it,
 * and is gone when the beat ends however it ends: done, cancelled by the runner's signals, or
 * killed outright (then the next beat on the machine removes it).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeScratch, memoryBase, MIN_FREE_BYTES, mountOptionsIn, realProbe, sweep, TMPFS_MAGIC, type MemoryProbe } from '../../src/io/scratch.ts';
import { PROJECT } from '../helpers/action.ts';
import { eventually } from '../helpers/processes.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'looop-scratch-test-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A machine whose memory filesystem is fit, with one thing changed. */
function probe(change: Partial<MemoryProbe> = {}): MemoryProbe {
  return {
    statfs: () => ({ type: TMPFS_MAGIC, freeBytes: 8 * 1024 ** 3 }),
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
    ['a disk', { statfs: () => ({ type: 0xef53, freeBytes: 8 * 1024 ** 3 }) }],
    ["Docker's 64 MiB", { statfs: () => ({ type: TMPFS_MAGIC, freeBytes: 64 * 1024 ** 2 }) }],
    ['just short of room', { statfs: () => ({ type: TMPFS_MAGIC, freeBytes: MIN_FREE_BYTES - 1 }) }],
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
    const base = memoryBase();
    if (base !== undefined) expect(base).toEqual({ dir: '/dev/shm', namespace });
    else expect(realProbe.statfs('/dev/shm')?.type !== TMPFS_MAGIC || (realProbe.statfs('/dev/shm')?.freeBytes ?? 0) < MIN_FREE_BYTES || realProbe.mountOptions('/dev/shm')?.includes('noexec') !== false).toBe(true);
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

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('is removed when a %s ends the beat, which still ends by that signal', async (signal) => {
    const memory = path.join(root, 'shm');
    mkdirSync(memory);
    const child = spawn(process.execPath, [path.join(PROJECT, 'test/fixtures/scratch/holder.ts'), memory], { stdio: ['ignore', 'pipe', 'inherit'] });
    const dir = await new Promise<string>((resolve) => {
      child.stdout.once('data', (chunk: Buffer) => {
        resolve(chunk.toString().trim());
      });
    });
    expect(existsSync(path.join(dir, 'view/goals/a.md'))).toBe(true);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => {
      child.on('exit', (_, by) => {
        resolve(by);
      });
    });
    child.kill(signal);
    expect(await ended).toBe(signal);
    expect(readdirSync(memory)).toEqual([]);
  });
});

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
