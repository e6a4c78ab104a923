import { randomBytes } from 'node:crypto';
import { open, mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
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

/** The folder an install lives in; the package name's scope becomes a folder of its own. */
export function installDir(root: string, pkg: RunnerPackage): string {
  return path.join(root, 'looop-runners', ...pkg.name.split('/'), pkg.version);
}

/** How to start the program: a file and the arguments before the runner's own. */
export interface Launch {
  readonly file: string;
  readonly args: readonly string[];
}

const MARKER = '.looop-installed';
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
  const root = toolCache(env) ?? scratchDir;
  let ready: Promise<Launch> | undefined;
  return () => (ready ??= install(npm, source.package, root, env).catch((error: unknown) => {
    ready = undefined;
    throw error;
  }));
}

/** On GitHub's runners the tool cache outlives the step, so a later beat in the job reuses the install. */
function toolCache(env: NodeJS.ProcessEnv): string | undefined {
  return [env.RUNNER_TOOL_CACHE, env.RUNNER_TEMP].find((dir) => dir !== undefined && path.isAbsolute(dir));
}

/**
 * One install per version: npm fills a fresh folder, the marker is written last and the folder
 * is renamed into place, so a killed install leaves no marker and is done again, and two jobs
 * sharing a cache never write into one folder.
 */
async function install(npm: string, pkg: RunnerPackage, root: string, env: NodeJS.ProcessEnv): Promise<Launch> {
  const dir = installDir(root, pkg);
  if (await exists(path.join(dir, MARKER))) return launchOf(dir, pkg);
  await mkdir(path.dirname(dir), { recursive: true });
  const staging = `${dir}.partial-${randomBytes(6).toString('hex')}`;
  await mkdir(staging);
  try {
    await runNpm(npm, pkg, staging, env);
    await launchOf(staging, pkg);
    await writeFile(path.join(staging, MARKER), `${pkg.name}@${pkg.version}\n`);
    await rm(dir, { recursive: true, force: true });
    await rename(staging, dir).catch(async (error: unknown) => {
      // Another job finished the same install first: its folder is as good as ours.
      if (!(await exists(path.join(dir, MARKER)))) throw error;
    });
    return await launchOf(dir, pkg);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function runNpm(npm: string, pkg: RunnerPackage, prefix: string, env: NodeJS.ProcessEnv): Promise<void> {
  const spec = `${pkg.name}@${pkg.version}`;
  const passed = Object.keys(env).filter((name) => NPM_VARIABLES.test(name) && !CREDENTIAL.test(name));
  const exit = await runProcess({
    file: npm,
    args: ['install', '--prefix', prefix, '--no-audit', '--no-fund', ...(pkg.scripts ? [] : ['--ignore-scripts']), spec],
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

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
