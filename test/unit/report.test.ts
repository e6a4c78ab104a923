import { describe, expect, it } from 'vitest';
import type { Ask } from '../../src/resources/asks/model.ts';
import type { BeatReport } from '../../src/beat/run.ts';
import { logSections, summaryMarkdown } from '../../src/beat/report.ts';

const base: BeatReport = {
  beat: '123-1',
  at: new Date('2026-12-02T10:00:00Z'),
  seeded: false,
  dryRun: false,
  readings: [
    { name: 'repo-head', signal: 'abc' },
    { name: 'tests', signal: { failing: 2 } },
  ],
  changedSignals: ['tests'],
  changed: true,
  holds: [],
  asks: [],
  decision: { kind: 'skipped', why: 'nothing changed since the last decision' },
  journal: [],
  commit: { sha: '0123456789abcdef0123456789abcdef01234567', attempts: 1 },
  problems: [],
};

const links = {
  repositoryUrl: 'https://github.com/octo/project',
  runUrl: 'https://github.com/octo/project/actions/runs/123',
  askFileUrl: (id: string) => `https://github.com/octo/project/blob/loop-state/asks/${id}.md`,
};

function tableRows(markdown: string, header: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${header}`));
  const rows: string[][] = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(1, -1).split(' | ').map((cell) => cell.trim()));
  }
  return rows;
}

describe('the job summary', () => {
  it('links the run, the state commit, the ask file and its issue', () => {
    const ask: Ask = { id: 'deploy', status: 'pending', question: 'May I deploy?', reason: 'a release is due', hash: 'a1b2c3d4e5f6', round: 1, holds: [], issue: 7, closed: false, created: '', beat: '', answers: [], seen: [] };
    const summary = summaryMarkdown({ ...base, asks: [ask] }, links);
    expect(summary).toContain('## looop beat [123-1](https://github.com/octo/project/actions/runs/123)');
    expect(summary).toContain('[0123456789ab](https://github.com/octo/project/commit/0123456789abcdef0123456789abcdef01234567)');
    expect(summary).toContain('| [deploy](https://github.com/octo/project/blob/loop-state/asks/deploy.md) | [#7](https://github.com/octo/project/issues/7) | pending |');
  });

  it('stays plain text where there is no GitHub to link to', () => {
    const summary = summaryMarkdown(base);
    expect(summary).not.toMatch(/\]\(/);
    expect(summary).toContain('## looop beat 123-1');
  });

  it('has no column that is empty in every row', () => {
    for (const readings of [base.readings, [...base.readings, { name: 'broken', signal: { error: 'exit 1' }, error: 'exit 1' }]]) {
      const rows = tableRows(summaryMarkdown({ ...base, readings }, links), 'sensor');
      const [header, , ...body] = rows;
      expect(header?.every((name) => name !== '')).toBe(true);
      for (let column = 0; column < (header?.length ?? 0); column++) {
        expect(body.some((row) => (row[column] ?? '') !== ''), `column ${header?.[column] ?? column}`).toBe(true);
      }
    }
  });

  it('shows the error column only when a sensor failed', () => {
    expect(tableRows(summaryMarkdown(base), 'sensor')[0]).toEqual(['sensor', 'since the last decision', 'signal']);
    const failed = summaryMarkdown({ ...base, readings: [{ name: 'x', signal: 'e', error: 'timed out' }] });
    expect(tableRows(failed, 'sensor')[0]).toEqual(['sensor', 'since the last decision', 'signal', 'error']);
  });
});

describe('the log', () => {
  it('has a section for the readings and for the decision, and one for holds only when something holds', () => {
    const titles = logSections(base).map((s) => s.title);
    expect(titles).toEqual(['looop: readings', 'looop: decision']);
    expect(logSections({ ...base, holds: ['freeze: until Monday'] }).map((s) => s.title)).toContain('looop: holds');
    expect(logSections(base)[0]?.text).toBe('repo-head: "abc"\ntests (changed): {"failing":2}');
  });
});
