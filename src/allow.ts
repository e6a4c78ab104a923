/**
 * Which `run` commands may execute without a person. A command is split into words the way a
 * shell would split a simple command; one with any shell operator (`;`, `|`, `&&`, `>`, `$(`…)
 * never matches, and an allowed command runs without a shell, so a pattern like `npm run *`
 * cannot be stretched into `npm run x; curl … | sh`.
 */

export type Words = { readonly ok: true; readonly words: readonly string[] } | { readonly ok: false; readonly why: string };

/** Characters whose meaning in a shell differs from a plain word (operators, expansion, globs, comments). */
const OPERATOR = /[;&|<>()$`\n\r*?[{#]/;

/** Splits like a POSIX shell for plain words and quotes; refuses anything that needs a shell. */
export function splitCommand(command: string): Words {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  const push = (text: string): void => {
    word = (word ?? '') + text;
  };
  while (i < command.length) {
    const c = command[i] as string;
    if (c === ' ' || c === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
      i++;
    } else if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) return { ok: false, why: 'an unclosed single quote' };
      push(command.slice(i + 1, end));
      i = end + 1;
    } else if (c === '"') {
      const end = command.indexOf('"', i + 1);
      if (end < 0) return { ok: false, why: 'an unclosed double quote' };
      const inner = command.slice(i + 1, end);
      if (/[$`\\]/.test(inner)) return { ok: false, why: 'expansion inside double quotes' };
      push(inner);
      i = end + 1;
    } else if (c === '\\') {
      return { ok: false, why: 'a backslash escape' };
    } else if (OPERATOR.test(c)) {
      return { ok: false, why: `the shell character ${JSON.stringify(c)}` };
    } else {
      push(c);
      i++;
    }
  }
  if (word !== undefined) words.push(word);
  if (words.length === 0) return { ok: false, why: 'no command' };
  return { ok: true, words };
}

/** A pattern word: `*` matches any characters within one word; `**` alone matches the remaining words. */
function wordMatches(pattern: string, word: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`, 's');
  return regex.test(word);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patternWords(pattern: string): string[] {
  return pattern.trim().split(/\s+/);
}

export function matchesPattern(pattern: string, words: readonly string[]): boolean {
  const parts = patternWords(pattern);
  for (const [index, part] of parts.entries()) {
    if (part === '**' && index === parts.length - 1) return words.length >= index;
    const word = words[index];
    if (word === undefined || !wordMatches(part, word)) return false;
  }
  return parts.length === words.length;
}

export type AllowVerdict =
  | { readonly allowed: true; readonly argv: readonly string[]; readonly pattern: string }
  | { readonly allowed: false; readonly why: string };

export function checkAllowed(command: string, patterns: readonly string[]): AllowVerdict {
  const split = splitCommand(command);
  if (!split.ok) return { allowed: false, why: `it holds ${split.why}, so no allow pattern can match it` };
  const pattern = patterns.find((p) => matchesPattern(p, split.words));
  if (pattern === undefined) return { allowed: false, why: 'no allow pattern matches it' };
  return { allowed: true, argv: split.words, pattern };
}
