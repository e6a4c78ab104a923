import { readFileSync } from 'node:fs';
import type { RunnerResult, StreamParser } from '../../src/runners/result.ts';
import { streamParser, type StreamFormat } from '../../src/runners/streams/index.ts';

export const FIXTURES = new URL('../fixtures/runner-streams/', import.meta.url);

/** A captured or hand-written stream from test/fixtures/runner-streams. */
export function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

export function run(parser: StreamParser, chunks: readonly string[]): RunnerResult {
  for (const chunk of chunks) parser.push(chunk);
  return parser.end();
}

export function parse(format: StreamFormat, stream: string): RunnerResult {
  return run(streamParser(format), [stream]);
}

/** Events as JSON Lines. */
export function lines(...events: readonly unknown[]): string {
  return events.map((event) => JSON.stringify(event)).join('\n') + '\n';
}

export function chunksOf(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += size) chunks.push(text.slice(at, at + size));
  return chunks;
}

/** Deterministic, so a failing chunking is reproducible. */
export function randomChunks(text: string, seed: number): string[] {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const chunks: string[] = [];
  for (let at = 0; at < text.length; ) {
    const size = 1 + Math.floor(next() * 97);
    chunks.push(text.slice(at, at + size));
    at += size;
  }
  return chunks;
}
