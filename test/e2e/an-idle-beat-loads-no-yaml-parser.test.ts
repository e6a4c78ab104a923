/**
 * The YAML parser is loaded only by a beat that meets YAML: the loop writes its own front matter
 * as JSON and reads plain `key: word` lines without it, and compiling it costs an idle beat a
 * twentieth of its time. A person's YAML still reads as YAML.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers/action.ts';
import { pushStateChange } from '../helpers/git.ts';
import { makeLoop, noop, type Loop } from '../helpers/loop.ts';

let loop: Loop;
beforeEach(() => {
  loop = makeLoop();
});
afterEach(() => {
  loop.sandbox.cleanup();
});

/** A hook that writes, at exit, every module file the beat's process loaded. */
function loadedFiles(file: string): string[] {
  const hook = `import{registerHooks}from"node:module";import{writeFileSync}from"node:fs";const seen=[];registerHooks({load(url,context,next){seen.push(url);return next(url,context)}});process.on("exit",()=>writeFileSync(${JSON.stringify(file)},seen.join("\\n")))`;
  return ['--import', `data:text/javascript,${encodeURIComponent(hook)}`];
}

/** The bundle's chunks that hold the yaml library. */
const YAML_CHUNKS = readdirSync(path.join(PROJECT, 'dist')).filter((name) => name.endsWith('.js') && readFileSync(path.join(PROJECT, 'dist', name), 'utf8').includes('class Composer'));

describe('the YAML parser', () => {
  it('is in a chunk of its own, which an idle beat on the seeded state does not load', async () => {
    expect(YAML_CHUNKS).toHaveLength(1);
    await loop.beat(noop);
    const file = path.join(loop.sandbox.root, 'loaded');
    const idle = await loop.beat(noop, { nodeArgs: loadedFiles(file) });
    expect(idle.code, idle.stdout).toBe(0);
    expect(idle.outputs.changed).toBe('false');
    const loaded = readFileSync(file, 'utf8').split('\n');
    expect(loaded.some((url) => url.endsWith('/dist/index.js'))).toBe(true);
    expect(loaded.filter((url) => YAML_CHUNKS.some((chunk) => url.endsWith(`/dist/${chunk}`)))).toEqual([]);
  });

  it("is loaded for a person's YAML front matter, which reads as YAML", async () => {
    await loop.beat(noop);
    // Quoted, with a comment: not plain lines, so only YAML reads it. The goal is done, not active.
    pushStateChange(loop.sandbox, { 'goals/quoted.md': '---\n# set by hand\nstatus: "done"\npriority: 2\n---\n# Quoted\n' });
    const file = path.join(loop.sandbox.root, 'loaded');
    const prompt = path.join(loop.sandbox.root, 'prompt.md');
    const beat = await loop.beat(noop, { nodeArgs: loadedFiles(file), env: { LOOOP_TEST_PROMPT_OUT: prompt } });
    expect(beat.code, beat.stdout).toBe(0);
    expect(readFileSync(file, 'utf8').split('\n').some((url) => YAML_CHUNKS.some((chunk) => url.endsWith(`/dist/${chunk}`)))).toBe(true);
    expect(beat.summary).not.toMatch(/quoted.*front matter/i);
    expect(readFileSync(prompt, 'utf8')).not.toContain('# Quoted');
  });
});
