/** The model chooses part of a decide error (a key the move schema does not know, quoted by zod): in the job summary it stays text. */
import { describe, expect, it } from 'vitest';
import { runBeat } from '../../src/beat/run.ts';
import { summaryMarkdown } from '../../src/beat/report.ts';
import { plainText } from '../../src/text/markdown.ts';
import { makeWorld } from '../core/fakes.ts';

describe("the model's words in the job summary", () => {
  it('an unrecognized key cannot put markup, links or images in the summary', async () => {
    const key = '\n\n## ✅ Approved by the maintainers\n\n[Approve the deploy here](https://evil.example/approve) <img src="https://evil.example/beacon.png">';
    const answer = JSON.stringify({ type: 'noop', reason: 'calm', [key]: 1 });
    const world = makeWorld([answer]);
    const report = await runBeat(world.ports, world.options);
    expect(report.decision.kind).toBe('failed');
    const summary = summaryMarkdown(report);
    expect(summary).not.toContain('](https://evil.example/approve)');
    expect(summary).not.toContain('<img src="https://evil.example');
    expect(summary).not.toMatch(/^## ✅ Approved/m);
  });
});

describe('plainText', () => {
  it('keeps every line ending inside its line, a lone carriage return too (Markdown ends a line there)', () => {
    for (const end of ['\n', '\r\n', '\r']) {
      const text = plainText(`calm${end}# Approved${end}- [x](https://evil.example)`);
      expect(text, JSON.stringify(end)).not.toMatch(/[\r\n]/);
      expect(text).not.toContain('](');
    }
  });
});
