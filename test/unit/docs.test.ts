// The README, the examples and the project's own workflow say the same thing, and say what the
// code does: a copied workflow that drifted from the documented one is a user's first bug.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');
const README = read('README.md');

interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: unknown;
  jobs: Record<string, { if?: string; concurrency?: unknown; steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }>;
}

function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

const readmeWorkflow = ((): Workflow => {
  const block = yamlBlocks(README).find((b) => b.startsWith('# .github/workflows/looop.yml'));
  if (block === undefined) throw new Error('README has no "# .github/workflows/looop.yml" block');
  return parse(block) as Workflow;
})();

/** The worker's workflow is not a beat's: it has tests of its own below. */
const WORKER_EXAMPLE = 'looop-worker.yml';

const examples = readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.yml') && f !== WORKER_EXAMPLE)
  .map((file) => ({ file, workflow: parse(read(`examples/${file}`)) as Workflow }));

const beatWorkflows = [{ file: 'README.md', workflow: readmeWorkflow }, ...examples, { file: '.github/workflows/looop.yml', workflow: parse(read('.github/workflows/looop.yml')) as Workflow }];

describe('the documented workflows', () => {
  it('are one for each runner, and the README shows the claude one', () => {
    expect(examples.map((e) => e.file).sort()).toEqual(['claude.yml', 'codex.yml', 'custom.yml', 'github-models.yml', 'opencode.yml', 'pi.yml']);
    expect(readmeWorkflow).toEqual(examples.find((e) => e.file === 'claude.yml')?.workflow);
  });

  it.each(beatWorkflows)('$file wakes hourly, by hand and on comments, never on a push that cannot fire', ({ workflow }) => {
    expect(Object.keys(workflow.on).sort()).toEqual(['issue_comment', 'schedule', 'workflow_dispatch']);
    expect(workflow.on.schedule).toEqual([{ cron: '17 * * * *' }]);
  });

  it.each(beatWorkflows)('$file keeps concurrency on the job, never cancelling a beat', ({ workflow }) => {
    expect(workflow.concurrency).toBeUndefined();
    expect(workflow.jobs.beat?.concurrency).toEqual({ group: 'looop', 'cancel-in-progress': false });
  });

  it.each(beatWorkflows)('$file checks out without credentials, installs nothing, and can be paused', ({ workflow }) => {
    const steps = workflow.jobs.beat?.steps ?? [];
    expect(steps[0]).toMatchObject({ uses: expect.stringMatching(/^actions\/checkout@v\d+$/) as string, with: { 'persist-credentials': false } });
    expect(steps.filter((s) => s.run !== undefined)).toEqual([]);
    expect(workflow.jobs.beat?.if).toContain("vars.LOOOP_PAUSED != 'true'");
    expect(workflow.jobs.beat?.if).toContain("contains(github.event.issue.labels.*.name, 'looop:ask')");
    expect(workflow.jobs.beat?.if).toContain("contains(github.event.issue.labels.*.name, 'looop:failure')");
  });

  it.each(examples)('$file uses the published action by its major tag', ({ workflow }) => {
    expect(workflow.jobs.beat?.steps.map((s) => s.uses)).toContain('<owner>/looop-action@v1');
  });

  it('github-models.yml asks for models: read, and no secret', () => {
    const models = examples.find((e) => e.file === 'github-models.yml');
    expect(models?.workflow.permissions?.models).toBe('read');
    expect(read('examples/github-models.yml')).not.toContain('secrets.');
  });
});

describe("the worker's workflow", () => {
  interface WorkerWorkflow {
    'run-name': string;
    on: { workflow_dispatch: { inputs: Record<string, { required?: boolean; type?: string }> } };
    permissions: Record<string, string>;
    jobs: { work: { concurrency: unknown; 'timeout-minutes': number; steps: { uses?: string; with?: Record<string, unknown> }[] } };
  }
  const workflow = parse(read(`examples/${WORKER_EXAMPLE}`)) as WorkerWorkflow;

  it('is dispatched with a worker id, named by it, one run per worker, never cancelled', () => {
    expect(Object.keys(workflow.on)).toEqual(['workflow_dispatch']);
    expect(workflow.on.workflow_dispatch.inputs['worker-id']).toMatchObject({ required: true, type: 'string' });
    expect(workflow['run-name']).toBe('looop worker ${{ inputs.worker-id }}');
    expect(workflow.jobs.work.concurrency).toEqual({ group: 'looop-worker-${{ inputs.worker-id }}', 'cancel-in-progress': false });
    expect(workflow.jobs.work['timeout-minutes']).toBeGreaterThan(60);
  });

  it('may push, open a pull request, ask and wake a beat, and checks out without credentials', () => {
    expect(workflow.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', issues: 'write', actions: 'write' });
    const [checkout, action] = workflow.jobs.work.steps;
    expect(checkout).toMatchObject({ uses: expect.stringMatching(/^actions\/checkout@v\d+$/) as string, with: { 'persist-credentials': false, 'fetch-depth': 0 } });
    expect(action).toMatchObject({ uses: '<owner>/looop-action@v1', with: { mode: 'worker', 'worker-id': '${{ inputs.worker-id }}' } });
  });
});

describe('the README and action.yml', () => {
  const inputs = Object.keys((parse(read('action.yml')) as { inputs: Record<string, unknown> }).inputs);
  const table = README.slice(README.indexOf('## Inputs'), README.indexOf('\n## ', README.indexOf('## Inputs') + 1));
  const documented = new Set([...table.matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) => [...(m[1] ?? '').matchAll(/`([a-z-]+)`/g)].map((n) => n[1] ?? '')));

  it('documents every input in the inputs table, and no input that does not exist', () => {
    expect(inputs.filter((name) => !documented.has(name))).toEqual([]);
    expect([...documented].filter((name) => !inputs.includes(name))).toEqual([]);
  });

  it('never sends the reader to a spec the project does not ship', () => {
    expect(README).not.toMatch(/see the spec|SPEC\.md/i);
  });
});
