import { readFileSync } from 'node:fs';
import os from 'node:os';
import { z } from 'zod';

/** Facts about this workflow run that come from GitHub's environment, not from inputs. */
export interface RunContext {
  /** The user's checkout (actions/checkout), whose origin holds the state branch. */
  readonly workspace: string;
  /** Scratch space for the state worktree and prompt files. */
  readonly tempDir: string;
  /** This beat's id: the run and its attempt, so a re-run is a new beat. */
  readonly beat: string;
  /** The note of a manual (workflow_dispatch) beat. */
  readonly note?: string;
  /** A manual beat asked for a dry run. */
  readonly dispatchDryRun: boolean;
  readonly runId?: string;
  /** This run's page, linked from the comments the loop leaves. */
  readonly runUrl?: string;
  /** `owner/repo`, where asks are opened. */
  readonly repository?: { readonly owner: string; readonly repo: string };
  /** The repository's page, e.g. https://github.com/octo/project, for links to the state branch's files. */
  readonly repositoryUrl?: string;
  readonly apiUrl: string;
  /**
   * Branches the state branch must never be: the repository's default branch (from the event)
   * and the branch this run checked out.
   */
  readonly workBranches: readonly string[];
}

const eventPayload = z.object({
  inputs: z
    .object({
      note: z.string().optional(),
      'dry-run': z.union([z.boolean(), z.string()]).optional(),
    })
    .partial()
    .nullish(),
  repository: z.object({ default_branch: z.string().optional() }).partial().nullish(),
});

export function readRunContext(env: NodeJS.ProcessEnv): RunContext {
  const runId = env.GITHUB_RUN_ID;
  const beat = runId === undefined ? `local-${Date.now().toString(36)}` : `${runId}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const inputs = env.GITHUB_EVENT_NAME === 'workflow_dispatch' ? (event.inputs ?? {}) : {};
  const note = inputs.note?.trim();
  const checkedOut = env.GITHUB_REF?.startsWith('refs/heads/') === true ? env.GITHUB_REF.slice('refs/heads/'.length) : undefined;
  const workBranches = [event.repository?.default_branch, checkedOut].filter((b): b is string => b !== undefined && b !== '');
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const repository = owner && repo ? { owner, repo } : undefined;
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    ...(runId === undefined ? {} : { runId }),
    ...(runId === undefined || repository === undefined ? {} : { runUrl: `${server}/${owner ?? ''}/${repo ?? ''}/actions/runs/${runId}` }),
    ...(repository === undefined ? {} : { repository, repositoryUrl: `${server}/${repository.owner}/${repository.repo}` }),
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    tempDir: env.RUNNER_TEMP ?? os.tmpdir(),
    beat,
    ...(note === undefined || note === '' ? {} : { note }),
    dispatchDryRun: inputs['dry-run'] === true || inputs['dry-run'] === 'true',
    workBranches: [...new Set(workBranches)],
  };
}

function readEvent(eventPath: string | undefined): z.infer<typeof eventPayload> {
  if (eventPath === undefined) return {};
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch (error) {
    throw new Error(`could not read the event payload at ${eventPath}: ${(error as Error).message}`, { cause: error });
  }
  return eventPayload.safeParse(payload).data ?? {};
}
