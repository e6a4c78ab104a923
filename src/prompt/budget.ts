import { bytes } from './fence.ts';

export const PROMPT_BUDGET = {
  /** Tokens, when the workflow sets none. */
  default: 6000,
  /** Below this the instructions and the move schema leave too little room for the world. */
  min: 3000,
  bytesPerToken: 3.5,
} as const;

/** Tokens as bytes / 3.5: more than a tokenizer counts for English, code and JSON, so a prompt within it fits. */
export function estimateTokens(text: string): number {
  return Math.ceil(bytes(text) / PROMPT_BUDGET.bytesPerToken);
}
