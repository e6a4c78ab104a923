import type { StreamParser } from '../result.ts';
import { claudeStream } from './claude.ts';
import { codexStream } from './codex.ts';
import { opencodeStream } from './opencode.ts';
import { piStream } from './pi.ts';
import { textStream } from './text.ts';

export type StreamFormat = 'text' | 'claude' | 'codex' | 'opencode' | 'pi';

const parsers: Readonly<Record<StreamFormat, () => StreamParser>> = {
  text: textStream,
  claude: claudeStream,
  codex: codexStream,
  opencode: opencodeStream,
  pi: piStream,
};

/** A fresh parser for one run's output. */
export function streamParser(format: StreamFormat): StreamParser {
  return parsers[format]();
}
