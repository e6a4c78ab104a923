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

/** The checkout's git config, every scope, as git reads it; only read, nothing is written. */
export function listConfig(git: Git, workspace: string): Promise<GitResult> {
  // safe.directory: in a container job the checkout may belong to another user; reading its config is all we do.
  return git.tryRun(['-c', `safe.directory=${workspace}`, 'config', '--list', '-z', '--show-scope'], { cwd: workspace });
}

/** "<scope>\0<key>\n<value>\0" per entry; the action's own "-c" settings are scope "command". */
function entriesOf(listed: GitResult): { key: string; value: string }[] {
  const fields = listed.stdout.split('\0');
  return fields
    .flatMap((field, i) => (i % 2 === 1 && fields[i - 1] !== 'command' ? [field] : []))
    .map((entry) => {
      const newline = entry.indexOf('\n');
      return newline < 0 ? { key: entry, value: '' } : { key: entry.slice(0, newline), value: entry.slice(newline + 1) };
    });
}

/** The origin's URL in a listing, unchecked: what a fetch may start with before the checkout is checked. */
export function originIn(listed: GitResult): string | undefined {
  if (!listed.ok) return undefined;
  const url = entriesOf(listed).find(({ key }) => key.toLowerCase() === 'remote.origin.url')?.value;
  return url === '' ? undefined : url;
}

/**
 * Reads the checkout's origin and refuses a checkout whose git config carries a credential.
 * Only reads: nothing is written to the user's repository. `listed` is the config when it was
 * read already (the entry starts that before the bundle loads).
 */
export async function readCheckout(git: Git, workspace: string, secrets: readonly string[], listed: Promise<GitResult> = listConfig(git, workspace)): Promise<Checkout> {
  const listing = await listed;
  if (!listing.ok) {
    throw new CheckoutError(`${workspace} is not a git checkout (${listing.stderr.trim() || 'git config failed'}). Run actions/checkout before this action.`);
  }
  const entries = entriesOf(listing);
  const found = entries.flatMap(({ key, value }) => {
    const why = credentialIn(key, value, secrets);
    return why === undefined ? [] : [`${key} (${why})`];
  });
  if (found.length > 0) throw new CheckoutError(`the checkout's git config holds a credential: ${found.join('; ')}. ${PERSIST_HINT}`);
  const url = entries.find(({ key }) => key.toLowerCase() === 'remote.origin.url')?.value;
  if (url === undefined || url === '') throw new CheckoutError(`${workspace} is a git checkout without an "origin" remote. Run actions/checkout before this action.`);
  return { url };
}
