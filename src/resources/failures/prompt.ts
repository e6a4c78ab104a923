import { PROMPT_CAPS } from '../../prompt/build.ts';
import { cap, fence } from '../../prompt/fence.ts';
import type { PromptSection } from '../../prompt/sections.ts';
import type { Memory } from '../../state/memory.ts';

/** The last failed decision's error, so the next one can do better. */
export function failureSection(failures: Memory['failures']): PromptSection | undefined {
  if (failures === undefined) return undefined;
  return {
    title: 'Last decision failed',
    body: `${failures.count} decision(s) in a row failed; the last at ${failures.lastAt}. Answer with exactly one valid move this time. Error:\n${fence(cap(failures.lastError, PROMPT_CAPS.failure))}`,
  };
}
