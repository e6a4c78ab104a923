import type * as YamlModule from 'yaml';

/**
 * The YAML parser, loaded only by the beats that meet YAML. The loop writes its front matter as
 * JSON and reads plain `key: word` lines without a parser, so an idle beat seldom needs one, and
 * loading and compiling it costs a twentieth of such a beat. The code that may parse YAML is
 * synchronous; the async steps before it load YAML when what they read needs it (the state's
 * reading, the settings' prices, a decision's writes, a head another beat pushed), and a parse
 * without it is a bug, said as one.
 */
export type Yaml = typeof YamlModule;

let loaded: Yaml | undefined;

export async function loadYaml(): Promise<Yaml> {
  loaded ??= await import('yaml');
  return loaded;
}

/** What yaml() throws before loadYaml(): a reader that may meet YAML loads it and reads again (loadState). */
export class YamlNotLoaded extends Error {
  override name = 'YamlNotLoaded';
}

/** The parser, once loadYaml() has loaded it. */
export function yaml(): Yaml {
  if (loaded === undefined) throw new YamlNotLoaded('looop-action read YAML before loading its parser; this is a bug, please report it');
  return loaded;
}

/** A file's front matter: the block between its first two `---` lines. */
export const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** `key: word` or `key: 12`: what YAML reads as a string or an integer, with no other reading. */
const SIMPLE_LINE = /^([A-Za-z_][A-Za-z0-9_-]*): ([a-z][a-z0-9-]*|-?(?:0|[1-9][0-9]{0,14}))$/;
/** Plain words YAML reads as something other than the word. */
const NOT_WORDS = new Set(['null', 'true', 'false']);

/**
 * Front matter of `key: word` and `key: number` lines only, read as YAML would read it, without
 * YAML: a state of a thousand goals is read in a beat. Undefined for anything else (comments,
 * quotes, lists, a repeated key…), which YAML reads.
 */
export function simpleFrontMatter(block: string): Record<string, string | number> | undefined {
  const fields: Record<string, string | number> = {};
  for (const line of block.split('\n')) {
    const match = SIMPLE_LINE.exec(line);
    if (match === null) return undefined;
    const [, key = '', value = ''] = match;
    if (Object.hasOwn(fields, key) || key === '__proto__' || NOT_WORDS.has(value)) return undefined;
    fields[key] = /^-?\d/.test(value) ? Number(value) : value;
  }
  return fields;
}

/** A front matter block JSON reads (an object): how the loop writes its own files. */
export function jsonFrontMatter(block: string): unknown {
  if (!block.trimStart().startsWith('{')) return undefined;
  try {
    return JSON.parse(block) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A YAML block as a value, or what is wrong with it: its first parse error, or what toJS()
 * refused. yaml throws there for aliases that expand past its limit (a dozen lines, each alias
 * doubling the one before): a file a person or a goal_write could commit, which must read as a
 * problem of that file, not fail every beat.
 */
export function readYaml(parser: Pick<Yaml, 'parseDocument'>, block: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  const doc = parser.parseDocument(block);
  if (doc.errors.length > 0) return { ok: false, problem: doc.errors[0]?.message ?? 'not YAML' };
  try {
    return { ok: true, value: doc.toJS() };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}
