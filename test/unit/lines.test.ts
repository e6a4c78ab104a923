import { describe, expect, it } from 'vitest';
import { JsonLines, LineSplitter, MAX_LINE_CHARS, clip } from '../../src/runners/streams/lines.ts';
import type { JsonEvent } from '../../src/runners/streams/lines.ts';

function split(chunks: readonly string[], maxChars?: number): { lines: string[]; dropped: number } {
  const splitter = new LineSplitter(maxChars);
  const lines = chunks.flatMap((chunk) => splitter.push(chunk));
  lines.push(...splitter.end());
  return { lines, dropped: splitter.droppedLines };
}

describe('LineSplitter', () => {
  it('joins a line split across chunks', () => {
    expect(split(['ab', 'c\nde', 'f\n'])).toEqual({ lines: ['abc', 'def'], dropped: 0 });
  });

  it('returns each line as soon as its newline arrives', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('one\ntw')).toEqual(['one']);
    expect(splitter.push('o\nthree\nfo')).toEqual(['two', 'three']);
    expect(splitter.end()).toEqual(['fo']);
  });

  it('strips CRLF endings, even when the CR and LF arrive in different chunks', () => {
    expect(split(['a\r\nb\r', '\nc\r\n']).lines).toEqual(['a', 'b', 'c']);
  });

  it('keeps blank lines so callers see the stream as printed', () => {
    expect(split(['a\n\n\nb\n']).lines).toEqual(['a', '', '', 'b']);
  });

  it('flushes a final line without a newline on end', () => {
    expect(split(['a\nlast']).lines).toEqual(['a', 'last']);
    expect(split(['a\nlast\r']).lines).toEqual(['a', 'last']);
  });

  it('yields nothing for an empty stream or a stream ending in a newline', () => {
    expect(split([]).lines).toEqual([]);
    expect(split(['']).lines).toEqual([]);
    expect(split(['a\n']).lines).toEqual(['a']);
  });

  it('drops and counts an over-long line without losing the lines around it', () => {
    const long = ['x'.repeat(6), 'x'.repeat(6), 'x'.repeat(6)];
    expect(split(['short\n', ...long, '\nafter\n'], 10)).toEqual({ lines: ['short', 'after'], dropped: 1 });
  });

  it('drops an over-long final line that has no newline', () => {
    expect(split(['ok\n', 'y'.repeat(11)], 10)).toEqual({ lines: ['ok'], dropped: 1 });
  });

  it('keeps a line of exactly the cap', () => {
    expect(split(['z'.repeat(10) + '\n'], 10)).toEqual({ lines: ['z'.repeat(10)], dropped: 0 });
  });

  it('caps lines at 8 MiB by default', () => {
    expect(MAX_LINE_CHARS).toBe(8 * 1024 * 1024);
    const { lines, dropped } = split(['{"a":1}\n', 'q'.repeat(MAX_LINE_CHARS + 1), '\n{"b":2}\n']);
    expect({ lines, dropped }).toEqual({ lines: ['{"a":1}', '{"b":2}'], dropped: 1 });
  });

  it('handles a long line fed one character at a time in linear time', () => {
    const splitter = new LineSplitter();
    for (let i = 0; i < 1_000_000; i++) splitter.push('a');
    expect(splitter.push('\n')[0]).toHaveLength(1_000_000);
  });
});

function readJson(chunks: readonly string[]): { events: JsonEvent[]; missing: string } {
  const events: JsonEvent[] = [];
  const reader = new JsonLines((event) => events.push(event));
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return { events, missing: reader.missing('result', 'stream-json') };
}

describe('JsonLines', () => {
  it('passes JSON objects on and skips blank, non-JSON and non-object lines', () => {
    const { events } = readJson(['\n{"type":"a"}\r\nwarning: x\n[1,2]\n42\n{"type":', '"b"}\n{broken\n  {"type":"c"}  ']);
    expect(events).toEqual([{ type: 'a' }, { type: 'b' }, { type: 'c' }]);
  });

  it('says the stream was cut off when events came but not the closing one', () => {
    expect(readJson(['{"type":"a"}\n']).missing).toBe(
      'the stream ended without a result event (the runner crashed or was cut off)',
    );
  });

  it('says the runner printed nothing when only blank space came', () => {
    expect(readJson(['', ' \n\n']).missing).toBe(
      'the stream ended without a result event (the runner crashed or was cut off); the runner printed nothing',
    );
  });

  it('quotes the start of an output that held no JSON at all', () => {
    const noise = `\n  Error: unknown option '--output-format'\n${'more '.repeat(100)}`;
    const { missing } = readJson([noise]);
    const head = noise.trimStart().slice(0, 200).trimEnd();
    expect(missing).toBe(`the output was not stream-json (no JSON event in it); it began: ${JSON.stringify(head)}`);
  });

  it('reports dropped over-long lines instead of calling them foreign output', () => {
    const { missing } = readJson([`{"type":"big","x":"${'x'.repeat(MAX_LINE_CHARS)}"}\n`]);
    expect(missing).toBe(
      `the stream ended without a result event (the runner crashed or was cut off); 1 line(s) over ${String(MAX_LINE_CHARS)} characters were dropped`,
    );
  });
});

describe('clip', () => {
  it('keeps short text and marks cut text', () => {
    expect(clip('abc', 3)).toBe('abc');
    expect(clip('abcd', 3)).toBe('abc…');
  });
});
