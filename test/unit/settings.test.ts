import { describe, expect, it } from 'vitest';
import { readSettings, SettingsError, type Settings } from '../../src/settings.ts';

/** The environment GitHub gives an action: each input as INPUT_<NAME UPPER-CASED>. */
function env(inputs: Record<string, string>): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries({ runner: 'claude', ...inputs }).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]));
}

function settings(inputs: Record<string, string> = {}): Settings {
  return readSettings(env(inputs));
}

/** The message a refused input gives; fails the test when the input is accepted. */
function refusal(inputs: Record<string, string>): string {
  try {
    settings(inputs);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(inputs)}`);
}

describe('readSettings: defaults and the runner', () => {
  it('applies the action.yml defaults when only the runner is given', () => {
    expect(settings()).toMatchObject({
      runner: 'claude',
      model: undefined,
      stateBranch: 'loop-state',
      allow: [],
      approvers: [],
      dailyBudget: 48,
      dailyBudgetUsd: undefined,
      prices: {},
      maxWorkers: 2,
      workerWorkflow: 'looop-worker.yml',
      workerId: undefined,
      workerToken: undefined,
      workerTimeoutMs: 3_600_000,
      workerBudgetUsd: undefined,
      sensorEnv: [],
      tickTimeoutMs: 600_000,
      sensorTimeoutMs: 60_000,
      commandTimeoutMs: 600_000,
      dryRun: false,
    });
  });

  it('reads inputs from INPUT_ variables with dashes kept, e.g. INPUT_STATE-BRANCH', () => {
    expect(readSettings({ INPUT_RUNNER: 'codex', 'INPUT_STATE-BRANCH': 'ops/loop', 'INPUT_ESCALATION-MODEL': ' o3 ' })).toMatchObject({
      runner: 'codex',
      stateBranch: 'ops/loop',
      escalationModel: 'o3',
    });
  });

  it('has no silent default runner: a missing runner says it is required and lists the choices', () => {
    const message = refusal({ runner: '' });
    expect(message).toContain('input "runner" is required');
    for (const name of ['claude', 'codex', 'opencode', 'pi', 'custom', 'openai']) expect(message).toContain(name);
    expect(() => readSettings({})).toThrow(/input "runner" is required/);
  });

  it('refuses an unknown runner by name', () => {
    expect(refusal({ runner: 'gpt' })).toMatch(/input "runner" expected one of claude/);
  });

  it('a custom runner needs a tick-command', () => {
    expect(refusal({ runner: 'custom' })).toMatch(/input "tick-command" is required/);
    expect(settings({ runner: 'custom', 'tick-command': 'my-llm < {{prompt_file}}' }).tickCommand).toBe('my-llm < {{prompt_file}}');
  });

  it('refuses an unknown stream format', () => {
    expect(refusal({ 'stream-format': 'xml' })).toContain('input "stream-format"');
  });

  it('reports every bad input at once, each by name', () => {
    const message = refusal({ 'daily-budget': 'lots', 'dry-run': 'maybe' });
    expect(message).toContain('input "daily-budget"');
    expect(message).toContain('input "dry-run"');
  });
});

describe('readSettings: numbers and timeouts', () => {
  it.each(['1.5', '-1', 'ten', '1e3'])('refuses daily-budget %j and says a whole number was expected', (value) => {
    expect(refusal({ 'daily-budget': value })).toMatch(/input "daily-budget" expected a whole number/);
  });

  it('accepts whole numbers with surrounding spaces, and zero workers', () => {
    expect(settings({ 'daily-budget': ' 7 ', 'max-workers': '0' })).toMatchObject({ dailyBudget: 7, maxWorkers: 0 });
  });

  it('turns timeouts in seconds into milliseconds', () => {
    expect(settings({ 'tick-timeout': '90', 'sensor-timeout': '5', 'command-timeout': '30' })).toMatchObject({
      tickTimeoutMs: 90_000,
      sensorTimeoutMs: 5_000,
      commandTimeoutMs: 30_000,
    });
  });

  it('refuses a zero or fractional timeout', () => {
    expect(refusal({ 'sensor-timeout': '0' })).toContain('input "sensor-timeout"');
    expect(refusal({ 'tick-timeout': '1.5' })).toContain('input "tick-timeout"');
  });

  it('refuses a timeout too long for a timer, which would otherwise fire at once', () => {
    // Node's setTimeout turns any delay above 2^31-1 ms (about 24.8 days) into 1 ms.
    expect(refusal({ 'tick-timeout': '3000000' })).toContain('input "tick-timeout"');
  });

  it('reads daily-budget-usd as an amount, and refuses a currency sign', () => {
    expect(settings({ 'daily-budget-usd': '2.50' }).dailyBudgetUsd).toBe(2.5);
    expect(refusal({ 'daily-budget-usd': '$5' })).toMatch(/input "daily-budget-usd" expected an amount in USD/);
  });

  it("reads prompt-budget in tokens: by default GitHub Models' free-tier room for openai, 6,000 for the rest; too small or not a number is refused", () => {
    expect(settings().promptBudget).toBe(6000);
    expect(settings({ runner: 'openai' }).promptBudget).toBe(7000);
    expect(settings({ runner: 'openai', 'prompt-budget': '20000' }).promptBudget).toBe(20_000);
    expect(refusal({ 'prompt-budget': '2999' })).toMatch(/input "prompt-budget" expected at least 3000 tokens/);
    expect(refusal({ 'prompt-budget': '6k' })).toMatch(/input "prompt-budget" expected a whole number of tokens/);
  });
});

describe('readSettings: lists', () => {
  it('reads allow one pattern a line, keeping commas and dropping # comments and blanks', () => {
    expect(settings({ allow: '# safe\nnpm test\n  git log **  \n\necho a,b\n' }).allow).toEqual(['npm test', 'git log **', 'echo a,b']);
  });

  it.each([
    ['*', /matches every command|a wildcard there would allow every command/],
    ['**', /a wildcard there would allow every command/],
    ['- npm test', /YAML list/],
    ['[npm test, npm run lint]', /YAML list/],
    ["npm run 'lint", /unclosed single quote/],
    ['npm test && npm run deploy', /shell character "&"/],
  ])('fails the step on the allow line %j, naming it', (line, why) => {
    const message = refusal({ allow: `npm test\n${line}\n` });
    expect(message).toContain(`input "allow" has the line ${JSON.stringify(line)}, which is not a pattern`);
    expect(message).toMatch(why);
  });

  it('splits approvers by newline or comma and drops # comments', () => {
    expect(settings({ approvers: 'alice, bob\n# the release team\ncarol,dependabot[bot]' }).approvers).toEqual([
      'alice',
      'bob',
      'carol',
      'dependabot[bot]',
    ]);
  });

  it('a comment holding a comma does not smuggle its words in as an approver', () => {
    expect(settings({ approvers: '# owners, ops\nalice' }).approvers).toEqual(['alice']);
  });

  it.each(['alice smith', 'alice;rm', '-alice', '@alice'])('refuses approver %j as not a GitHub login', (login) => {
    expect(refusal({ approvers: login })).toMatch(/input "approvers" expected GitHub logins/);
  });

  it('reads sensor-env names and refuses anything that is not a variable name', () => {
    expect(settings({ 'sensor-env': 'FOO, _BAR\nbaz_1' }).sensorEnv).toEqual(['FOO', '_BAR', 'baz_1']);
    expect(refusal({ 'sensor-env': 'FOO=bar' })).toMatch(/input "sensor-env" expected environment variable names/);
    expect(refusal({ 'sensor-env': '1ST' })).toContain('input "sensor-env"');
  });
});

describe('readSettings: prices', () => {
  it('reads a YAML table of USD per million tokens by model', () => {
    expect(settings({ prices: 'gpt-4o: {input: 2.5, output: 10}\nsmall:\n  input: 0.1\n  output: 0.4\n' }).prices).toEqual({
      'gpt-4o': { input: 2.5, output: 10 },
      small: { input: 0.1, output: 0.4 },
    });
  });

  it('refuses a table of the wrong shape and says which shape it expects', () => {
    for (const prices of ['gpt: 5', 'gpt: {input: -1, output: 1}', 'gpt: {input: 1, output: 1, cached: 0}']) {
      expect(refusal({ prices })).toMatch(/input "prices" expected "model: \{input: USD, output: USD\}"/);
    }
  });

  it('refuses text that is not YAML', () => {
    expect(refusal({ prices: 'a: [' })).toMatch(/input "prices" not YAML/);
  });
});

describe('readSettings: state branch, dry run, URLs', () => {
  it.each(['loop-state', 'team/loop', 'v1.x_state'])('accepts branch %j', (branch) => {
    expect(settings({ 'state-branch': branch }).stateBranch).toBe(branch);
  });

  it.each(['../x', '-x', 'a..b', '/abs', 'x/', 'x.lock', 'a b', '', 'a~1', 'a:b'])('refuses branch %j by name', (branch) => {
    expect(refusal({ 'state-branch': branch })).toContain('input "state-branch"');
  });

  it.each(['a//b', 'a/.hidden', 'x.', 'a/b.lock/c'])('refuses branch %j, which git itself refuses', (branch) => {
    expect(refusal({ 'state-branch': branch })).toContain('input "state-branch"');
  });

  it('reads dry-run case-insensitively, empty as false', () => {
    expect(settings({ 'dry-run': 'TRUE' }).dryRun).toBe(true);
    expect(settings({ 'dry-run': ' false ' }).dryRun).toBe(false);
    expect(settings({ 'dry-run': '' }).dryRun).toBe(false);
  });

  it('refuses a dry-run that is neither true nor false', () => {
    expect(refusal({ 'dry-run': 'yes' })).toMatch(/input "dry-run".*"true"/);
  });

  it('accepts an http(s) api-url and refuses other schemes', () => {
    expect(settings({ 'api-url': 'https://models.github.ai/inference' }).apiUrl).toBe('https://models.github.ai/inference');
    expect(settings({ 'api-url': 'http://localhost:11434/v1' }).apiUrl).toBe('http://localhost:11434/v1');
    for (const url of ['ftp://example.com', 'file:///etc/passwd', 'not a url']) {
      expect(refusal({ 'api-url': url })).toContain('input "api-url"');
    }
  });

  it('refuses a worker workflow that is a path rather than a file name', () => {
    expect(refusal({ 'worker-workflow': '../evil.yml' })).toMatch(/input "worker-workflow" expected a workflow file name/);
  });
});

describe('readSettings: mode', () => {
  it('is a beat unless told otherwise, and a check on a push wakes looop.yml by default', () => {
    expect(settings()).toMatchObject({ mode: 'beat', beatWorkflow: 'looop.yml' });
    expect(settings({ mode: ' check ', 'beat-workflow': 'loop.yaml' })).toMatchObject({ mode: 'check', beatWorkflow: 'loop.yaml' });
  });

  it('a check decides nothing, so it needs no runner; a beat still does', () => {
    expect(readSettings({ INPUT_MODE: 'check' }).mode).toBe('check');
    expect(() => readSettings({ INPUT_MODE: 'beat' })).toThrow(/input "runner" is required/);
  });

  it('runs a worker only with the worker id, and with an agent that can edit files', () => {
    expect(refusal({ mode: 'worker' })).toMatch(/input "mode" is worker, so input "worker-id" is required/);
    expect(settings({ mode: 'worker', 'worker-id': 'fix-docs' })).toMatchObject({ mode: 'worker', workerId: 'fix-docs' });
    expect(refusal({ mode: 'worker', 'worker-id': '../x' })).toMatch(/input "worker-id" expected a worker id/);
    expect(refusal({ mode: 'worker', 'worker-id': 'a', runner: 'openai' })).toMatch(/runner" is openai, which answers but cannot edit files, so a worker needs input "worker-command"/);
    expect(refusal({ mode: 'worker', 'worker-id': 'a', runner: 'custom', 'tick-command': 'x' })).toMatch(/in mode worker input "worker-command" is required/);
    expect(refusal({ 'worker-budget-usd': 'ten' })).toMatch(/input "worker-budget-usd" expected an amount in USD/);
    expect(refusal({ 'worker-timeout': '0' })).toMatch(/input "worker-timeout"/);
    expect(refusal({ mode: 'tick' })).toMatch(/input "mode" expected one of beat, check, worker/);
  });

  it('refuses a beat workflow that is a path rather than a file name', () => {
    expect(refusal({ 'beat-workflow': '.github/workflows/looop.yml' })).toMatch(/input "beat-workflow" expected a workflow file name such as looop.yml/);
  });
});
