import { cap, fence } from './fence.ts';
import { oneLine } from '../text/fit.ts';

/**
 * A resource's part of the prompt (asks, the last failure): blocks of data under one title, in
 * the order they matter. The prompt's builder fits them into its budget.
 */
export interface PromptSection {
  readonly title: string;
  readonly blocks: readonly PromptBlock[];
  /** Things of the section past its own cap, never shown: how many, and what they are. */
  readonly more?: { readonly count: number; readonly what: string };
}

export interface PromptBlock {
  /** A trusted line above the block (an id, a status); absent for none. */
  readonly heading?: string;
  /** Untrusted text, each part fenced as data under its trusted label. */
  readonly parts: readonly { readonly label?: string; readonly text: string }[];
  /** The fence's info string. */
  readonly info?: string;
  /** Kept whatever else gives way (a pending ask, the last failure); the rest goes before the goals do. */
  readonly kept: boolean;
  /** The most characters of each part a prompt shows. */
  readonly maxChars: number;
}

export function section(title: string, body: string): string {
  return `## ${title}\n\n${body}\n`;
}

/** One block as the prompt shows it, each part cut to `maxBytes` at most. */
export function renderBlock(block: PromptBlock, maxBytes = Number.POSITIVE_INFINITY): string {
  // Headings and labels are the loop's words around values from the state branch (ids, logins,
  // times): kept to one line, whatever a hand edit put in them, so none can start a section.
  const parts = block.parts.map(({ label, text }) => `${label === undefined ? '' : `${oneLine(label, LABEL_CHARS)}:\n`}${fence(cap(text, block.maxChars, maxBytes), block.info)}`);
  return [...(block.heading === undefined ? [] : [oneLine(block.heading, LABEL_CHARS)]), ...parts].join('\n');
}

/** The most characters of a heading or a label. */
const LABEL_CHARS = 240;
