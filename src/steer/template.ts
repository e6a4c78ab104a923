import { readFile } from 'node:fs/promises';
import type { Document } from 'yaml';
import { loadYaml, yaml } from '../text/yaml.ts';
import { packageFile } from './package-files.ts';
import { treeFromDir, type Entry } from '../state/tree.ts';

/** Where the steer workflow lives on the state branch. */
export const STEER_WORKFLOW_PATH = '.github/workflows/looop-steer.yml';
/**
 * Where a branch the action seeds carries it instead: a workflow token may not write under
 * .github/workflows/, so a person moves it there (the setup goal says how).
 */
export const STEER_SEED_PATH = 'looop-steer.yml';

export interface SteerOptions {
  readonly stateBranch: string;
  /** The workflow file that runs the beat, e.g. looop.yml. */
  readonly beatWorkflow: string;
  /** The action as steps name it, e.g. octo/looop-action@v1; undefined keeps the template's placeholder. */
  readonly uses?: string;
}

/** templates/looop-steer.yml with this loop's branch, beat workflow and action filled in; comments kept. */
export function steerWorkflow(template: string, options: SteerOptions): string {
  const { parseDocument, isMap } = yaml();
  const doc = parseDocument(template);
  for (const trigger of ['pull_request', 'push']) doc.setIn(['on', trigger, 'branches'], doc.createNode([options.stateBranch], { flow: true }));
  for (const step of actionSteps(doc)) {
    if (options.uses !== undefined) step.set('uses', options.uses);
    const inputs = step.get('with');
    if (!isMap(inputs)) continue;
    inputs.set('state-branch', options.stateBranch);
    if (inputs.has('beat-workflow')) inputs.set('beat-workflow', options.beatWorkflow);
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** The steps that run looop-action: the ones whose `with` sets `mode`. */
function actionSteps(doc: Document) {
  const jobs = doc.get('jobs');
  const { isMap, isSeq } = yaml();
  if (!isMap(jobs)) return [];
  return jobs.items.flatMap((job) => {
    const steps = isMap(job.value) ? job.value.get('steps') : undefined;
    if (!isSeq(steps)) return [];
    return steps.items.filter(isMap).filter((step) => {
      const inputs = step.get('with');
      return isMap(inputs) && inputs.has('mode');
    });
  });
}

/** The action's `uses:` from its own run (GITHUB_ACTION_REPOSITORY and _REF), when GitHub says. */
export function actionUses(env: NodeJS.ProcessEnv): string | undefined {
  const repository = env.GITHUB_ACTION_REPOSITORY?.trim();
  const ref = env.GITHUB_ACTION_REF?.trim();
  return repository && ref && /^[\w.-]+\/[\w.-]+$/.test(repository) && /^[\w./-]+$/.test(ref) ? `${repository}@${ref}` : undefined;
}

/** The beat's workflow file from GITHUB_WORKFLOW_REF (owner/repo/.github/workflows/looop.yml@refs/heads/main). */
export function runningWorkflow(env: NodeJS.ProcessEnv): string | undefined {
  return /\/\.github\/workflows\/([A-Za-z0-9._-]+\.ya?ml)@/.exec(env.GITHUB_WORKFLOW_REF ?? '')?.[1];
}

/**
 * The tree a new state branch starts from: loop-state/ and the steer workflow at `at` (its
 * place under .github/ when a person creates the branch, beside the state when the action does).
 */
export async function stateTemplate(at: string, options: SteerOptions): Promise<Map<string, Entry>> {
  const tree = await treeFromDir(packageFile('loop-state'));
  await loadYaml();
  const workflow = steerWorkflow(await readFile(packageFile('templates/looop-steer.yml'), 'utf8'), options);
  tree.set(at, { kind: 'file', content: Buffer.from(workflow, 'utf8'), executable: false });
  return tree;
}
