import { originIn, readConfig, type ConfigListing } from './checkout.ts';
import { createGit, type Git } from './git.ts';
import { makeScratch, type Scratch } from './scratch.ts';
import { fetchTip, type PrefetchedTip } from './state-branch.ts';

/**
 * The state branch's fetch, started by the entry before the bundle loads: git works on one core
 * while Node compiles the bundle on the other. It is a guess at what the beat will fetch, made
 * from the raw inputs before any of them is checked: the beat uses it only when its checked
 * settings and checkout ask for exactly that fetch (the same workspace, origin, branch and
 * token), and fetches again otherwise. A fetch only reads, into a repository of the action's
 * own that is removed once the beat has read it, before any sensor, command or runner starts.
 */
export interface Prefetch {
  readonly workspace: string;
  readonly branch: string;
  readonly token: string | undefined;
  /** The checkout's git config, for the beat's check of it. */
  readonly config: Promise<ConfigListing>;
  /** Settles once git is fetching (or could not start): the bundle is loaded after, so that both run at once. */
  readonly started: Promise<void>;
  /** The tip as read, with its view; undefined when the checkout has no origin to fetch from. */
  readonly tip: Promise<PrefetchedTip | undefined>;
  /** Removes what the fetch left and the beat did not take; the beat calls it when it is done, whatever happened. */
  dispose(): Promise<void>;
}

/** Names a branch can have (the settings check them again, and more closely). */
const BRANCH = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;

function input(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[`INPUT_${name.toUpperCase()}`]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Git as the beat makes it; undefined without git on PATH (the beat says so itself). */
function gitOf(env: NodeJS.ProcessEnv, token: string | undefined): Git | undefined {
  try {
    return createGit({ env, ...(token === undefined ? {} : { token }) });
  } catch {
    return undefined;
  }
}

/**
 * Starts the fetch a beat is about to make, or undefined when the step is not a beat that would.
 * With the checkout's origin read from its config file, git fetches at once; otherwise git
 * reads the config first.
 */
export function prefetch(env: NodeJS.ProcessEnv): Prefetch | undefined {
  const branch = input(env, 'state-branch') ?? 'loop-state';
  if ((input(env, 'mode') ?? 'beat') !== 'beat' || !BRANCH.test(branch) || branch.includes('..')) return undefined;
  const token = input(env, 'github-token');
  const git = gitOf(env, token);
  if (git === undefined) return undefined;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  let scratch: Scratch;
  try {
    scratch = makeScratch(env);
  } catch {
    // The beat makes its own and says what stands in the way.
    return undefined;
  }
  let begun = (): void => undefined;
  const started = new Promise<void>((resolve) => {
    begun = resolve;
  });
  const fetch = (url: string | undefined): Promise<PrefetchedTip | undefined> => (url === undefined ? Promise.resolve(undefined) : fetchTip({ git, url, branch }, scratch.dir, begun));
  // A plain config file is read at once, and git starts fetching before the bundle loads.
  const config = readConfig(git, workspace);
  const tip = config.then((listing) => fetch(originIn(listing))).finally(begun);
  // What the beat does not wait for must not end the process as an unhandled rejection.
  for (const promise of [config, tip]) promise.catch(() => undefined);
  return {
    workspace,
    branch,
    token,
    config,
    started,
    tip,
    dispose: async () => {
      await tip.catch(() => undefined);
      await scratch[Symbol.asyncDispose]();
    },
  };
}
