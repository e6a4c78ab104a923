/**
 * Which `run` commands may execute without a person. A command is split into words the way a
 * shell would split a simple command; one with any shell operator (`;`, `|`, `&&`, `>`, `$(`…)
 * never matches, and an allowed command runs without a shell, so a pattern like `npm run *`
 * cannot be stretched into `npm run x; curl … | sh`. Options are where tools hide code
 * (`make --eval`, `git log --output`, `npm test --node-options`), so a wildcard never matches
 * a word that begins with `-`: an option runs only when the pattern spells it out.
 */

export type Words = { readonly ok: true; readonly words: readonly string[] } | { readonly ok: false; readonly why: string };

/** Characters whose meaning in a shell differs from a plain word (operators, expansion, comments). */
const OPERATOR = /[;&|<>()$`\n\r#]/;
/** Globs, in a command (a pattern's `*` is its own wildcard, not a glob). */
const GLOB = /[*?[{]/;

/** Splits like a POSIX shell for plain words and quotes; refuses anything that needs a shell. */
function split(text: string, refused: RegExp): Words {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  const push = (piece: string): void => {
    word = (word ?? '') + piece;
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
      i++;
    } else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return { ok: false, why: `an unclosed ${c === "'" ? 'single' : 'double'} quote` };
      const inner = text.slice(i + 1, end);
      if (c === '"' && /[$`\\]/.test(inner)) return { ok: false, why: 'expansion inside double quotes' };
      push(inner);
      i = end + 1;
    } else if (c === '\\') {
      return { ok: false, why: 'a backslash escape' };
    } else if (refused.test(c)) {
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

export function splitCommand(command: string): Words {
  return split(command, new RegExp(`${OPERATOR.source}|${GLOB.source}`));
}

/**
 * Reads one line of input `allow`. A pattern names its program, spells out every option it
 * allows, and holds no shell syntax; `**` may only end it.
 */
export function parsePattern(line: string): Words {
  if (/^-\s/.test(line) || line.startsWith('[')) return { ok: false, why: 'it looks like a YAML list; write one pattern a line, without "- " or brackets' };
  const parsed = split(line, /[;&|<>()$`\n\r#?[{]/);
  if (!parsed.ok) return parsed;
  const [program, ...rest] = parsed.words;
  if (program === undefined || program.includes('*')) {
    return { ok: false, why: 'its first word must be a program spelled out: a wildcard there would allow every command' };
  }
  if (program.startsWith('-')) return { ok: false, why: 'its first word must be a program, not an option' };
  const stars = rest.findIndex((word) => word.includes('**'));
  if (stars >= 0 && (rest[stars] !== '**' || stars !== rest.length - 1)) return { ok: false, why: '"**" may only be the last word, alone' };
  return parsed;
}

/**
 * Characters a wildcard never stands for. Quoted, they reach the program literally, but many
 * programs give them meaning of their own (`make 'x=$(shell id)'`, `awk '…;system(…)'`), and a
 * `/` would let `docs/*` climb out as `docs/../../x`.
 */
const UNMATCHED = /[$`;|&<>()\n\r\\/'"{}*?[\]#!=]|\s/;

/** Whether a wildcard may stand for this text: no option, nothing a program could read as syntax. */
function wildcardMay(text: string, atWordStart: boolean): boolean {
  return !(atWordStart && text.startsWith('-')) && !UNMATCHED.test(text);
}

/**
 * A pattern word: `*` matches any characters within one word, but never the beginning of an
 * option (a word that begins with `-` matches only a pattern word that begins with `-` too),
 * nor any character a program could read as syntax or a path could climb with.
 */
function wordMatches(pattern: string, word: string): boolean {
  if (word.startsWith('-') && !pattern.startsWith('-')) return false;
  const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('(.*)')}$`, 's');
  const match = regex.exec(word);
  if (match === null) return false;
  return match.slice(1).every((part, i) => wildcardMay(part, i === 0 && pattern.startsWith('*')));
}

/** A relative path of plain names, as `**` may stand for (`src/app.ts`), never climbing out with `..` nor absolute. */
function isPlainPath(word: string): boolean {
  const parts = (word.endsWith('/') ? word.slice(0, -1) : word).split('/');
  return parts.every((part) => part !== '' && part !== '..' && wildcardMay(part, true));
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function matchesPattern(pattern: string, words: readonly string[]): boolean {
  const parsed = parsePattern(pattern.trim());
  if (!parsed.ok) return false;
  const parts = parsed.words;
  for (const [index, part] of parts.entries()) {
    if (part === '**' && index === parts.length - 1) return words.length >= index && words.slice(index).every((word) => wildcardMay(word, true) || isPlainPath(word));
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
  if (pattern === undefined) {
    const option = split.words.find((word) => word.startsWith('-'));
    const hint = option === undefined ? '' : ` (a wildcard never matches an option such as ${JSON.stringify(option)}: a pattern must spell it out)`;
    return { allowed: false, why: `no allow pattern matches it${hint}` };
  }
  return { allowed: true, argv: split.words, pattern };
}
