import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers/action.ts';
import { lint, markdownWorkflows, shippedWorkflows } from '../helpers/workflow-lint.ts';

const shipped = shippedWorkflows(PROJECT);

describe('every workflow the project ships', () => {
  it('includes its own workflows and the README’s', () => {
    const names = shipped.map((s) => s.name);
    for (const own of ['.github/workflows/ci.yml', '.github/workflows/looop.yml', '.github/workflows/release.yml']) expect(names).toContain(own);
    expect(names.filter((n) => n.startsWith('README.md:')).length).toBeGreaterThan(0);
  });

  it.each(shipped.map((s) => [s.name, s] as const))('%s passes the workflow linter', async (_, source) => {
    expect(await lint(source)).toEqual([]);
  });

  it('action.yml is valid action metadata', async () => {
    expect(await lint({ name: 'action.yml', text: readFileSync(path.join(PROJECT, 'action.yml'), 'utf8') }, 'action')).toEqual([]);
  });
});

const good = `name: looop
on:
  schedule:
    - cron: '17 * * * *'
  workflow_dispatch:
jobs:
  beat:
    if: \${{ vars.LOOOP_PAUSED != 'true' }}
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
        with:
          persist-credentials: false
      - run: echo "\${{ github.event_name }}"
`;

describe('the workflow linter', () => {
  it('accepts a good workflow that reads vars', async () => {
    expect(await lint({ name: 'good.yml', text: good })).toEqual([]);
  });

  it.each([
    ['a misspelt key', good.replace('runs-on:', 'run-on:'), /Unexpected value 'run-on'|Required property is missing: runs-on/],
    ['an unknown trigger', good.replace('workflow_dispatch:', 'workflow_dispatched:'), /Unexpected value 'workflow_dispatched'/],
    ['needs naming no job', good.replace('    runs-on:', '    needs: [build]\n    runs-on:'), /Value 'build' is not valid/],
    ['uses and run in one step', good.replace('          persist-credentials: false\n', '          persist-credentials: false\n        run: echo x\n'), /Unexpected value 'run'/],
    ['an unknown context', good.replace('github.event_name', 'gihtub.event_name'), /Unrecognized named-value: 'gihtub'/],
    ['a broken expression', good.replace("vars.LOOOP_PAUSED != 'true'", "vars.LOOOP_PAUSED != 'true"), /Unexpected symbol|Unterminated|Unexpected end/i],
    ['a bad cron', good.replace("'17 * * * *'", "'every hour'"), /cron/i],
    ['no jobs', good.slice(0, good.indexOf('jobs:')), /Required property is missing: jobs/],
  ])('rejects %s', async (_, text, message) => {
    const problems = await lint({ name: 'bad.yml', text });
    expect(problems.map((p) => p.message).join('\n')).toMatch(message);
  });

  it.each([
    ['a runtime GitHub has not', 'using: node24', 'using: node99', /Unexpected value 'node99'/],
    ['steps in a node action', 'main: dist/index.js', 'main: dist/index.js\n  steps: []', /Unexpected value 'steps'/],
  ])('rejects action metadata with %s', async (_, from, to, message) => {
    const action = 'name: x\ndescription: y\nruns:\n  using: node24\n  main: dist/index.js\n';
    expect(await lint({ name: 'action.yml', text: action }, 'action')).toEqual([]);
    const problems = await lint({ name: 'action.yml', text: action.replace(from, to) }, 'action');
    expect(problems.map((p) => p.message).join('\n')).toMatch(message);
  });

  it("points a README block's problems at the README's lines", async () => {
    const indented = good.replace(/^/gm, '   ').replace(/ +$/, '');
    const readme = `# Title\n\ntext\n\n\`\`\`yaml\n${good.replace('runs-on:', 'run-on:')}\`\`\`\n\n\`\`\`yaml\n- uses: a/b@v1\n\`\`\`\n\n1. a step\n\n   \`\`\`yaml\n${indented}   \`\`\`\n`;
    const blocks = markdownWorkflows('README.md', readme);
    expect(blocks.map((b) => b.name)).toEqual(['README.md:6', expect.stringMatching(/^README\.md:\d+$/)]);
    expect(blocks[1]?.text).toBe(good);
    expect(await lint(blocks[1] ?? { name: '', text: '' })).toEqual([]);
    const [block] = blocks;
    if (block === undefined) throw new Error('no block');
    expect((await lint(block)).map((p) => p.line)).toContain(6 + good.split('\n').findIndex((l) => l.includes('runs-on:')));
  });
});
