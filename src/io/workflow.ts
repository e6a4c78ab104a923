import { randomUUID } from 'node:crypto';
import { appendFileSync, constants, existsSync } from 'node:fs';
import { access, appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';

/**
 * The step's workflow commands, written as @actions/core writes them, byte for byte (a test
 * holds them to it). @actions/core itself is not loaded: its module graph brings its OIDC
 * client and the whole HTTP stack, which cost an idle beat more than all of its own work.
 */

/** Where an annotation points and what it is titled (of @actions/core's, the ones the action uses). */
export interface AnnotationProperties {
  readonly title?: string;
  readonly file?: string;
}

/** In @actions/core's order; like it, any property given (even an empty one) makes the command carry a property list. */
function annotation(properties: AnnotationProperties = {}): Record<string, string | undefined> {
  return Object.keys(properties).length === 0 ? {} : { title: properties.title, file: properties.file };
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function issue(command: string, message: string, properties: Readonly<Record<string, string | undefined>> = {}): void {
  const shown = Object.entries(properties).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  const props = Object.keys(properties).length === 0 ? '' : ` ${shown.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',')}`;
  process.stdout.write(`::${command}${props}::${escapeData(message)}${EOL}`);
}

/** A line of the log. */
export function info(message: string): void {
  process.stdout.write(message + EOL);
}

/** The runner masks this value in every later line of the log. */
export function setSecret(secret: string): void {
  issue('add-mask', secret);
}

export function startGroup(name: string): void {
  issue('group', name);
}

export function endGroup(): void {
  issue('endgroup', '');
}

export function notice(message: string, properties?: AnnotationProperties): void {
  issue('notice', message, annotation(properties));
}

export function warning(message: string, properties?: AnnotationProperties): void {
  issue('warning', message, annotation(properties));
}

export function error(message: string, properties?: AnnotationProperties): void {
  issue('error', message, annotation(properties));
}

/** The step fails (exit code 1) once the process ends, with this error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** A step output, in GITHUB_OUTPUT's heredoc form; the old stdout command without that file. */
export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT ?? '';
  if (file === '') {
    process.stdout.write(EOL);
    issue('set-output', value, { name });
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (value.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' });
}

/** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY). */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '') {
    throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
  }
  try {
    await access(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
  }
  await appendFile(file, markdown, { encoding: 'utf8' });
}

/** The commands a run writes: the action's own, or @actions/core's. */
export interface WorkflowCommands {
  readonly info: (message: string) => void;
  readonly setSecret: (secret: string) => void;
  readonly setOutput: (name: string, value: string) => void;
  readonly startGroup: (name: string) => void;
  readonly endGroup: () => void;
  readonly notice: (message: string, properties?: AnnotationProperties) => void;
  readonly warning: (message: string, properties?: AnnotationProperties) => void;
  readonly error: (message: string, properties?: AnnotationProperties) => void;
  readonly setFailed: (message: string) => void;
  readonly appendSummary: (markdown: string) => Promise<void>;
}

export const ownCommands: WorkflowCommands = { info, setSecret, setOutput, startGroup, endGroup, notice, warning, error, setFailed, appendSummary };

/**
 * @actions/core's own, for a run() that the bundle's entry did not start: @github/local-action
 * calls run() with none and stubs @actions/core to show what the action wrote.
 */
export async function actionsCoreCommands(): Promise<WorkflowCommands> {
  const core = await import('@actions/core');
  return {
    info: core.info,
    setSecret: core.setSecret,
    setOutput: core.setOutput,
    startGroup: core.startGroup,
    endGroup: core.endGroup,
    notice: core.notice,
    warning: core.warning,
    error: core.error,
    setFailed: core.setFailed,
    appendSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write();
    },
  };
}
