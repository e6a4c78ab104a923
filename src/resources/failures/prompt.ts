import { PROMPT_CAPS } from '../../prompt/build.ts';
import type { PromptSection } from '../../prompt/sections.ts';
import type { Memory } from '../../state/memory.ts';

/** The last failed decision's error, so the next one can do better: kept whatever gives way. */
export function failureSection(failures: Memory['failures']): PromptSection | undefined {
  if (failures === undefined) return undefined;
  const label = `${failures.count} decision(s) in a row failed; the last at ${failures.lastAt}. Answer with exactly one valid move this time. Error`;
  return { title: 'Last decision failed', blocks: [{ parts: [{ label, text: failures.lastError }], kept: true, maxChars: PROMPT_CAPS.failure }] };
}
