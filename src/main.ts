import { actionsCoreCommands, type WorkflowCommands } from './io/workflow.ts';
import { runBeat } from './beat/run.ts';
import { readRunContext, type RunContext } from './io/context.ts';
import type { GitHub } from './beat/github.ts';
import { lazyGitHub } from './io/github/lazy.ts';
import { printUntrusted } from './io/log.ts';
import { createRedactor, secretsOf, type Redact } from './text/redact.ts';
import { headline, logSections, outputsOf, summaryMarkdown } from './beat/report.ts';
import { selectDecider } from './runners/index.ts';
import { loadSettings, SettingsError, type Settings } from './settings.ts';
import { readCheckout } from './io/checkout.ts';
import { createGit } from './io/git.ts';
import { actionUses, runningWorkflow, STEER_SEED_PATH, stateTemplate } from './steer/template.ts';
import { openStateBranch } from './io/state-branch.ts';
import { makeScratch, roomHint } from './io/scratch.ts';
import type { Prefetch } from './io/prefetch.ts';
import { branchStore, commandRunner, redactingDecider, redactingGitHub, sensorRunner } from './io/wiring.ts';

/** Asks need a token and a repository; a local run without them refuses gated moves instead. */
function githubPort(settings: Settings, context: RunContext, env: NodeJS.ProcessEnv, redact: Redact): { github?: GitHub } {
  if (settings.githubToken === undefined || context.repository === undefined) return {};
  return { github: redactingGitHub(lazyGitHub({ token: settings.githubToken, ...context.repository, baseUrl: context.apiUrl, env }), redact) };
}

/** Where a person reads an ask file whole, on the state branch (its issue may show it cut to GitHub's limit). */
function askFileUrl(repositoryUrl: string, branch: string): (id: string) => string {
  return (id) => `${repositoryUrl}/blob/${branch.split('/').map(encodeURIComponent).join('/')}/asks/${id}.md`;
}

/**
 * One beat, as a workflow step: read settings, build the real adapters, run, report. The
 * bundle's entry passes the action's own workflow commands; without them (@github/local-action
 * calls run() bare, and stubs @actions/core) they are @actions/core's.
 */
export async function run(env: NodeJS.ProcessEnv = process.env, commands?: WorkflowCommands, early?: Prefetch): Promise<void> {
  const core = commands ?? (await actionsCoreCommands());
  let redact: Redact = (text) => text;
  try {
    const settings = await loadSettings(env);
    const secrets = secretsOf(settings, env);
    for (const secret of secrets) core.setSecret(secret);
    redact = createRedactor(secrets);
    const context = readRunContext(env);
    if (settings.mode === 'check') {
      const { runSteer } = await import('./steer/mode.ts');
      await runSteer(settings, env, context, core);
      return;
    }
    if (context.workBranches.includes(settings.stateBranch)) {
      throw new SettingsError(
        `input "state-branch" is "${settings.stateBranch}", the repository's default branch or the branch this run checked out: the loop would commit its records there. Name a branch of its own, such as loop-state.`,
      );
    }
    if (settings.mode === 'worker') {
      const { runWorker } = await import('./worker/mode.ts');
      await runWorker(settings, env, context, core, redact, secrets);
      return;
    }
    const dryRun = settings.dryRun || context.dispatchDryRun;
    await using scratch = makeScratch(env);
    const git = createGit({ env, ...(settings.githubToken === undefined ? {} : { token: settings.githubToken }) });
    // What the entry fetched before the bundle loaded, if it guessed this beat's fetch right.
    const guessed = early !== undefined && early.workspace === context.workspace && early.branch === settings.stateBranch && early.token === settings.githubToken ? early : undefined;
    const checkout = await readCheckout(git, context.workspace, secrets, guessed?.config);
    const decider = redactingDecider(selectDecider(settings, env, scratch.dir), redact);
    await using branch = await openStateBranch({
      git,
      url: checkout.url,
      branch: settings.stateBranch,
      tempDir: scratch.dir,
      template: () =>
        stateTemplate(STEER_SEED_PATH, {
          stateBranch: settings.stateBranch,
          beatWorkflow: runningWorkflow(env) ?? settings.beatWorkflow,
          ...(actionUses(env) === undefined ? {} : { uses: actionUses(env) }),
        }),
      dryRun,
      now: () => new Date(),
      ...(guessed === undefined ? {} : { prefetched: guessed.tip }),
    });
    const report = await runBeat(
      {
        store: branchStore(branch, redact),
        runSensor: sensorRunner(settings, env, context.workspace, branch.view),
        decider,
        runCommand: commandRunner(settings, env, context.workspace),
        ...githubPort(settings, context, env, redact),
        now: () => new Date(),
      },
      {
        beat: context.beat,
        ...(context.runId === undefined ? {} : { runId: context.runId }),
        ...(context.runUrl === undefined ? {} : { runUrl: context.runUrl }),
        ...(context.repositoryUrl === undefined ? {} : { repositoryUrl: context.repositoryUrl, askFileUrl: askFileUrl(context.repositoryUrl, settings.stateBranch) }),
        runner: settings.runner,
        model: settings.model,
        ...(settings.escalationModel === undefined ? {} : { escalationModel: settings.escalationModel }),
        limits: settings,
        prices: settings.prices,
        allow: settings.allow,
        approvers: settings.approvers,
        sensorTimeoutMs: settings.sensorTimeoutMs,
        promptBudget: settings.promptBudget,
        workers: { workflow: settings.workerWorkflow, max: settings.maxWorkers, budgetUsd: settings.workerBudgetUsd },
        commandTimeoutMs: settings.commandTimeoutMs,
        dryRun,
        ...(context.note === undefined ? {} : { note: context.note }),
      },
    );
    for (const [name, value] of Object.entries(outputsOf(report))) core.setOutput(name, redact(value));
    for (const section of logSections(report)) {
      core.startGroup(section.title);
      printUntrusted(redact(section.text), core);
      core.endGroup();
    }
    if (report.decision.kind === 'failed') core.warning(redact(`the decision failed: ${report.decision.error}`), { title: 'looop: decide failed' });
    for (const warning of report.warnings ?? []) core.warning(redact(warning), { title: 'looop' });
    if (report.paused !== undefined && report.decision.kind === 'skipped') core.warning(redact(report.decision.why), { title: 'looop: decisions paused' });
    printUntrusted(redact(headline(report)), core);
    const summary = redact(
      summaryMarkdown(report, {
        ...(context.repositoryUrl === undefined ? {} : { repositoryUrl: context.repositoryUrl, askFileUrl: askFileUrl(context.repositoryUrl, settings.stateBranch) }),
        ...(context.runUrl === undefined ? {} : { runUrl: context.runUrl }),
      }),
    );
    if (env.GITHUB_STEP_SUMMARY !== undefined) await core.appendSummary(summary);
    else printUntrusted(summary, core);
    // After the record is pushed and the summary written: nothing of the beat is lost.
    if (report.configurationError !== undefined) core.setFailed(redact(report.configurationError));
  } catch (error) {
    core.setFailed(redact((error instanceof Error ? error.message : String(error)) + roomHint(error)));
  } finally {
    await early?.dispose();
  }
}
