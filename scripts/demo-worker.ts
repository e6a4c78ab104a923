/**
 * The demo's scripted worker agent. It is NOT a model: it does the one piece of work the demo's
 * scripted runner hands out (an Install section in README.md), in the folder the worker gives
 * it, and says what it did, so the demo shows a worker end to end without an API key.
 */
import { appendFileSync, readFileSync } from 'node:fs';

const prompt = readFileSync(0, 'utf8');
if (!prompt.includes('Install')) {
  console.log('{"ask": "What should I write? The prompt names no Install section."}');
} else {
  appendFileSync('README.md', '\n## Install\n\n    npm install a-project\n');
  console.log('Added an Install section to README.md, with the npm command.');
}
