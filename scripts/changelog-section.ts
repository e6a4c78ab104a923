/**
 * The release notes of a tag: its version's section of CHANGELOG.md. The release workflow runs
 * it for the pushed tag, so a tag whose version has no section, or whose package.json says
 * another version, fails the release before anything is published.
 *
 *   node scripts/changelog-section.ts v1.2.3 > notes.md
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export class ReleaseError extends Error {
  override name = 'ReleaseError';
}

const TAG = /^v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;

/** The version a release tag names; the tag must say what package.json says. */
export function tagVersion(tag: string, packageVersion: string): string {
  const version = TAG.exec(tag)?.[1];
  if (version === undefined) throw new ReleaseError(`"${tag}" is not a release tag: expected v<major>.<minor>.<patch>, such as v1.2.3`);
  if (version !== packageVersion) {
    throw new ReleaseError(`the tag ${tag} names version ${version}, but package.json says ${packageVersion}: bump "version" in package.json, commit, and tag that commit`);
  }
  return version;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The body of the `## <version>` section (also `## [1.2.3]`, `## v1.2.3 - 2026-12-01`), up to
 * the next `## ` heading. Its own heading is left out: the release's title is the tag.
 */
export function changelogSection(changelog: string, version: string): string {
  const lines = changelog.replace(/\r\n?/g, '\n').split('\n');
  const heading = new RegExp(`^## +\\[?v?${escaped(version)}\\]?(?:$|[\\s(—–-])`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) {
    throw new ReleaseError(
      `CHANGELOG.md has no section for ${version}: add a "## ${version}" heading above the previous release with what changed (move the lines from "## Unreleased"), commit, and tag again`,
    );
  }
  const end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  const body = lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
  if (body === '') throw new ReleaseError(`CHANGELOG.md's section for ${version} is empty: write what changed for the people who use the action`);
  return `${body}\n`;
}

if (import.meta.main) {
  const project = path.resolve(import.meta.dirname, '..');
  try {
    const manifest = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')) as { version: string };
    const version = tagVersion(process.argv[2] ?? '', manifest.version);
    process.stdout.write(changelogSection(readFileSync(path.join(project, 'CHANGELOG.md'), 'utf8'), version));
  } catch (error) {
    console.error(`release: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
