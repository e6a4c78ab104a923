/** One titled part of the prompt. */
export interface PromptSection {
  readonly title: string;
  readonly body: string;
}

export function section(title: string, body: string): string {
  return `## ${title}\n\n${body}\n`;
}

/** Whole blocks up to the budget: cutting inside one would leave a fence open. */
export function joinWithin(blocks: readonly string[], max: number, what: string): string {
  const kept: string[] = [];
  let size = 0;
  for (const block of blocks) {
    if (size + block.length > max) break;
    kept.push(block);
    size += block.length + 2;
  }
  const left = blocks.length - kept.length;
  return left === 0 ? kept.join('\n\n') : `${kept.join('\n\n')}\n\n…[${left} more ${what} left out to keep the prompt bounded]`;
}
