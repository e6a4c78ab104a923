/**
 * `npm run bench`: the figures that say whether the loop is cheap when idle, printed with
 * their targets. Runs the bundled action as GitHub does, on throwaway local repositories.
 * Method: medians of runs taken in turn with what they are compared with (a shared machine's
 * times move by a third), and ratios taken within the one run. LOOOP_BENCH_ROUNDS sets the
 * number of rounds (9).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatJournalLine, JOURNAL_HEADER } from '../src/state/journal.ts';
import { buildPrompt } from '../src/prompt/build.ts';
import { senseResources } from '../src/resources/index.ts';
import { promptFigures } from './bench-prompt.ts';
import { readStateDir } from '../src/state/read.ts';
import { claudeStream } from '../src/runners/streams/claude.ts';
import { startStandin, type Standin } from '../test/github-standin/server.ts';
import { ACTION, BENCH_DIR, beat, median, project, removeSandboxes, sandbox, steer, type Sandbox } from './bench/sandbox.ts';
import { buildMinimalAction, filesFloor, goalFiles, goalsState, historyState, interleaved, quickSensors, runAction, sensorsFloor, sensorsState, slowSensors, starterState } from './bench/scale.ts';

const RUNS = Number(process.env.LOOOP_BENCH_ROUNDS ?? 9);

function nodeStartup(): number {
  const runs = Array.from({ length: RUNS }, () => {
    const started = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    return performance.now() - started;
  });
  return median(runs);
}

/** A sandbox whose state has `open` pending asks whose issues exist on its own GitHub stand-in, past the beats that decide on them. */
async function asksWorld(open: number): Promise<{ open: number; box: Sandbox; standin: Standin }> {
  const standin = await startStandin();
  const box = sandbox();
  await beat(box, standin); // seeds, opens the setup ask
  const setup = standin.issues('bench', 'project')[0]?.number ?? 0;
  standin.addComment('bench', 'project', setup, { login: 'bench', body: '/deny' });
  standin.setPermission('bench', 'project', 'bench', 'admin');
  const files: Record<string, string> = {};
  for (let i = 0; i < open; i++) {
    const issue = standin.addIssue('bench', 'project', { login: 'github-actions[bot]', type: 'Bot', title: `ask ${i}`, labels: ['looop:ask'] });
    // As the loop writes them: the front matter in JSON.
    const ask = { id: `q-${i}`, status: 'pending', question: `question ${i}`, reason: 'r', issue: issue.number, created: '2026-11-23T00:00:00Z' };
    files[`asks/q-${i}.md`] = `---\n${JSON.stringify(ask, null, 2)}\n---\n# question ${i}\n`;
  }
  if (open > 0) steer(box, files);
  await beat(box, standin); // reads the denial and the new asks, decides
  await beat(box, standin); // the decision's follow-up, if any
  await beat(box, standin); // the first beat after a change decides; the rest are idle
  standin.resetRequests();
  return { open, box, standin };
}

/** Requests an idle beat makes, and its time, with each count of pending asks: the worlds' idle beats taken in turn, as the scaled states'. */
async function idleWithAsks(opens: readonly number[]): Promise<{ requests: number; ms: number }[]> {
  const worlds: Awaited<ReturnType<typeof asksWorld>>[] = [];
  try {
    for (const open of opens) worlds.push(await asksWorld(open));
    const timed = await interleaved(
      worlds.map((world) => ({ name: String(world.open), run: () => beat(world.box, world.standin) })),
      RUNS,
    );
    return worlds.map((world) => ({ requests: world.standin.requests.length / RUNS, ms: timed.get(String(world.open))?.ms ?? Number.NaN }));
  } finally {
    for (const world of worlds) await world.standin.close();
  }
}

