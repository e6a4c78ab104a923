import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMap, isSeq, parseDocument } from 'yaml';
import { createOctokit, statusOf, type Octokit } from '../io/github/octokit.ts';
import { branchName, workflowFile } from '../settings.ts';
import { runProcess } from '../io/process.ts';
import { STEER_WORKFLOW_PATH, stateTemplate } from '../steer/template.ts';
import type { StateTree } from '../state/tree.ts';
import { byText } from '../text/canonical.ts';

export const INIT_USAGE = `looop-action init [--repo OWNER/NAME] [--state-branch B] [--workflow F] [--uses A] [--dry-run]

Creates the loop's state branch on GitHub (default loop-state) from the template, with the
steer workflow in it (.github/workflows/looop-steer.yml), which checks each pull request
against the branch and wakes the loop when one is merged. Run it once, with your own
credentials: GH_TOKEN, else GITHUB_TOKEN, else the gh CLI's login. A classic token needs the
"repo" and "workflow" scopes; a fine-grained one "Contents" and "Workflows" write access.

  --repo OWNER/NAME  the repository (default: this checkout's origin)
  --state-branch B   the state branch to create (default loop-state); it must not exist yet
  --workflow F       the workflow file that runs the beat, in .github/workflows/ (default looop.yml)
  --uses A           how the steer workflow names the action, e.g. octo/looop-action@v1
                     (default: the looop-action step of --workflow in this checkout)
  --dry-run          print what would be created, create nothing`;

