/**
 * Which environment each kind of child gets. Sensors and commands run code the loop or its
 * LLM may have written, so they start from an allowlist: nothing secret can leak by being
 * forgotten. Runners need their API keys, so they get the step's environment minus what
 * belongs to the action (its token, its inputs, the runner's own service tokens).
 */

/** Variables that describe the machine and the run, never a secret. */
const machineVariables = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TERM',
  'CI',
  'RUNNER_OS',
  'RUNNER_ARCH',
  'RUNNER_NAME',
  'RUNNER_TEMP',
  'RUNNER_ENVIRONMENT',
  'GITHUB_ACTIONS',
  'GITHUB_REPOSITORY',
  'GITHUB_REPOSITORY_OWNER',
  'GITHUB_SERVER_URL',
  'GITHUB_API_URL',
  'GITHUB_GRAPHQL_URL',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_NUMBER',
  'GITHUB_RUN_ATTEMPT',
  'GITHUB_WORKFLOW',
  'GITHUB_EVENT_NAME',
  'GITHUB_SHA',
  'GITHUB_REF',
  'GITHUB_REF_NAME',
  'GITHUB_WORKSPACE',
  'GITHUB_ACTOR',
]);

/** Never passed on, whatever an allowlist says: they belong to the action. */
function isActionSecret(name: string): boolean {
  return (
    name.startsWith('INPUT_') ||
    name === 'GITHUB_TOKEN' ||
    name === 'GH_TOKEN' ||
    name.startsWith('ACTIONS_') ||
    name === 'GITHUB_STEP_SUMMARY' ||
    name === 'GITHUB_OUTPUT' ||
    name === 'GITHUB_STATE' ||
    name === 'GITHUB_ENV' ||
    name === 'GITHUB_PATH'
  );
}

/** For sensors and run commands: the machine's facts, `LC_*`, and the names in `sensor-env`. */
export function scrubbedEnvironment(
  env: NodeJS.ProcessEnv,
  passThrough: readonly string[],
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const allowed = new Set(passThrough);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    const wanted = machineVariables.has(name) || name.startsWith('LC_') || allowed.has(name);
    if (wanted && !isActionSecret(name)) out[name] = value;
  }
  return { ...out, ...extra };
}

/** For runner processes: the step's environment (their API keys live there) minus the action's own. */
export function runnerEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !isActionSecret(name)) out[name] = value;
  }
  return out;
}