async function promptBytes(journalLines: number): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'looop-bench-prompt-'));
  try {
    execFileSync('cp', ['-r', `${path.join(project, 'loop-state')}/.`, dir]);
    const rows = Array.from({ length: journalLines }, (_, i) =>
      formatJournalLine({ at: new Date(Date.UTC(2026, 0, 1, 0, i)), beat: `${1000 + i}-1`, move: 'noop', summary: `nothing to do, beat ${i}`, outcome: 'ok' }),
    );
    writeFileSync(path.join(dir, 'journal.md'), `${JOURNAL_HEADER}${rows.join('\n')}\n`);
    const state = await readStateDir(dir);
    const readings = [{ name: 'repo-head', signal: { head: 'f'.repeat(40) }, detail: { subject: 'a commit' } }];
    return Buffer.byteLength(buildPrompt({ state, readings, virtual: senseResources(state), changed: ['repo-head'], beat: '1-1', now: new Date() }).text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Parses a claude stream of `megabytes` (the captured events repeated, in 64 KiB reads) and
 * reports throughput, and how far the heap grew: it must not grow with the stream. The heap is
 * measured in a second pass, after a full collection every 4 MiB (the bench runs with
 * --expose-gc), so what is counted is what the parser holds, not garbage not yet collected.
 */
function parseThroughput(megabytes: number): { mbPerS: number; heapGrowthMb: number } {
  const events = readFileSync(path.join(project, 'test/fixtures/runner-streams/claude-stream-gleam-tooluse-session.jsonl'), 'utf8');
  const body = events.split('\n').filter((line) => line.trim() !== '' && !line.includes('"type":"result"')).join('\n') + '\n';
  const result = events.split('\n').find((line) => line.includes('"type":"result"')) ?? '';
  const chunk = Buffer.from(body.repeat(Math.ceil(65_536 / body.length))).subarray(0, 65_536).toString('latin1');
  const chunks = Math.ceil((megabytes * 1024 * 1024) / chunk.length);
  const parse = (sample: (i: number) => void): void => {
    const parser = claudeStream();
    for (let i = 0; i < chunks; i++) {
      parser.push(chunk);
      sample(i);
    }
    parser.push(`\n${result}\n`);
    parser.end();
  };
  const started = performance.now();
  parse(() => undefined);
  const seconds = (performance.now() - started) / 1000;
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  parse((i) => {
    if (i % 64 !== 63) return;
    globalThis.gc?.();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  });
  return { mbPerS: (chunks * chunk.length) / 1024 / 1024 / seconds, heapGrowthMb: (peak - before) / 1024 / 1024 };
}

function row(name: string, figure: string, target: string, ok: boolean): void {
  console.log(`${ok ? 'ok  ' : 'MISS'}  ${name.padEnd(46)} ${figure.padStart(16)}   target ${target}`);
}

const only = process.env.LOOOP_BENCH_ONLY === 'scale';
/** What the machine charges for a scaled state's work with nothing of the loop's around it (bench/scale.ts). */
const FLOORS: Partial<Record<string, string>> = {
  goals: '1,000 goal files written',
  sensors: '100 sensors by a plain shell loop',
  slow: 'the 20 by a plain shell loop',
};
// First, in a process that has not yet grown its heap on the states below: the heap's growth is the figure.
const [parse10, parse50] = only ? [{ mbPerS: 0, heapGrowthMb: 0 }, { mbPerS: 0, heapGrowthMb: 0 }] : [parseThroughput(10), parseThroughput(50)];
const minimal = buildMinimalAction();
const slow = await starterState();
steer(slow, slowSensors(20, 0.2), true);
await beat(slow); // decides on the new sensors
const states = { starter: await starterState(), goals: await goalsState(1000), sensors: await sensorsState(100), history: await historyState(10_000, 10 * 1024 * 1024), slow };
const scale = await interleaved(
  [
    { name: 'minimal', run: () => runAction(states.starter, minimal) },
    ...Object.entries(states).map(([name, box]) => ({ name, run: () => beat(box) })),
    { name: 'goals floor', run: filesFloor(states.goals, goalFiles(1000)) },
    { name: 'sensors floor', run: sensorsFloor(states.sensors, quickSensors(100)) },
    { name: 'slow floor', run: sensorsFloor(states.slow, slowSensors(20, 0.2)) },
  ],
  RUNS,
);
const figure = (name: string): { ms: number; rssMb: number } => scale.get(name) ?? { ms: Number.NaN, rssMb: Number.NaN };
const idle = figure('starter');
const withSensors = figure('slow');
const overhead = withSensors.ms - idle.ms;
const startup = nodeStartup();
const [small, large, seed] = only ? [0, 0, 0] : await Promise.all([promptBytes(1000), promptBytes(10_000), promptBytes(0)]);
const asks = only ? [] : await idleWithAsks([0, 10, 100]);
removeSandboxes();

console.log(`looop-action bench, Node ${process.version}, medians of ${RUNS} runs; ratios within this run`);
console.log(
  `method: the minimal action (scripts/bench/minimal-action.ts, bundled here by node_modules/.bin/ncc) and idle beats on the starter state, 1,000 goals,\n` +
    `100 sensors, 10,000 commits with a 10 MB journal (origin repacked) and 20 sensors of 200 ms, run in turn for ${RUNS} rounds, with the machine's floors for\n` +
    `the scaled states (their files written, their sensors run by a plain shell loop, nothing of the loop's around); peak memory is the beat's own VmHWM;\n` +
    `sandboxes (and RUNNER_TEMP) under ${BENCH_DIR} (LOOOP_BENCH_DIR); the action ${path.relative(project, ACTION) || ACTION} (LOOOP_BENCH_ACTION)\n`,
);
row('node -e 0 (for scale)', `${startup.toFixed(0)} ms`, '-', true);
row('minimal action (@actions/core + github, ncc)', `${figure('minimal').ms.toFixed(0)} ms`, '-', true);
row('idle beat: node dist/index.js, unchanged world', `${idle.ms.toFixed(0)} ms`, '<= 250 ms', idle.ms <= 250);
const floor = idle.ms / figure('minimal').ms;
row('  idle beat / minimal action (interleaved)', `${floor.toFixed(2)} x`, '<= 1.6 x', floor <= 1.6);
row('idle beat: peak memory', `${idle.rssMb.toFixed(1)} MB`, '<= 70 MB', idle.rssMb <= 70);
for (const [name, label, limit] of [
  ['goals', 'idle beat, 1,000 goals / starter state', 1.5],
  ['sensors', 'idle beat, 100 sensors / starter state', 2],
  ['history', 'idle, 10,000 commits + 10 MB journal / starter', 1.1],
] as const) {
  const ratio = figure(name).ms / idle.ms;
  row(label, `${ratio.toFixed(2)} x`, `<= ${limit} x (${figure(name).ms.toFixed(0)} ms)`, ratio <= limit);
  const floor = FLOORS[name];
  if (floor !== undefined) row(`  floor: ${floor}`, `${figure(`${name} floor`).ms.toFixed(0)} ms`, `- (the target leaves ${((limit - 1) * idle.ms).toFixed(0)} ms over the starter state)`, true);
}
row('idle beat with 20 sensors of 200 ms', `${withSensors.ms.toFixed(0)} ms`, '-', true);
row('  cost of the 20 sensors over the idle beat', `${overhead.toFixed(0)} ms`, '<= 300 ms (1.5 x 200)', overhead <= 300);
row(`  floor: ${FLOORS.slow ?? ''}`, `${figure('slow floor').ms.toFixed(0)} ms`, '- (the sleeps alone: 200 ms)', true);
if (!only) {
  row('prompt bytes, journal of 1,000 lines', `${small} B`, '-', true);
  row('prompt bytes, journal of 10,000 lines', `${large} B`, '-', true);
  row('  ratio 10,000 / 1,000', (large / small).toFixed(3), '<= 1.05', large / small <= 1.05);
  row('seed prompt size', `${(seed / 1024).toFixed(1)} KB`, '<= 12 KB', seed <= 12 * 1024);
  for (const prompt of promptFigures()) {
    row(`worst-case steering change, prompt-budget ${prompt.budget}`, `${prompt.tokens} tokens`, `<= ${prompt.budget} (${prompt.leftOut} things left out, built in ${prompt.ms.toFixed(0)} ms)`, prompt.tokens <= prompt.budget);
  }
  for (const [i, open] of [0, 10, 100].entries()) {
    const limit = open === 100 ? 3 : 2;
    const requests = asks[i]?.requests ?? Infinity;
    row(`API requests per idle beat, ${open} open asks`, requests.toFixed(1), `<= ${limit}`, requests <= limit);
  }
  const [none, hundred] = [asks[0]?.ms ?? 0, asks[2]?.ms ?? 0];
  row('parse a 50 MB claude stream', `${parse50.mbPerS.toFixed(0)} MB/s`, '>= 100 MB/s', parse50.mbPerS >= 100);
  row('  heap growth while parsing 10 MB / 50 MB', `${parse10.heapGrowthMb.toFixed(1)} / ${parse50.heapGrowthMb.toFixed(1)} MB`, 'flat (50 MB <= 10 MB + 16)', parse50.heapGrowthMb <= parse10.heapGrowthMb + 16);
  row('idle beat with 100 open asks (vs none, GitHub stand-in, interleaved)', `${hundred.toFixed(0)} ms`, `<= ${(1.2 * none).toFixed(0)} ms (1.2 x ${none.toFixed(0)})`, hundred <= 1.2 * none);
}
