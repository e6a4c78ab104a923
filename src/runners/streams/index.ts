import type { StreamParser } from '../result.ts';
import { claudeStream } from './claude.ts';
import { codexStream } from './codex.ts';
import { textStream } from './text.ts';

export type StreamFormat = 'text' | 'claude' | 'codex';

const parsers: Readonly<Record<StreamFormat, () => StreamParser>> = {
  text: textStream,
  claude: claudeStream,
  codex: codexStream,
};

/** A fresh parser for one run's output. */
export function streamParser(format: StreamFormat): StreamParser {
  return parsers[format]();
}
