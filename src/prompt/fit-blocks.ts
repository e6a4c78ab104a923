import { bytes } from './fence.ts';
import { renderBlock, type PromptBlock } from './sections.ts';

/** The least of a part worth showing cut: the note that says it was cut takes about 35 bytes. */
const LEAST_PART = 64;
/** A cut text may need a longer fence than its whole did not: at most 2 × 5 backticks more, and its line ends. */
const FENCE_SLACK = 14;

export interface FittedBlocks {
  /** Each block as shown, by group, in order; a group's dropped blocks are its last ones. */
  readonly shown: readonly (readonly string[])[];
  /** How many blocks of each group were left out. */
  readonly dropped: readonly number[];
  /** How many shown blocks were cut. */
  readonly cut: number;
}

/**
 * Fits blocks that must not give way into `pot` bytes (two between blocks counted): whole when
 * they fit, else every block cut to an even share of what is left for text, a short one giving
 * its unused share to the rest; when even that leaves too little a block, the last block of
 * the largest group is left out, one at a time.
 */
export function fitBlocks(groups: readonly (readonly PromptBlock[])[], pot: number): FittedBlocks {
  const all = groups.flatMap((blocks, group) => blocks.map((block) => ({ block, group, whole: renderBlock(block), frame: frameOf(block) })));
  const wholeSize = all.reduce((sum, b) => sum + bytes(b.whole) + 2, 0);
  if (wholeSize <= pot) return { shown: groups.map((_, g) => all.filter((b) => b.group === g).map((b) => b.whole)), dropped: groups.map(() => 0), cut: 0 };
  const kept = [...all];
  const dropped = groups.map(() => 0);
  const room = (): number => pot - kept.reduce((sum, b) => sum + b.frame + 2, 0);
  const parts = (): number => kept.reduce((sum, b) => sum + b.block.parts.length, 0);
  while (kept.length > 0 && room() < parts() * LEAST_PART) {
    const largest = groups.map((_, g) => kept.filter((b) => b.group === g).length).reduce((best, n, g, counts) => (n > (counts[best] ?? 0) ? g : best), 0);
    const last = kept.findLastIndex((b) => b.group === largest);
    kept.splice(last, 1);
    dropped[largest] = (dropped[largest] ?? 0) + 1;
  }
  const allowance = waterFill(kept.map((b) => bytes(b.whole) - b.frame), room());
  let cut = 0;
  const rendered = kept.map((b, i) => {
    const text = allowance[i] ?? 0;
    if (text >= bytes(b.whole) - b.frame) return { group: b.group, text: b.whole };
    cut++;
    return { group: b.group, text: renderBlock(b.block, Math.floor(text / b.block.parts.length)) };
  });
  return { shown: groups.map((_, g) => rendered.filter((r) => r.group === g).map((r) => r.text)), dropped, cut };
}

/** A block's bytes around its text: heading, labels and fences, with room for a longer fence. */
function frameOf(block: PromptBlock): number {
  return bytes(renderBlock({ ...block, parts: block.parts.map((part) => ({ ...part, text: '' })) })) + block.parts.length * FENCE_SLACK;
}

/** Shares of `room` for each need: the small needs whole, the rest an even share of what they leave. */
function waterFill(needs: readonly number[], room: number): number[] {
  const order = needs.map((need, i) => ({ need, i })).sort((a, b) => a.need - b.need);
  const shares = new Array<number>(needs.length).fill(0);
  let left = room;
  order.forEach(({ need, i }, k) => {
    const even = Math.floor(left / (order.length - k));
    const given = Math.min(need, even);
    shares[i] = given;
    left -= given;
  });
  return shares;
}