const flags = {
  repo: { type: 'string' },
  'state-branch': { type: 'string', default: 'loop-state' },
  workflow: { type: 'string', default: 'looop.yml' },
  uses: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A refusal the person can act on: printed as it is, with a non-zero exit. */
export class InitError extends Error {
  override name = 'InitError';
}

interface Repository {
  readonly owner: string;
  readonly repo: string;
}

export async function init(args: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<number> {
  const { values } = parseArgs({ args, options: flags, allowPositionals: false });
  if (values.help === true) {
    console.log(INIT_USAGE);
    return 0;
  }
  try {
    const stateBranch = valid(branchName, values['state-branch'], '--state-branch');
    const workflow = valid(workflowFile('looop.yml'), values.workflow, '--workflow');
    const repository = values.repo === undefined ? await originRepository(cwd, env) : parseRepository(values.repo);
    const uses = values.uses ?? (await usesIn(path.join(cwd, '.github/workflows', workflow), workflow));
    const tree = await stateTemplate(STEER_WORKFLOW_PATH, { stateBranch, beatWorkflow: workflow, uses });
    const where = `${repository.owner}/${repository.repo}`;
    if (values['dry-run']) {
      printPlan(tree, where, stateBranch);
      return 0;
    }
    const octokit = createOctokit({ token: await personToken(env, cwd), baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com', env });
    const sha = await createBranch(octokit, repository, stateBranch, tree);
    console.log(`Created ${stateBranch} in ${where} (commit ${sha.slice(0, 12)}) with ${tree.size} files, the steer workflow among them.\n`);
    console.log(nextSteps(where, stateBranch, workflow));
    return 0;
  } catch (error) {
    if (!(error instanceof InitError)) throw error;
    console.error(`looop-action init: ${error.message}`);
    return 1;
  }
}

function valid(schema: { safeParse(value: unknown): { success: boolean; data?: unknown; error?: { issues: { message: string }[] } } }, value: string, flag: string): string {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new InitError(`${flag} ${JSON.stringify(value)}: ${parsed.error?.issues[0]?.message ?? 'not valid'}`);
  return String(parsed.data);
}

export function parseRepository(text: string): Repository {
  const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(text.trim());
  if (match === null) throw new InitError(`--repo ${JSON.stringify(text)}: expected OWNER/NAME, such as octo/project`);
  return { owner: match[1] ?? '', repo: (match[2] ?? '').replace(/\.git$/, '') };
}

/** OWNER/NAME from an origin URL: https://host/o/r(.git), git@host:o/r(.git), ssh://git@host/o/r(.git). */
export function repositoryFromUrl(url: string): Repository | undefined {
  const match = /^(?:[a-z+]+:\/\/(?:[^@/]+@)?[^/]+\/|[^@\s]+@[^:\s]+:)([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(url.trim());
  return match === null ? undefined : { owner: match[1] ?? '', repo: match[2] ?? '' };
}

async function originRepository(cwd: string, env: NodeJS.ProcessEnv): Promise<Repository> {
  const exit = await runProcess({ file: 'git', args: ['remote', 'get-url', 'origin'], cwd, env: plain(env), timeoutMs: 30_000 });
  const url = exit.stdout.trim();
  const found = exit.code === 0 ? repositoryFromUrl(url) : undefined;
  if (found === undefined) {
    throw new InitError(exit.code === 0 ? `this checkout's origin (${url}) is not a GitHub repository URL: pass --repo OWNER/NAME` : `no origin remote here (${exit.stderrTail.trim() || 'not a git checkout'}): run init in your repository's checkout, or pass --repo OWNER/NAME`);
  }
  return found;
}

function plain(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** The person's token: GH_TOKEN, GITHUB_TOKEN, or what the gh CLI is logged in with. */
async function personToken(env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
  const set = [env.GH_TOKEN, env.GITHUB_TOKEN].map((token) => token?.trim()).find((token) => token !== undefined && token !== '');
  if (set !== undefined) return set;
  const exit = await runProcess({ file: 'gh', args: ['auth', 'token'], cwd, env: plain(env), timeoutMs: 30_000 });
  const token = exit.code === 0 ? exit.stdout.trim() : '';
  if (token !== '') return token;
  throw new InitError(
    'no GitHub token: set GH_TOKEN (or GITHUB_TOKEN) to a token of yours, or log in with "gh auth login". ' +
      'A classic token needs the "repo" and "workflow" scopes; a fine-grained one "Contents" and "Workflows" read and write on this repository.',
  );
}

/** The `uses:` of the step that runs looop-action in the beat's workflow, so the steer workflow runs the same version. */
async function usesIn(file: string, workflow: string): Promise<string> {
  const hint = `pass --uses OWNER/looop-action@vN, the same as your loop's workflow uses`;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InitError(`no ${path.join('.github/workflows', workflow)} in this checkout to read the action's version from: ${hint}`);
  }
  const jobs = parseDocument(text).get('jobs');
  const uses = (isMap(jobs) ? jobs.items : []).flatMap((job) => {
    const steps = isMap(job.value) ? job.value.get('steps') : undefined;
    return (isSeq(steps) ? steps.items : []).flatMap((step) => {
      const value = isMap(step) ? step.get('uses') : undefined;
      return typeof value === 'string' && /(^|\/)looop-action(@|$)|^\.\/?$/.test(value) ? [value] : [];
    });
  });
  const found = uses.find((value) => value.includes('@'));
  if (found === undefined) throw new InitError(`found no "uses: OWNER/looop-action@vN" step in .github/workflows/${workflow}: ${hint}`);
  return found;
}

function printPlan(tree: StateTree, where: string, branch: string): void {
  console.log(`Would create the branch ${branch} in ${where}, one commit without parents, holding:\n`);
  for (const [file, entry] of [...tree].sort(([a], [b]) => byText(a, b))) {
    if (entry.kind === 'file') console.log(`  ${entry.executable ? '100755' : '100644'} ${file} (${entry.content.length} bytes)`);
  }
  const steer = tree.get(STEER_WORKFLOW_PATH);
  if (steer?.kind === 'file') console.log(`\n${STEER_WORKFLOW_PATH}:\n\n${steer.content.toString('utf8')}`);
}

function nextSteps(where: string, branch: string, workflow: string): string {
  return [
    'Next:',
    `1. Make sure .github/workflows/${workflow} on the default branch runs the beat, with a "workflow_dispatch:" trigger (the steer workflow dispatches it).`,
    `2. Steer by pull request against ${branch}: goals/, sensors/, PLAYBOOK.md. Each one is checked; a merged one wakes the loop.`,
    `3. Protect ${branch} with a ruleset so only the loop and reviewed pull requests change it (Settings → Rules → Rulesets in ${where}).`,
    '4. Run the loop once (Actions → your workflow → Run workflow): it opens the setup issue.',
  ].join('\n');
}

/** The branch as one root commit, through the Git Data API; never over a branch that exists. */
async function createBranch(octokit: Octokit, repository: Repository, branch: string, tree: StateTree): Promise<string> {
  const where = `${repository.owner}/${repository.repo}`;
  const refuse = () =>
    new InitError(
      `the branch "${branch}" already exists in ${where}; init only creates a new state branch and never overwrites one. ` +
        `To add the steer workflow to it, open a pull request against ${branch} adding ${STEER_WORKFLOW_PATH} (npx looop-action init --dry-run --state-branch ${branch} prints it), ` +
        'or name another branch with --state-branch.',
    );
  const repo = await call(() => octokit.request('GET /repos/{owner}/{repo}', { ...repository }), `read ${where}`);
  if (repo.data.default_branch === branch) throw new InitError(`"${branch}" is ${where}'s default branch: the state branch must be a branch of its own, such as loop-state`);
  if (await branchExists(octokit, repository, branch)) throw refuse();
  const entries: ({ path: string; mode: '100644' | '100755'; type: 'blob' } & ({ content: string } | { sha: string }))[] = [];
  for (const [file, entry] of tree) {
    if (entry.kind !== 'file') continue;
    const mode = entry.executable ? '100755' : '100644';
    // Text goes inline in the tree: GitHub paces content-creating requests a second apart, and one per file adds up.
    const text = entry.content.toString('utf8');
    if (Buffer.from(text, 'utf8').equals(entry.content)) {
      entries.push({ path: file, mode, type: 'blob', content: text });
      continue;
    }
    const blob = await call(() => octokit.request('POST /repos/{owner}/{repo}/git/blobs', { ...repository, content: entry.content.toString('base64'), encoding: 'base64' }), `write ${file}`);
    entries.push({ path: file, mode, type: 'blob', sha: blob.data.sha });
  }
  const created = await call(() => octokit.request('POST /repos/{owner}/{repo}/git/trees', { ...repository, tree: entries }), 'write the tree');
  const commit = await call(() => octokit.request('POST /repos/{owner}/{repo}/git/commits', { ...repository, message: 'looop: create the state branch from loop-state/, with the steer workflow', tree: created.data.sha, parents: [] }), 'write the commit');
  try {
    await octokit.request('POST /repos/{owner}/{repo}/git/refs', { ...repository, ref: `refs/heads/${branch}`, sha: commit.data.sha });
  } catch (error) {
    if (statusOf(error) === 422 && /already exists/i.test((error as Error).message)) throw refuse();
    throw apiError(error, `create the branch ${branch}`);
  }
  return commit.data.sha;
}

async function branchExists(octokit: Octokit, repository: Repository, branch: string): Promise<boolean> {
  try {
    await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...repository, ref: `heads/${branch}` });
    return true;
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw apiError(error, `look for the branch ${branch}`);
  }
}

async function call<T>(request: () => Promise<T>, what: string): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw apiError(error, what);
  }
}

function apiError(error: unknown, what: string): InitError {
  const message = (error as Error).message;
  const status = statusOf(error);
  if (status === 401) return new InitError(`could not ${what}: GitHub refused the token (${message}); set GH_TOKEN to a valid token, or "gh auth login" again`);
  if (status === 403 || status === 404 || /workflow/i.test(message)) {
    return new InitError(
      `could not ${what}: ${message}. The token needs write access to the repository's contents and workflows: ` +
        'a classic token the "repo" and "workflow" scopes, a fine-grained one "Contents" and "Workflows" read and write',
    );
  }
  return new InitError(`could not ${what}: ${message}`);
}
