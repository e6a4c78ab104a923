/**
 * The demo's scripted runner. It is NOT a model: it reads the prompt the loop built and picks
 * a move by a few fixed rules, so the demo shows the loop (sense, decide, act, ask, record) on
 * any machine without an API key. Pass --runner claude to the demo to have a real model decide.
 */
import { readFileSync } from 'node:fs';

const prompt = readFileSync(0, 'utf8');
const lastOutput = /Your last move ran a command[\s\S]*?Output \(tail\):\n(`{3,})\n([\s\S]*?)\n\1/.exec(prompt)?.[2];

function move(): object {
  if (/### worker install-docs: done/.test(prompt)) {
    return { type: 'noop', reason: 'worker install-docs opened its pull request: merging it is a person\'s act' };
  }
  if (/### worker install-docs: (dispatched|running|waiting)/.test(prompt)) {
    return { type: 'noop', reason: 'worker install-docs is still at work' };
  }
  if (prompt.includes('### install-docs\n')) {
    return { type: 'spawn_worker', reason: 'the README has no install section: hand it to a worker', id: 'install-docs', goal: 'install-docs', prompt: 'Add an "Install" section to README.md that says how to install the project.', verify: 'grep -c Install README.md' };
  }
  if (/### run-[0-9a-f-]+ \(pending/.test(prompt)) {
    return { type: 'noop', reason: 'a person has not answered the pending ask yet' };
  }
  if (lastOutput?.includes('TODO') === true) {
    return { type: 'run', reason: 'the README still has a TODO marker: mark it done', command: 'sed -i s/TODO:/DONE:/ README.md' };
  }
  if (lastOutput !== undefined) {
    return { type: 'goal_archive', reason: 'no TODO markers are left in the docs', slug: 'no-todos' };
  }
  if (prompt.includes('### todos (changed)') && prompt.includes('{"signal":{"todos":0}}')) {
    return { type: 'noop', reason: 'the TODO count fell to zero: nothing left to do' };
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
