/**
 * The checks before the tests, at once: types, lint, and dist/ against src/. Each is mostly one
 * core's work for tens of seconds; side by side on two cores they take as long as the longest.
 * Each one's output is printed whole once it ends, in this order, and any failure fails all.
 */
import { spawn } from 'node:child_process';

const CHECKS = ['typecheck', 'lint', 'check-dist'];

function run(script: string): Promise<{ script: string; code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => {
      resolve({ script, code: null, output: `${output}could not start npm: ${error.message}\n` });
    });
    child.on('close', (code) => {
      resolve({ script, code, output });
    });
  });
}

const results = await Promise.all(CHECKS.map(run));
for (const { script, code, output } of results) {
  if (output.trim() !== '') process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  if (code !== 0) console.error(`npm run ${script} failed (exit ${String(code)})`);
}
process.exitCode = results.every((result) => result.code === 0) ? 0 : 1;
