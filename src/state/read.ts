import { createHash } from 'node:crypto';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseAsk, type Ask } from '../asks.ts';
import { parseGoal, type Goal } from '../goals.ts';
import { isName } from './names.ts';
import { MEMORY_FILE, parseMemory, type Memory } from './memory.ts';

/** A sensor script as found in `sensors/`. */
export interface SensorScript {
  /** The reading's name: the file name without its extension. */
  readonly name: string;
  /** Path inside the state tree, e.g. `sensors/ci.sh`. */
  readonly file: string;
  /** Content digest and executable bit: editing a sensor is a change to the world. */
  readonly digest: string;
  /** Why this file cannot run as a sensor; it then reads as an error. */
  readonly problem?: string;
}

/** A sensor's reading as recorded at the last decision. */
export interface Snapshot {
  readonly signal: unknown;
  readonly detail?: unknown;
}

export interface LoadedAsk {
  readonly ask: Ask;
  /** The file as read: a claim on the ask holds only while the file is still this. */
  readonly text: string;
}

/** The state branch as a beat reads it. */
export interface LoadedState {
  /** The worktree holding the state branch. */
  readonly dir: string;
  readonly playbook: string;
  readonly goals: readonly Goal[];
  readonly sensors: readonly SensorScript[];
  readonly snapshots: Readonly<Record<string, Snapshot>>;
  readonly memory: Memory;
  /** Every ask on the branch, open or resolved, with the file text it was read from. */
  readonly asks: readonly LoadedAsk[];
  /** The journal's last lines (read from its end: the journal may be long). */
  readonly journalTail: readonly string[];
  /** budget.json as it stands, or null before the first decision. */
  readonly budget: string | null;
  /** The beats whose decisions are kept under runs/. */
  readonly runs: readonly string[];
  /** Things wrong in the tree that a person should fix (bad front matter, stray files). */
  readonly problems: readonly string[];
}

const JOURNAL_TAIL_BYTES = 64 * 1024;

export async function readState(dir: string): Promise<LoadedState> {
  const problems: string[] = [];
  const [playbook, goals, sensors, memoryText, journalTail, asks, budget, runs] = await Promise.all([
    readText(path.join(dir, 'PLAYBOOK.md')),
    readGoals(dir, problems),
    readSensors(dir, problems),
    readText(path.join(dir, MEMORY_FILE)),
    readTail(path.join(dir, 'journal.md'), JOURNAL_TAIL_BYTES),
    readAsks(dir, problems),
    readText(path.join(dir, 'budget.json')),
    readdir(path.join(dir, 'runs')).catch(() => []),
  ]);
  const { memory, problem } = parseMemory(memoryText);
  if (problem !== undefined) problems.push(problem);
  return {
    dir,
    playbook: playbook ?? '',
    goals,
    sensors,
    snapshots: await readSnapshots(dir, sensors),
    memory,
    asks,
    journalTail,
    budget,
    runs: runs.filter((name) => !name.startsWith('.')),
    problems,
  };
}

async function readAsks(dir: string, problems: string[]): Promise<LoadedAsk[]> {
  const files = (await listFiles(path.join(dir, 'asks'))).filter((file) => file.endsWith('.md') && isName(file.slice(0, -3)));
  const texts = await Promise.all(files.map(async (file) => [file, (await readText(path.join(dir, 'asks', file))) ?? ''] as const));
  return texts.flatMap(([file, text]) => {
    const parsed = parseAsk(text);
    if (parsed.ok) return [{ ask: parsed.ask, text }];
    problems.push(`asks/${file} ${parsed.problem}; it is ignored until fixed`);
    return [];
  });
}

/** A file's text, or null when it does not exist. */
export async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function readGoals(dir: string, problems: string[]): Promise<Goal[]> {
  const goals: Goal[] = [];
  for (const file of await listFiles(path.join(dir, 'goals'))) {
    const slug = file.replace(/\.md$/, '');
    if (!file.endsWith('.md') || !isName(slug)) {
      problems.push(`goals/${file} is ignored: goal files are named <slug>.md with a slug of a-z, 0-9 and -`);
      continue;
    }
    const goal = parseGoal(slug, (await readText(path.join(dir, 'goals', file))) ?? '');
    if (goal.problem !== undefined) problems.push(`goals/${file}: ${goal.problem}; read as active`);
    goals.push(goal);
  }
  return goals;
}

async function readSensors(dir: string, problems: string[]): Promise<SensorScript[]> {
  const sensors: SensorScript[] = [];
  const seen = new Set<string>();
  for (const file of await listFiles(path.join(dir, 'sensors'))) {
    if (/^readme/i.test(file)) continue;
    const full = path.join(dir, 'sensors', file);
    const [content, info] = await Promise.all([readFile(full), stat(full)]);
    const executable = (info.mode & 0o111) !== 0;
    const digest = createHash('sha256').update(content).update(executable ? 'x' : '-').digest('hex');
    const stem = file.replace(/\.[A-Za-z0-9]+$/, '');
    const name = isName(stem) ? stem : sanitize(stem);
    const problem = sensorProblem(file, stem, name, executable, seen);
    if (problem !== undefined) problems.push(problem);
    seen.add(name);
    sensors.push({ name, file: `sensors/${file}`, digest, ...(problem === undefined ? {} : { problem }) });
  }
  return sensors;
}

function sensorProblem(file: string, stem: string, name: string, executable: boolean, seen: Set<string>): string | undefined {
  if (stem !== name) return `sensors/${file}: sensor names use a-z, 0-9 and - (read as "${name}")`;
  if (seen.has(name)) return `sensors/${file}: another sensor is also named "${name}"`;
  if (!executable) return `sensors/${file} is not executable: run "git update-index --chmod=+x sensors/${file}"`;
  return undefined;
}

function sanitize(stem: string): string {
  const cleaned = stem.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '').slice(0, 64);
  return cleaned === '' ? 'sensor' : cleaned;
}

async function readSnapshots(dir: string, sensors: readonly SensorScript[]): Promise<Record<string, Snapshot>> {
  const entries = await Promise.all(
    sensors.map(async (sensor) => {
      const text = await readText(path.join(dir, 'snapshots', `${sensor.name}.json`));
      if (text === null) return undefined;
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed === null || typeof parsed !== 'object' || !('signal' in parsed)) return undefined;
        return [sensor.name, parsed] as const;
      } catch {
        return undefined;
      }
    }),
  );
  return Object.fromEntries(entries.filter((entry) => entry !== undefined));
}

/** The last lines of a file, reading only its end, so a beat costs the same whatever its length. */
async function readTail(file: string, bytes: number): Promise<string[]> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - bytes);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const lines = buffer.toString('utf8').split('\n');
    // The first line may have been cut in the middle.
    return (start > 0 ? lines.slice(1) : lines).filter((line) => line !== '');
  } finally {
    await handle.close();
  }
}
