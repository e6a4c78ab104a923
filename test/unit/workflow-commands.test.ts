/**
 * The action writes its workflow commands itself instead of loading @actions/core (whose HTTP
 * client costs an idle beat more than its own work): what reaches the runner must be what
 * @actions/core would have written, byte for byte.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as workflow from '../../src/io/workflow.ts';

type Commands = typeof workflow;

/** Texts with everything a command must escape: newlines, carriage returns, %, colons, commas. */
const TEXTS = ['plain', '', 'two\nlines\r\nand a CR\r', '100% done: a, b, c', '::error::forged', '%0A%25 already escaped', 'ünïcödé 🎉'];

interface Written {
  stdout: string;
  output: string;
  summary: string;
  exitCode: typeof process.exitCode;
}

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs `calls` with the step's files in a fresh folder; what went to stdout and into the files. */
async function capture(calls: () => Promise<void> | void, withFiles = true): Promise<Written> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'looop-workflow-'));
  dirs.push(dir);
  const saved = { output: process.env.GITHUB_OUTPUT, summary: process.env.GITHUB_STEP_SUMMARY, exitCode: process.exitCode };
  for (const file of ['output', 'summary']) writeFileSync(path.join(dir, file), '');
  if (withFiles) {
    process.env.GITHUB_OUTPUT = path.join(dir, 'output');
    process.env.GITHUB_STEP_SUMMARY = path.join(dir, 'summary');
  } else {
    delete process.env.GITHUB_OUTPUT;
    delete process.env.GITHUB_STEP_SUMMARY;
  }
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  try {
    await calls();
    return { stdout, output: readFileSync(path.join(dir, 'output'), 'utf8'), summary: readFileSync(path.join(dir, 'summary'), 'utf8'), exitCode: process.exitCode };
  } finally {
    vi.restoreAllMocks();
    process.exitCode = saved.exitCode;
    if (saved.output === undefined) delete process.env.GITHUB_OUTPUT;
    else process.env.GITHUB_OUTPUT = saved.output;
    if (saved.summary === undefined) delete process.env.GITHUB_STEP_SUMMARY;
    else process.env.GITHUB_STEP_SUMMARY = saved.summary;
  }
}

/** Each output's heredoc delimiter is random: the same placeholder for both. */
function sameDelimiters(written: Written): Written {
  return { ...written, output: written.output.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X') };
}

/** Every command the action issues, through one implementation or the other. */
function everything(commands: Pick<Commands, 'info' | 'setSecret' | 'startGroup' | 'endGroup' | 'notice' | 'warning' | 'error' | 'setOutput' | 'setFailed'>): void {
  for (const text of TEXTS) {
    commands.info(text);
    commands.setSecret(text);
    commands.startGroup(text);
    commands.endGroup();
    commands.notice(text);
    commands.notice(text, { title: text });
    commands.warning(text, { title: 'looop: decide failed' });
    commands.warning(text, { title: text, file: `goals/${text}.md` });
    commands.error(text, { file: 'sensors/ci.sh', title: 'looop: steering check' });
    commands.error(text, {});
    commands.setOutput(`out-${String(TEXTS.indexOf(text))}`, text);
  }
  commands.setFailed('the beat failed:\nsee the summary');
}

describe('workflow commands', () => {
  it('are written exactly as @actions/core writes them, with the step files', async () => {
    const ours = await capture(() => {
      everything(workflow);
    });
    const theirs = await capture(() => {
      everything(core);
    });
    expect(sameDelimiters(ours)).toEqual(sameDelimiters(theirs));
    expect(ours.exitCode).toBe(1);
    expect(ours.output).toContain('out-2<<ghadelimiter_');
  });

  it('are written exactly as @actions/core writes them without GITHUB_OUTPUT (the stdout form of an output)', async () => {
    const ours = await capture(() => {
      everything(workflow);
    }, false);
    const theirs = await capture(() => {
      everything(core);
    }, false);
    expect(ours).toEqual(theirs);
    expect(ours.stdout).toContain('::set-output name=out-0::plain');
  });

  it('append to the job summary as core.summary.addRaw(text).write() does', async () => {
    const markdown = '# looop\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n';
    const ours = await capture(async () => {
      await workflow.appendSummary(markdown);
      await workflow.appendSummary('and more');
    });
    const theirs = await capture(async () => {
      await core.summary.addRaw(markdown).write();
      await core.summary.addRaw('and more').write();
    });
    expect(ours).toEqual(theirs);
    expect(ours.summary).toBe(`${markdown}and more`);
  });

  it("refuse a job summary without its file with @actions/core's message", async () => {
    const messages: string[] = [];
    // core.summary remembers the file of its first write, which an earlier test made.
    (core.summary as unknown as { _filePath?: string })._filePath = undefined;
    await capture(async () => {
      for (const write of [() => workflow.appendSummary('x'), () => core.summary.addRaw('x').write()]) {
        await write().then(
          () => messages.push('written'),
          (error: unknown) => messages.push((error as Error).message),
        );
      }
    }, false);
    expect(messages[0]).toMatch(/GITHUB_STEP_SUMMARY/);
    expect(messages[0]).toBe(messages[1]);
  });
});
