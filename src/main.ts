import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { runBeat } from './beat.ts';
import { readRunContext, type RunContext } from './context.ts';
import { createGitHub, type GitHub } from './github.ts';
import { headline, outputsOf, summaryMarkdown } from './report.ts';
import { selectDecider } from './runners/index.ts';
import { readSettings, type Settings } from './settings.ts';
import { createGit } from './shell/git.ts';
import { openStateBranch } from './state/branch.ts';
import { branchStore, commandRunner, sensorRunner } from './wiring.ts';

/** The template a new state branch is seeded from; the bundler copies it into dist/. */
const TEMPLATE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../loop-state');

/** Asks need a token and a repository; a local run without them refuses gated moves instead. */
function githubPort(settings: Settings, context: RunContext): { github?: GitHub } {
  if (settings.githubToken === undefined || context.repository === undefined) return {};
  return { github: createGitHub({ token: settings.githubToken, ...context.repository, baseUrl: context.apiUrl }) };
}

/** One beat, as a workflow step: read settings, build the real adapters, run, report. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const settings = readSettings(env);
    const context = readRunContext(env);
    const dryRun = settings.dryRun || context.dispatchDryRun;
    const decider = selectDecider(settings, env, context.tempDir);
    await using branch = await openStateBranch({
      git: createGit(context.workspace, env),
      branch: settings.stateBranch,
      tempDir: context.tempDir,
      templateDir: TEMPLATE_DIR,
    });
    const report = await runBeat(
      {
        store: branchStore(branch),
        runSensor: sensorRunner(settings, env, context.workspace, branch.dir),
        decider,
        runCommand: commandRunner(settings, env, context.workspace),
        ...githubPort(settings, context),
        now: () => new Date(),
      },
      {
        beat: context.beat,
        ...(context.runId === undefined ? {} : { runId: context.runId }),
        ...(context.runUrl === undefined ? {} : { runUrl: context.runUrl }),
        model: settings.model,
        ...(settings.escalationModel === undefined ? {} : { escalationModel: settings.escalationModel }),
        limits: settings,
        prices: settings.prices,
        allow: settings.allow,
        approvers: settings.approvers,
        sensorTimeoutMs: settings.sensorTimeoutMs,
        commandTimeoutMs: settings.commandTimeoutMs,
        dryRun,
        ...(context.note === undefined ? {} : { note: context.note }),
      },
    );
    for (const [name, value] of Object.entries(outputsOf(report))) core.setOutput(name, value);
    core.info(headline(report));
    if (env.GITHUB_STEP_SUMMARY !== undefined) await core.summary.addRaw(summaryMarkdown(report)).write();
    else core.info(summaryMarkdown(report));
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
