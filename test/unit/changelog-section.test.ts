import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changelogSection, tagVersion } from '../../scripts/changelog-section.ts';
import { PROJECT } from '../helpers/action.ts';

const CHANGELOG = `# Changelog

Intro text.

## Unreleased

- not yet

## [1.2.30] - 2026-12-24

- a later patch

## v1.2.3 - 2026-12-01

### Fixed
- the thing

## 1.2.2

- an older one
`;

describe('the release notes of a tag', () => {
  it("are the version's section, without its heading, up to the next release", () => {
    expect(changelogSection(CHANGELOG, '1.2.3')).toBe('### Fixed\n- the thing\n');
    expect(changelogSection(CHANGELOG, '1.2.30')).toBe('- a later patch\n');
    expect(changelogSection(CHANGELOG, '1.2.2')).toBe('- an older one\n');
  });

  it('read a changelog written with CRLF line ends', () => {
    expect(changelogSection(CHANGELOG.replace(/\n/g, '\r\n'), '1.2.3')).toBe('### Fixed\n- the thing\n');
  });

  it('fail the release when the version has no section, saying how to add one', () => {
    expect(() => changelogSection(CHANGELOG, '1.2.4')).toThrow('CHANGELOG.md has no section for 1.2.4: add a "## 1.2.4" heading');
    expect(() => changelogSection(CHANGELOG, '1.2')).toThrow(/no section for 1\.2:/);
  });

  it('fail the release when the section is empty', () => {
    expect(() => changelogSection('## 2.0.0\n\n## 1.0.0\n- x\n', '2.0.0')).toThrow("CHANGELOG.md's section for 2.0.0 is empty");
  });

  it('come from a tag that says what package.json says', () => {
    expect(tagVersion('v1.2.3', '1.2.3')).toBe('1.2.3');
    expect(tagVersion('v2.0.0-rc.1', '2.0.0-rc.1')).toBe('2.0.0-rc.1');
    expect(() => tagVersion('v1.2.4', '1.2.3')).toThrow('the tag v1.2.4 names version 1.2.4, but package.json says 1.2.3: bump "version" in package.json');
    for (const bad of ['1.2.3', 'v1.2', 'v1', 'v1.2.3; rm -rf /', 'refs/tags/v1.2.3']) expect(() => tagVersion(bad, '1.2.3'), bad).toThrow('is not a release tag');
  });

  it("as the release workflow runs it: this project's own version has its section, and a wrong tag exits 1 with the reason", () => {
    const script = path.join(PROJECT, 'scripts/changelog-section.ts');
    const { version } = JSON.parse(readFileSync(path.join(PROJECT, 'package.json'), 'utf8')) as { version: string };
    expect(execFileSync(process.execPath, [script, `v${version}`], { encoding: 'utf8' }).trim()).not.toBe('');
    const wrong = spawnSync(process.execPath, [script, 'v999.0.0'], { encoding: 'utf8' });
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toMatch(/^release: the tag v999\.0\.0 names version 999\.0\.0, but package\.json says /);
  });
});
