import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Git, GitResult } from './git.ts';

/** What the action takes from the user's checkout, read before any sensor or command runs. */
export interface Checkout {
  /** Where the state branch is fetched from and pushed to. */
  readonly url: string;
}

export class CheckoutError extends Error {
  override name = 'CheckoutError';
}

const PERSIST_HINT =
  'Set "persist-credentials: false" on the actions/checkout step: sensors and commands run in the checkout, and could read it. ' +
  'looop-action authenticates its own git with input github-token, without writing it anywhere.';

/**
 * Why a config entry is a credential that a sensor or command could read, or undefined. The
 * header actions/checkout writes (in .git/config up to v5, in an included file under
 * RUNNER_TEMP from v6), a password in a URL, a credential helper, an SSH key command, or any
 * value holding a known secret.
 */
function credentialIn(key: string, value: string, secrets: readonly string[]): string | undefined {
  const name = key.toLowerCase();
  if (/^http\.(.*\.)?extraheader$/.test(name)) return 'an HTTP header with the token (actions/checkout leaves it when persist-credentials is on)';
  if (/^includeif\..*\.path$|^include\.path$/.test(name) && /git-credentials-[0-9a-f-]+\.config$/i.test(value)) return "an include of actions/checkout's credentials file";
  if (/\.(url|pushurl|insteadof)$/.test(name) && /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+@/i.test(value) && !/^ssh:/i.test(value)) return 'a URL with a user name or password in it';
  // A URL is a key too: url.<base>.insteadOf names the base, which may carry a password.
  if (/^(url|http|credential)\.[a-z][a-z0-9+.-]*:\/\/[^/@\s]+@/i.test(key) && !/^url\.ssh:/i.test(key)) return 'a URL with a user name or password in its name';
  if (secrets.some((secret) => key.includes(secret))) return 'a secret the action was given, in its name';
  if (/^credential\.(.*\.)?helper$/.test(name) && value.trim() !== '') return 'a credential helper';
  if (name === 'core.sshcommand' && /\s-i\s/.test(value)) return 'an SSH command with a key file';
  if (secrets.some((secret) => value.includes(secret))) return 'a secret the action was given';
  return undefined;
}

/** One setting of the checkout's config: its key as git lists it (section and name in lower case), and its value. */
export interface ConfigEntry {
  readonly key: string;
  readonly value: string;
}

/** The checkout's config, or why it could not be read. */
export type ConfigListing = { readonly ok: true; readonly entries: readonly ConfigEntry[] } | { readonly ok: false; readonly why: string };

/**
 * The checkout's git config, as git reads it: from .git/config when the file states it
 * plainly (no git to start, so the state branch's fetch starts at once), else from git. Only
 * read, nothing is written.
 */
export async function readConfig(git: Git, workspace: string): Promise<ConfigListing> {
  const plain = plainConfig(workspace);
  if (plain !== undefined) return { ok: true, entries: plain };
  // safe.directory: in a container job the checkout may belong to another user; reading its config is all we do.
  const listed = await git.tryRun(['-c', `safe.directory=${workspace}`, 'config', '--list', '-z', '--show-scope'], { cwd: workspace });
  return listed.ok ? { ok: true, entries: entriesOf(listed) } : { ok: false, why: listed.stderr.trim() || 'git config failed' };
}

/** "<scope>\0<key>\n<value>\0" per entry; the action's own "-c" settings are scope "command". */
function entriesOf(listed: GitResult): ConfigEntry[] {
  const fields = listed.stdout.split('\0');
  return fields
    .flatMap((field, i) => (i % 2 === 1 && fields[i - 1] !== 'command' ? [field] : []))
    .map((entry) => {
      const newline = entry.indexOf('\n');
      return newline < 0 ? { key: entry, value: '' } : { key: entry.slice(0, newline), value: entry.slice(newline + 1) };
    });
}

/** The origin's URL in a listing, unchecked: what a fetch may start with before the checkout is checked. */
export function originIn(listing: ConfigListing): string | undefined {
  if (!listing.ok) return undefined;
  const url = listing.entries.find(({ key }) => key === 'remote.origin.url')?.value;
  return url === '' ? undefined : url;
}

/** A line of a config file that this reading takes exactly as git does; anything else gives up. */
const CONFIG_LINE = /^(?:$|[#;].*|\[([A-Za-z0-9-]+)(?: "([^"\\]*)")?\]|([A-Za-z][A-Za-z0-9-]*)\s*=\s*([A-Za-z0-9:/._@%+~=*,-]*))$/;

/**
 * The settings of the checkout's .git/config, read without starting git, when the file states
 * them so plainly that git could not read them otherwise; the action's git reads no global or
 * system config, so the file is all of it. Undefined, for git to read, when it holds anything
 * else: an include, a worktree's own config, quoting, escapes, a continued line, a comment after
 * a value, a section in the old dotted syntax, a key without a value, a value with a space, a
 * second origin URL; and where .git is not a plain repository (a worktree's or submodule's
 * file, a commondir).
 */
export function plainConfig(workspace: string): ConfigEntry[] | undefined {
  let text: string;
  try {
    if (existsSync(path.join(workspace, '.git', 'commondir'))) return undefined;
    text = readFileSync(path.join(workspace, '.git', 'config'), 'utf8');
  } catch {
    return undefined;
  }
  const entries: ConfigEntry[] = [];
  let prefix: string | undefined;
  for (const line of text.split('\n')) {
    const parsed = CONFIG_LINE.exec(line.trim());
    if (parsed === null) return undefined;
    const [, section, subsection, key, value = ''] = parsed;
    if (section !== undefined) {
      if (/^include/i.test(section)) return undefined;
      prefix = subsection === undefined ? section.toLowerCase() : `${section.toLowerCase()}.${subsection}`;
    } else if (key !== undefined) {
      if (prefix === undefined || /^worktreeconfig$/i.test(key)) return undefined;
      entries.push({ key: `${prefix}.${key.toLowerCase()}`, value });
    }
  }
  // Git takes the last of two; which one a reader means is not plain.
  return entries.filter(({ key }) => key === 'remote.origin.url').length > 1 ? undefined : entries;
}

/**
 * Reads the checkout's origin and refuses a checkout whose git config carries a credential.
 * Only reads: nothing is written to the user's repository. `listed` is the config when it was
 * read already (the entry starts that before the bundle loads).
 */
export async function readCheckout(git: Git, workspace: string, secrets: readonly string[], listed: Promise<ConfigListing> = readConfig(git, workspace)): Promise<Checkout> {
  const listing = await listed;
  if (!listing.ok) throw new CheckoutError(`${workspace} is not a git checkout (${listing.why}). Run actions/checkout before this action.`);
  const found = listing.entries.flatMap(({ key, value }) => {
    const why = credentialIn(key, value, secrets);
    return why === undefined ? [] : [`${key} (${why})`];
  });
  if (found.length > 0) throw new CheckoutError(`the checkout's git config holds a credential: ${found.join('; ')}. ${PERSIST_HINT}`);
  const url = originIn(listing);
  if (url === undefined) throw new CheckoutError(`${workspace} is a git checkout without an "origin" remote. Run actions/checkout before this action.`);
  return { url };
}
