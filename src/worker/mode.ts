import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { GitHub } from '../beat/github.ts';
import { readCheckout } from '../io/checkout.ts';
import type { RunContext } from '../io/context.ts';
import { createGit, type Git } from '../io/git.ts';
import { lazyGitHub } from '../io/github/lazy.ts';
import { printUntrusted } from '../io/log.ts';
import { openStateBranch, StateBranchError } from '../io/state-branch.ts';
import { fetchHead, withRepo } from '../io/state-fetch.ts';
import { branchStore, commandRunner, redactingGitHub } from '../io/wiring.ts';
import type { WorkflowCommands } from '../io/workflow.ts';
import { workerBranch, workerPath } from '../resources/workers/model.ts';
import type { Settings } from '../settings.ts';
import { plainText } from '../text/markdown.ts';
import type { Redact } from '../text/redact.ts';
import { runAgent } from './agent.ts';
import { openWorkFolder, saveWork, type BranchPlace } from './branch.ts';
import { runWorkerRound, type WorkerReport } from './run.ts';
import { loadYaml } from '../text/yaml.ts';

/**
 * Mode worker: one round of one worker, in a workflow run of its own that a beat dispatched.
 * This wires the real adapters; the round itself is src/worker/run.ts.
 */
export async function runWorker(settings: Settings, env: NodeJS.ProcessEnv, context: RunContext, core: WorkflowCommands, redact: Redact, secrets: readonly string[]): Promise<void> {
  const id = settings.workerId;
  if (id === undefined) throw new Error('mode worker needs input "worker-id"');
  // A worker reads the state's files, which people may write in YAML.
  await loadYaml();
  const dir = await mkdtemp(path.join(context.tempDir, 'looop-worker-'));
  try {
    const git = createGit({ env, ...(settings.githubToken === undefined ? {} : { token: settings.githubToken }) });
    // The worker's branch is pushed with worker-token when set, so its pull request's CI runs (see the README).
    const pushToken = settings.workerToken ?? settings.githubToken;
    const branchGit = createGit({ env, ...(pushToken === undefined ? {} : { token: pushToken }) });
    const checkout = await readCheckout(git, context.workspace, secrets);
    await using stateBranch = await openStateBranch({
      git,
      url: checkout.url,
      branch: settings.stateBranch,
      tempDir: dir,
      template: () => Promise.reject(new StateBranchError(`the state branch "${settings.stateBranch}" does not exist, so worker ${id} has no record: a worker is spawned by a beat, which writes it there first`)),
      dryRun: false,
      now: () => new Date(),
    });
    const github = githubFor(settings.githubToken, context, env, redact);
    const pulls = settings.workerToken === undefined ? github : githubFor(settings.workerToken, context, env, redact);
    const place: BranchPlace = { git: branchGit, url: checkout.url, branch: workerBranch(id), scratch: dir };
    const report = await runWorkerRound(
      {
        store: branchStore(stateBranch, redact),
        readWorkerFile: () => readTipFile(git, checkout.url, settings.stateBranch, workerPath(id), dir),
        defaultBranch: () => defaultBranch(github, git, checkout.url, dir),
        openFolder: (base) => openWorkFolder(place, base),
        saveWork: (work, message) => saveWork(place, work, redact(message)),
        runAgent: (folder, prompt) => runAgent({ settings, env, folder, scratch: dir, prompt: redact(prompt) }),
        runVerify: (folder) => commandRunner(settings, env, folder),
        github,
        pulls,
        now: () => new Date(),
      },
      {
        id,
        beat: context.beat,
        runId: context.runId,
        runUrl: context.runUrl,
        askFileUrl: context.repositoryUrl === undefined ? undefined : (ask) => `${context.repositoryUrl ?? ''}/blob/${settings.stateBranch.split('/').map(encodeURIComponent).join('/')}/asks/${ask}.md`,
        settings,
      },
    );
    await reportRound(report, core, redact, env);
    if (report.status === 'failed') core.setFailed(redact(report.message));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function githubFor(token: string | undefined, context: RunContext, env: NodeJS.ProcessEnv, redact: Redact): GitHub | undefined {
  if (token === undefined || context.repository === undefined) return undefined;
  return redactingGitHub(lazyGitHub({ token, ...context.repository, baseUrl: context.apiUrl, env }), redact);
}

/** The repository's default branch from GitHub, else what the origin's HEAD points at. */
async function defaultBranch(github: GitHub | undefined, git: Git, url: string, dir: string): Promise<string> {
  if (github !== undefined) return github.defaultBranch();
  return withRepo(dir, async (repo) => {
    const listed = await git.run(['ls-remote', '--symref', url, 'HEAD'], { cwd: repo, repo, remote: url });
    const branch = /^ref: refs\/heads\/(\S+)\s+HEAD$/m.exec(listed.stdout)?.[1];
    if (branch === undefined) throw new Error("could not tell the repository's default branch: GitHub was not asked (no github-token), and the checkout's origin names no HEAD");
    return branch;
  });
}

/** One file as the state branch's tip holds it now, fetched anew (a beat may have written it since). */
async function readTipFile(git: Git, url: string, branch: string, file: string, dir: string): Promise<string | null> {
  return withRepo(dir, async (repo) => {
    const sha = await fetchHead({ git, url, branch }, repo);
    if (sha === undefined) return null;
    const shown = await git.tryRun(['cat-file', 'blob', `${sha}:${file}`], { cwd: repo, repo });
    return shown.ok ? shown.stdout : null;
  });
}

/** The step's outputs, log lines and job summary; every word from the agent passes the redactor. */
async function reportRound(report: WorkerReport, core: WorkflowCommands, redact: Redact, env: NodeJS.ProcessEnv): Promise<void> {
  core.setOutput('worker', report.id);
  core.setOutput('status', report.status);
  core.setOutput('pr', report.pr?.url ?? '');
  for (const warning of report.warnings) core.warning(redact(warning), { title: 'looop worker' });
  if (report.status === 'failed') core.error(redact(report.message), { title: 'looop worker failed' });
  else if (report.pr === undefined) core.notice(redact(report.message), { title: 'looop worker' });
  printUntrusted(redact(report.message), core);
  const lines = [`### looop worker ${plainText(report.id)}: ${report.status}`, '', plainText(redact(report.message))];
  if (report.pr !== undefined) lines.push('', `Pull request: [#${report.pr.number}](${encodeURI(report.pr.url)}) (${report.pr.did})`);
  if (report.verified !== undefined) lines.push('', `Verify: ${report.verified.ok ? 'passed' : 'failed'} (${plainText(redact(report.verified.outcome))})`);
  if (report.costUsd !== undefined) lines.push('', `Cost over its rounds: $${report.costUsd.toFixed(4)}`);
  if (report.summary !== undefined && report.summary !== '') lines.push('', '#### What the agent says it did', '', plainText(redact(report.summary)));
  const summary = `${lines.join('\n')}\n`;
  if (env.GITHUB_STEP_SUMMARY !== undefined) await core.appendSummary(summary);
  else printUntrusted(summary, core);
}
