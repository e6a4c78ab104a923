/**
 * The idle beat against its floor and its state at scale: a minimal action built here with the
 * project's own ncc, and sandboxes whose state branch holds 1,000 goals, 100 sensors, or 10,000
 * commits with a 10 MB journal. All are run in turn, round after round, so that a shared
 * machine's slow moments fall on all of them alike; each figure is a median, each ratio is taken
 * within the one run.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { memoryBase } from '../../src/io/scratch.ts';
import { formatJournalLine } from '../../src/state/journal.ts';
import { beat, benchDir, median, project, runAction, sandbox, steer, type Run, type Sandbox } from './sandbox.ts';

/** Bundles scripts/bench/minimal-action.ts as the action is bundled; returns its entry. */
export function buildMinimalAction(): string {
  const out = benchDir('looop-bench-minimal-');
  execFileSync(path.join(project, 'node_modules/.bin/ncc'), ['build', 'scripts/bench/minimal-action.ts', '-o', out, '--target', 'es2022', '--quiet'], { cwd: project, stdio: 'inherit' });
  return path.join(out, 'index.js');
}

/** A sandbox whose state branch is seeded and decided on: the next beat is idle. */
export async function starterState(): Promise<Sandbox> {
  const box = sandbox();
  await beat(box); // seeds the branch and decides
  await beat(box); // a beat after a decision is idle; this one proves it runs
  return box;
}

const GOAL_BODY = Array.from({ length: 12 }, (_, i) => `- a line of desired state, number ${i}, as people write them`).join('\n');

export function goalFiles(count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`goals/goal-${i}.md`, `---\nstatus: ${i % 10 === 0 ? 'done' : 'active'}\npriority: ${i % 7}\n---\n# Goal ${i}\n\n${GOAL_BODY}\n`]));
}

export async function goalsState(count: number): Promise<Sandbox> {
  const box = await starterState();
  steer(box, goalFiles(count));
  await beat(box); // decides on the steering change
  return box;
}

export function quickSensors(count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`sensors/quick-${i}.sh`, `#!/bin/sh\necho '{"signal": {"n": ${i}}, "detail": "quick"}'\n`]));
}

export function slowSensors(count: number, seconds: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`sensors/slow-${i}`, `#!/bin/sh\nsleep ${seconds}\necho '{"signal": ${i}}'\n`]));
}

export async function sensorsState(count: number): Promise<Sandbox> {
  const box = await starterState();
  steer(box, quickSensors(count), true);
  await beat(box);
  return box;
}

/** Where a beat here keeps its scratch: in memory when the machine has room for it (src/io/scratch.ts), else RUNNER_TEMP. */
function scratchBase(box: Sandbox): string {
  return memoryBase()?.dir ?? path.join(box.root, 'tmp');
}

/**
 * What this machine itself charges for what a scaled state asks of any beat, taken in turn with
 * the beats: writing its files where the beat writes its view, one after another from this
 * process, as the beat does.
 */
export function filesFloor(box: Sandbox, files: Record<string, string>): Subject['run'] {
  return () => {
    const dir = mkdtempSync(path.join(scratchBase(box), 'looop-floor-'));
    const started = performance.now();
    for (const folder of new Set(Object.keys(files).map((file) => path.dirname(file)))) mkdirSync(path.join(dir, folder), { recursive: true });
    for (const [file, content] of Object.entries(files)) writeFileSync(path.join(dir, file), content, { flag: 'wx' });
    const ms = performance.now() - started;
    rmSync(dir, { recursive: true, force: true });
    return Promise.resolve({ ms, rssMb: 0 });
  };
}

/**
 * The same for sensors: the scripts started at once by a plain shell loop, stdin from /dev/null
 * and their output to files as the launcher does, and waited for. No bookkeeping, no timeout,
 * no cap: less than any launcher can do.
 */
export function sensorsFloor(box: Sandbox, scripts: Record<string, string>): Subject['run'] {
  const folder = mkdtempSync(path.join(box.root, 'floor-sensors-'));
  for (const [file, content] of Object.entries(scripts)) writeFileSync(path.join(folder, path.basename(file)), content, { mode: 0o755 });
  const loop = 'out=$1; shift; for f; do "$f" </dev/null >"$out/${f##*/}.out" 2>"$out/${f##*/}.err" & done; wait';
  return async () => {
    const out = mkdtempSync(path.join(scratchBase(box), 'looop-floor-'));
    const started = performance.now();
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn('/bin/sh', ['-c', loop, 'floor', out, ...Object.keys(scripts).map((file) => path.join(folder, path.basename(file)))], { stdio: 'ignore' });
      child.on('error', reject);
      child.on('close', resolve);
    });
    const ms = performance.now() - started;
    rmSync(out, { recursive: true, force: true });
    if (code !== 0) throw new Error(`the sensors' floor loop ended with ${String(code)}`);
    return { ms, rssMb: 0 };
  };
}

/**
 * `commits` commits on top of the state, the journal growing to `journalBytes` over them (in
 * ten steps: git has no append, and a stream with every version would be gigabytes), then the
 * origin repacked as a hosted repository is. The journal is the loop's own: no signal changes.
 */
export async function historyState(commits: number, journalBytes: number): Promise<Sandbox> {
  const box = await starterState();
  const tip = box.git(['rev-parse', 'refs/heads/loop-state'], box.origin).trim();
  const current = box.git(['cat-file', 'blob', `${tip}:journal.md`], box.origin);
  const rows: string[] = [];
  let size = current.length;
  for (let i = 0; size < journalBytes; i++) {
    const row = formatJournalLine({ at: new Date(Date.UTC(2025, 0, 1, 0, i)), beat: `${100_000 + i}-1`, move: i % 3 === 0 ? 'goal_write' : 'noop', summary: `the world as it stood at beat ${i}: nothing that needs a move`, outcome: 'ok' });
    rows.push(row);
    size += row.length + 1;
  }
  const journalAt = (fraction: number): string => `${current.endsWith('\n') ? current : `${current}\n`}${rows.slice(0, Math.round(rows.length * fraction)).join('\n')}\n`;
  const stream: string[] = [];
  for (let i = 1; i <= commits; i++) {
    const message = `looop: beat ${i}-1\n`;
    stream.push(`commit refs/heads/loop-state\ncommitter looop <looop@users.noreply.github.com> ${1_735_689_600 + i * 3600} +0000\ndata ${Buffer.byteLength(message)}\n${message}`);
    if (i === 1) stream.push(`from ${tip}\n`);
    if (i % Math.ceil(commits / 10) === 0 || i === commits) {
      const text = journalAt(i / commits);
      stream.push(`M 100644 inline journal.md\ndata ${Buffer.byteLength(text)}\n${text}\n`);
    }
  }
  box.git(['fast-import', '--quiet'], box.origin, stream.join(''));
  box.git(['repack', '-a', '-d', '-q'], box.origin);
  await beat(box);
  return box;
}

export interface Subject {
  readonly name: string;
  readonly run: () => Promise<Run>;
}

/** Every subject once per round, `rounds` times; the median time and the peak memory of each. */
export async function interleaved(subjects: readonly Subject[], rounds: number): Promise<Map<string, { ms: number; rssMb: number }>> {
  const runs = new Map<string, Run[]>(subjects.map((s) => [s.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const subject of subjects) runs.get(subject.name)?.push(await subject.run());
  }
  return new Map([...runs].map(([name, list]) => [name, { ms: median(list.map((r) => r.ms)), rssMb: Math.max(...list.map((r) => r.rssMb)) }]));
}

export { runAction };
