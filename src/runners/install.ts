import { mkdtemp, open, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SettingsError, USE_INSTALLED, type RunnerName, type Settings } from '../settings.ts';
import { scrubbedEnvironment } from '../io/environment.ts';
import { describeExit, runProcess } from '../io/process.ts';
import { resolveProgram } from '../io/programs.ts';

/** An npm package that holds a runner's CLI. */
export interface RunnerPackage {
  readonly name: string;
  readonly version: string;
  /** The program's name in node_modules/.bin. */
  readonly bin: string;
  /**
   * Whether npm may run install scripts. claude and opencode need theirs (it copies the native
   * binary over a placeholder); codex and pi work without, so none of their dependencies' run.
   */
  readonly scripts: boolean;
}

type Preset = Exclude<RunnerName, 'custom' | 'openai'>;

/** The versions the presets were tested with (test/fixtures/runner-streams/README.md). */
export const PINNED: Readonly<Record<Preset, RunnerPackage>> = {
  claude: { name: '@anthropic-ai/claude-code', version: '2.1.330', bin: 'claude', scripts: true },
  codex: { name: '@openai/codex', version: '0.169.0', bin: 'codex', scripts: false },
  opencode: { name: 'opencode-ai', version: '1.18.33', bin: 'opencode', scripts: true },
  pi: { name: '@earendil-works/pi-coding-agent', version: '0.87.1', bin: 'pi', scripts: false },
};

/** Where a decision's program comes from: found on PATH, or installed by the action. */
export type RunnerSource =
  | { readonly kind: 'path'; readonly program: string; /** The workflow installed a preset's CLI itself. */ readonly preset?: RunnerPackage }
  | { readonly kind: 'npm'; readonly package: RunnerPackage };

/** A preset's own command line gets an installed CLI unless the workflow says it installed one. */
export function runnerSource(settings: Pick<Settings, 'runner' | 'runnerVersion' | 'tickCommand'>, program: string): RunnerSource {
  const { runner } = settings;
  if (settings.tickCommand !== undefined || runner === 'custom' || runner === 'openai') return { kind: 'path', program };
  const pinned = PINNED[runner];
  if (settings.runnerVersion === USE_INSTALLED) return { kind: 'path', program, preset: pinned };
  return { kind: 'npm', package: { ...pinned, version: settings.runnerVersion ?? pinned.version } };
}

/** How to start the program: a file and the arguments before the runner's own. */
export interface Launch {
  readonly file: string;
  readonly args: readonly string[];
}

const INSTALL_TIMEOUT_MS = 10 * 60 * 1000;
// npm needs its own settings (a registry mirror, a proxy, a company CA), nothing else: no
// token and no API key reaches npm or a package's install script, not even an npm setting
// that holds a credential (the runners' packages are public).
const NPM_VARIABLES = /^(npm_config_\w+|https?_proxy|no_proxy|node_extra_ca_certs|ssl_cert_file|ssl_cert_dir)$/i;
const CREDENTIAL = /auth|token|password|_key/i;

/**
 * The decision's program, ready when a decision is due. A program on PATH and npm itself are
 * found now, when the action starts, before any sensor could put another of the same name on
 * PATH; the install waits for the first call, so an idle beat installs nothing.
 */
export function runnerLauncher(source: RunnerSource, env: NodeJS.ProcessEnv, scratchDir: string): () => Promise<Launch> {
  if (source.kind === 'path') {
    const file = resolveProgram(source.program, env);
    if (file === undefined && source.preset !== undefined) {
      throw new SettingsError(
        `input "runner-version" is "${USE_INSTALLED}", but ${source.program} is not on PATH. Install it in an earlier step (npm install -g ${source.preset.name}@${source.preset.version}), or leave runner-version empty and the action installs it.`,
      );
    }
    const launch = { file: file ?? source.program, args: [] };
    return () => Promise.resolve(launch);
  }
  const npm = resolveProgram('npm', env);
  const spec = `${source.package.name}@${source.package.version}`;
  if (npm === undefined) {
    throw new SettingsError(
      `the action installs ${spec} when a decision is due, but npm is not on PATH. Add actions/setup-node before this step, or install ${source.package.bin} in an earlier step and set input "runner-version" to "${USE_INSTALLED}".`,
    );
  }
  let ready: Promise<Launch> | undefined;
  return () => (ready ??= install(npm, source.package, scratchDir, env).catch((error: unknown) => {
    ready = undefined;
    throw error;
  }));
}

/**
 * A fresh install for every beat that decides, into a folder made with a random name once the
 * sensors have ended, with npm's cache and settings files the action's own: nothing a sensor
 * or a command could have left in a tool cache, in ~/.npm or in an .npmrc is ever run. On
 * GitHub's runners every job starts on a new machine, so a cache would save nothing there.
 */
async function install(npm: string, pkg: RunnerPackage, scratchDir: string, env: NodeJS.ProcessEnv): Promise<Launch> {
  const dir = await mkdtemp(path.join(scratchDir, 'runner-'));
  const settings = path.join(dir, '.npmrc');
  await writeFile(settings, '', { flag: 'wx' });
  await runNpm(npm, pkg, dir, settings, env);
  return launchOf(dir, pkg);
}

async function runNpm(npm: string, pkg: RunnerPackage, prefix: string, settings: string, env: NodeJS.ProcessEnv): Promise<void> {
  const spec = `${pkg.name}@${pkg.version}`;
  const passed = Object.keys(env).filter((name) => NPM_VARIABLES.test(name) && !CREDENTIAL.test(name));
  const exit = await runProcess({
    file: npm,
    args: ['install', '--prefix', prefix, '--userconfig', settings, '--globalconfig', settings, '--cache', path.join(prefix, '.npm-cache'), '--no-audit', '--no-fund', ...(pkg.scripts ? [] : ['--ignore-scripts']), spec],
    cwd: prefix,
    env: scrubbedEnvironment(env, passed),
    timeoutMs: INSTALL_TIMEOUT_MS,
  });
  if (exit.code === 0 && !exit.timedOut) return;
  const stderr = exit.stderrTail.trim().split('\n').slice(-15).join('\n');
  throw new SettingsError(
    `could not install the runner: "npm install ${spec}" ${describeExit(exit, INSTALL_TIMEOUT_MS)}. ` +
      `Set input "runner-version" to a version of ${pkg.name} that is on the npm registry (or leave it empty for the tested one), ` +
      `or install ${pkg.bin} in an earlier step and set runner-version to "${USE_INSTALLED}".` +
      (stderr === '' ? '' : ` npm said:\n${stderr}`),
  );
}

/**
 * The installed program by absolute path. A JavaScript CLI runs on the action's own Node: the
 * runner machine's `node` may be older than the CLI needs (pi needs 22.19).
 */
async function launchOf(dir: string, pkg: RunnerPackage): Promise<Launch> {
  const bin = path.join(dir, 'node_modules', '.bin', pkg.bin);
  let file: string;
  try {
    file = await realpath(bin);
  } catch {
    throw new SettingsError(`npm installed ${pkg.name}@${pkg.version}, but it has no program node_modules/.bin/${pkg.bin}: is runner-version a version of the ${pkg.bin} CLI?`);
  }
  return (await startsWithNodeShebang(file)) ? { file: process.execPath, args: [file] } : { file, args: [] };
}

async function startsWithNodeShebang(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    return /^#!\s*\/usr\/bin\/env\s+node\b/.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}
