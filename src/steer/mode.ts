import { mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { WorkflowCommands } from '../io/workflow.ts';
import { z } from 'zod';
import { checkReadings, checkSummary, checkTree, onlyLoopCommits, type Finding } from './check.ts';
import type { RunContext } from '../io/context.ts';
import { printUntrusted } from '../io/log.ts';
import { githubStatus } from '../beat/github.ts';
import { createGitHub } from '../io/github/client.ts';
import { sense } from '../beat/sense.ts';
import { SettingsError, type Settings } from '../settings.ts';
import { createGit, type Git } from '../io/git.ts';
import { materialize } from '../io/state-branch.ts';
import { readTree } from '../io/tree-read.ts';
import { readState } from '../state/read.ts';
import { sensorRunner } from '../io/wiring.ts';
import { loadYaml } from '../text/yaml.ts';

/** What mode check reads of the event that started it. */
const eventSchema = z.object({
  ref: z.string().optional(),
  deleted: z.boolean().optional(),
  commits: z.array(z.object({ id: z.string().optional(), committer: z.object({ email: z.string().nullish() }).nullish() })).optional(),
  pull_request: z.object({ base: z.object({ ref: z.string() }) }).optional(),
  sender: z.object({ type: z.string().optional() }).nullish(),
  repository: z.object({ default_branch: z.string() }).partial().optional(),
});
type SteerEvent = z.infer<typeof eventSchema>;

export class CheckFailed extends Error {
  override name = 'CheckFailed';
}

async function readEvent(env: NodeJS.ProcessEnv): Promise<SteerEvent> {
  if (env.GITHUB_EVENT_PATH === undefined) return {};
  const parsed = eventSchema.safeParse(JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')));
  return parsed.success ? parsed.data : {};
}

/**
 * Mode check, as the steer workflow runs it: on a pull request against the state branch it
 * checks the change; on a push to the state branch it dispatches one beat.
 */
export async function runSteer(settings: Settings, env: NodeJS.ProcessEnv, context: RunContext, core: WorkflowCommands): Promise<void> {
  const event = await readEvent(env);
  const name = env.GITHUB_EVENT_NAME ?? '';
  // A steering change is people's writing: YAML front matter is theirs to use.
  await loadYaml();
  if (name === 'push') return wake(settings, env, context, event, core);
  if (name === 'pull_request_target') {
    throw new SettingsError("mode check runs a pull request's sensors, so never on pull_request_target, where they would run with the base repository's token and secrets: use on: pull_request");
  }
  if (name === 'pull_request' || name === '') return checkChange(settings, env, context, event, core);
  throw new SettingsError(`mode check runs on pull_request (to check a steering change) or push (to wake the loop) events, not on ${name}: see the steer workflow, templates/looop-steer.yml`);
}

async function checkChange(settings: Settings, env: NodeJS.ProcessEnv, context: RunContext, event: SteerEvent, core: WorkflowCommands): Promise<void> {
  const base = event.pull_request?.base.ref;
  if (base !== undefined && base !== settings.stateBranch) {
    throw new SettingsError(`this pull request is against "${base}", not the state branch "${settings.stateBranch}" (input state-branch): mode check only checks steering changes; limit the workflow to "on: pull_request: branches: [${settings.stateBranch}]"`);
  }
  const git = createGit({ env });
  const gitDir = path.join(context.workspace, '.git');
  const { tree } = await readTree(git, gitDir, 'HEAD').catch((error: unknown) => {
    throw new CheckFailed(`could not read the checked-out commit in ${context.workspace} (${(error as Error).message}): run actions/checkout before this step`);
  });
  const changed = await changedFiles(git, gitDir);
  if (changed === undefined) core.notice('The base of this pull request is not in the checkout, so edits to the loop\'s own files are not looked for: check out with "fetch-depth: 2".', { title: 'looop' });
  const state = readState(tree);
  const dir = await mkdtemp(path.join(context.tempDir, 'looop-check-'));
  try {
    const view = await materialize(tree, dir);
    // The same runner a beat uses: the scrubbed environment, no token, bounded time and output.
    const readings = await sense(state.sensors, sensorRunner(settings, env, context.workspace, view), settings.sensorTimeoutMs);
    const findings = [...checkTree(tree, changed), ...checkReadings(state.sensors, readings)];
    await report(findings, { goals: state.goals.length, sensors: state.sensors.length }, env, core);
    const errors = findings.filter((f) => f.level === 'error');
    if (errors.length > 0) throw new CheckFailed(`the steering change has ${errors.length} problem${errors.length === 1 ? '' : 's'}, in ${[...new Set(errors.map((f) => f.file))].join(', ')}: see the annotations`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The files the pull request changes: its merge commit against the first parent, the base. */
async function changedFiles(git: Git, gitDir: string): Promise<string[] | undefined> {
  const call = { cwd: gitDir, repo: gitDir };
  const merge = await git.tryRun(['rev-parse', '--verify', '--quiet', 'HEAD^2'], call);
  const parent = await git.tryRun(['cat-file', '-e', 'HEAD^1^{commit}'], call);
  if (!merge.ok || !parent.ok) return undefined;
  const diff = await git.run(['diff-tree', '-r', '--no-commit-id', '--name-only', '-z', 'HEAD^1', 'HEAD'], call);
  return diff.stdout.split('\0').filter((file) => file !== '');
}

async function report(findings: readonly Finding[], checked: { goals: number; sensors: number }, env: NodeJS.ProcessEnv, core: WorkflowCommands): Promise<void> {
  for (const finding of findings) {
    const annotate = finding.level === 'error' ? core.error : core.warning;
    annotate(finding.message, { file: finding.file, title: 'looop: steering check' });
  }
  const summary = checkSummary(findings, checked);
  if (env.GITHUB_STEP_SUMMARY !== undefined) await core.appendSummary(summary);
  else printUntrusted(summary, core);
}

/** A change landed on the state branch: one beat of beat-workflow, on the default branch. */
async function wake(settings: Settings, env: NodeJS.ProcessEnv, context: RunContext, event: SteerEvent, core: WorkflowCommands): Promise<void> {
  if (event.ref !== undefined && event.ref !== `refs/heads/${settings.stateBranch}`) {
    throw new SettingsError(`this push is to ${event.ref}, not to the state branch "${settings.stateBranch}" (input state-branch): limit the workflow to "on: push: branches: [${settings.stateBranch}]"`);
  }
  if (event.deleted === true) {
    core.info('The state branch was deleted: there is nothing to wake.');
    return;
  }
  // The committer is whatever the commit says; the sender is who GitHub saw push, and a bot.
  if (event.sender?.type === 'Bot' && onlyLoopCommits(event.commits ?? [])) {
    core.info("Every pushed commit is the loop's own record: no beat is dispatched (a beat woken by its own record would find nothing new).");
    return;
  }
  const ref = event.repository?.default_branch;
  if (settings.githubToken === undefined || context.repository === undefined || ref === undefined) {
    throw new SettingsError('mode check on a push dispatches a beat through the API: it needs github-token (the default), GITHUB_REPOSITORY and the push event\'s repository');
  }
  const github = createGitHub({ token: settings.githubToken, ...context.repository, baseUrl: context.apiUrl, env });
  const target = `${settings.beatWorkflow} (input beat-workflow) on ${ref} of ${context.repository.owner}/${context.repository.repo}`;
  try {
    await github.dispatchWorkflow(settings.beatWorkflow, ref, {});
  } catch (error) {
    throw new CheckFailed(dispatchError(githubStatus(error), (error as Error).message, target));
  }
  core.info(`Dispatched one beat: ${target}.`);
}

function dispatchError(status: number | undefined, message: string, target: string): string {
  switch (status) {
    case 404:
      return `could not dispatch ${target}: GitHub found no such workflow. Set beat-workflow to the file name of the workflow that runs the beat (in .github/workflows/ on the default branch)`;
    case 403:
      return `could not dispatch ${target}: the token may not (${message}). Give the job "permissions: actions: write"`;
    case 422:
      return `could not dispatch ${target}: ${message}. The beat's workflow needs a "workflow_dispatch:" trigger`;
    default:
      return `could not dispatch ${target}: ${message}`;
  }
}
