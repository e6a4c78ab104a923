/**
 * The demo's scripted runner. It is NOT a model: it reads the prompt the loop built and picks
 * a move by a few fixed rules, so the demo shows the loop (sense, decide, act, record) on any
 * machine without an API key. Pass --runner claude to the demo to have a real model decide.
 */
import { readFileSync } from 'node:fs';

const prompt = readFileSync(0, 'utf8');

function move(): object {
  if (prompt.includes('Your last move ran a command')) {
    const output = /Output \(tail\):\n`{3,}\n([\s\S]*?)\n`{3,}/.exec(prompt)?.[1] ?? '';
    const found = output.split('\n').filter((line) => line.includes('TODO')).length;
    return {
      type: 'goal_write',
      reason: `the search found ${found} TODO line(s); record them in the goal so the next step is clear`,
      slug: 'no-todos',
      body: `---\nstatus: active\npriority: 1\n---\n# No TODOs left in the docs\n\nFound by the loop:\n\n${output.trim()}\n`,
    };
  }
  if (prompt.includes('### todos (changed)')) {
    return { type: 'run', reason: 'the TODO count changed: list them before deciding anything', command: 'grep -rn --exclude-dir=.git TODO .' };
  }
  if (prompt.includes('### setup\n')) {
    return { type: 'noop', reason: 'the setup goal is active: waiting for a person to set goals and sensors' };
  }
  return { type: 'noop', reason: 'nothing new to act on' };
}

console.log(`\`\`\`json\n${JSON.stringify(move())}\n\`\`\``);
