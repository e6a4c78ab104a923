/**
 * `npm run -s durations`: writes test/durations.json, each test file's seconds in the last full
 * run (.vitest-report.json), which test/setup/sequencer.ts starts longest first. Run it after a
 * whole `npm test` on the 2-core machine when files were added or grew.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { byText } from '../src/text/canonical.ts';
import { DURATIONS } from '../test/setup/sequencer.ts';

const project = path.resolve(import.meta.dirname, '..');
const report = JSON.parse(readFileSync(path.join(project, '.vitest-report.json'), 'utf8')) as { testResults: { name: string; startTime: number; endTime: number }[] };
const seconds = report.testResults
  .map((file) => [path.relative(project, file.name), Math.round((file.endTime - file.startTime) / 100) / 10] as const)
  .sort(([a], [b]) => byText(a, b));
if (seconds.length < 50) throw new Error(`.vitest-report.json has ${String(seconds.length)} test files: it is not a whole run's. Run npm test first.`);
writeFileSync(DURATIONS, `${JSON.stringify(Object.fromEntries(seconds), null, 2)}\n`);
console.log(`test/durations.json: ${String(seconds.length)} files`);
