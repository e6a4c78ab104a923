/**
 * The state branch's fetch starts before git has read the checkout's config: the config is read
 * from .git/config when the file says it plainly, and only then; anything git could read
 * otherwise leaves the reading to git. What is read plainly is what git reads.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { originIn, plainConfig } from '../../src/io/checkout.ts';

let workspace: string;
beforeEach(() => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'looop-origin-'));
  mkdirSync(path.join(workspace, '.git'));
});
afterEach(() => {
  rmSync(workspace, { recursive: true, force: true });
});

const URL = 'https://github.com/octo/project';
/** What actions/checkout leaves with persist-credentials: false. */
const CHECKOUT = `[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n\tlogallrefupdates = true\n[remote "origin"]\n\turl = ${URL}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n[gc]\n\tauto = 0\n[branch "main"]\n\tremote = origin\n\tmerge = refs/heads/main\n`;

function config(text: string): string | undefined {
  writeFileSync(path.join(workspace, '.git', 'config'), text);
  const entries = plainConfig(workspace);
  return entries === undefined ? undefined : originIn({ ok: true, entries });
}

/** The file's settings as git lists them. */
function gitsReading(): { key: string; value: string }[] {
  const listed = execFileSync('git', ['config', '--file', path.join(workspace, '.git', 'config'), '--list', '-z'], { encoding: 'utf8' });
  return listed.split('\0').filter(Boolean).map((entry) => ({ key: entry.slice(0, entry.indexOf('\n')), value: entry.slice(entry.indexOf('\n') + 1) }));
}

describe("the checkout's origin, read from its config file", () => {
  it("is what git reads from the config actions/checkout writes, comments and blank lines included", () => {
    expect(config(`# a comment\n${CHECKOUT}\n; another\n[url "https://github.com/"]\n\tinsteadOf = git@github.com:\n`)).toBe(URL);
    expect(plainConfig(workspace)).toEqual(gitsReading());
  });

  it.each([
    ['an include', `${CHECKOUT}[include]\n\tpath = other.config\n`],
    ['a conditional include', `${CHECKOUT}[includeIf "gitdir:/work/"]\n\tpath = /tmp/x.config\n`],
    ["a worktree's own config", `${CHECKOUT}[extensions]\n\tworktreeConfig = true\n`],
    ['the old dotted section syntax', `${CHECKOUT}[remote.origin]\n\turl = https://example.com/other\n`],
    ['a quoted value', `[remote "origin"]\n\turl = "${URL}"\n`],
    ['an escape', `[remote "origin"]\n\turl = https://github.com/octo/pro\\\nject\n`],
    ['a comment after a value', `[remote "origin"]\n\turl = ${URL} # the origin\n`],
    ['two URLs', `[remote "origin"]\n\turl = ${URL}\n\turl = https://example.com/mirror\n`],
    ['a key without a value', `[core]\n\tbare\n${CHECKOUT}`],
    ['a header with the token', `${CHECKOUT}[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW4=\n`],
  ])('gives way to git when the file holds %s', (_what, text) => {
    expect(config(text)).toBeUndefined();
  });

  it('is undefined without an origin, and where .git is not a folder (a worktree, a submodule)', () => {
    expect(config('[core]\n\tbare = false\n')).toBeUndefined();
    rmSync(path.join(workspace, '.git'), { recursive: true });
    writeFileSync(path.join(workspace, '.git'), 'gitdir: /elsewhere/.git/worktrees/w\n');
    expect(plainConfig(workspace)).toBeUndefined();
  });

  it('matches sections and keys in any case, as git does, and the subsection exactly', () => {
    expect(config(`[Remote "origin"]\n\tURL = ${URL}\n`)).toBe(URL);
    expect(plainConfig(workspace)).toEqual(gitsReading());
    expect(config(`[remote "Origin"]\n\turl = ${URL}\n`)).toBeUndefined();
  });

  it('is undefined where .git holds a commondir: git would read the config of another repository', () => {
    writeFileSync(path.join(workspace, '.git', 'commondir'), '/elsewhere/.git\n');
    expect(config(CHECKOUT)).toBeUndefined();
  });
});
