import { ASKS_DIR, BUDGET_FILE, FAILURES_DIR, JOURNAL_FILE, MEMORY_FILE, PLAYBOOK_FILE, RUNS_DIR, SNAPSHOTS_DIR, WORKERS_DIR } from '../state/layout.ts';
import { parseDocument } from 'yaml';
import { goalStatuses } from '../state/goals.ts';
import { plainText } from '../text/markdown.ts';
import { FRONT_MATTER, readYaml } from '../text/yaml.ts';
import { PROMPT_CAPS } from '../prompt/build.ts';
import type { Reading } from '../beat/sense.ts';
import { LOOP_IDENTITY } from '../state/identity.ts';
import { isPeoplesPath } from '../state/names.ts';
import { readState, type SensorScript } from '../state/read.ts';
import { textOf, type StateTree } from '../state/tree.ts';

/**
 * Checking a steering change: what a beat would find wrong in the state tree a pull request
 * leaves, said before it is merged, each finding on its file.
 */
export interface Finding {
  readonly file: string;
  readonly message: string;
  /** An error fails the check; a warning is shown and lets it pass. */
  readonly level: 'error' | 'warning';
  /**
   * What the sensor printed, for the summary only: it is the pull request's text, and in an
   * annotation (a workflow command) text like it could pass for another command.
   */
  readonly printed?: string;
}

/** Files only the loop writes: a steering change that edits them rewrites its memory. */
const LOOP_FILES: ReadonlySet<string> = new Set([JOURNAL_FILE, BUDGET_FILE, MEMORY_FILE]);
const LOOP_DIRS = [ASKS_DIR, FAILURES_DIR, WORKERS_DIR, SNAPSHOTS_DIR, RUNS_DIR];

function isLoopOwned(file: string): boolean {
  return LOOP_FILES.has(file) || LOOP_DIRS.some((dir) => file.startsWith(`${dir}/`));
}

/** Problems the beat reports start with the file they are about (whose name may hold spaces). */
function fileOf(problem: string, tree: StateTree): string {
  let found = '';
  for (const file of tree.keys()) {
    if (file.length > found.length && problem.startsWith(file) && /^[\s:]/.test(problem.slice(file.length))) found = file;
  }
  return found === '' ? (/^([^\s:]+)/.exec(problem)?.[1] ?? '') : found;
}

const error = (file: string, message: string): Finding => ({ file, message, level: 'error' });
const warning = (file: string, message: string): Finding => ({ file, message, level: 'warning' });

/**
 * The tree as a pull request leaves it. `changed` lists the files the pull request touches,
 * when the base commit could be seen; the loop's own files must not be among them.
 */
export function checkTree(tree: StateTree, changed: readonly string[] | undefined): Finding[] {
  const findings: Finding[] = [];
  const state = readState(tree);
  for (const problem of state.problems) {
    const file = fileOf(problem, tree);
    // Links are said below in a check's words.
    if (!state.links.includes(file)) findings.push(error(file, problem));
  }
  for (const link of state.links) findings.push(error(link, `${link} is a symbolic link: the loop never reads or writes through one; commit a regular file instead`));
  findings.push(...checkPlaybook(tree), ...checkGoals(tree));
  for (const file of changed ?? []) {
    if (isLoopOwned(file)) {
      findings.push(error(file, `${file} is the loop's own record, and a steering change must not edit it: leave it out of the pull request (steer through goals/, sensors/, schedules/ and PLAYBOOK.md)`));
    }
    if (isPeoplesPath(file)) findings.push(warning(file, `${file} changes a workflow on the state branch, perhaps this very check (which runs as the pull request has it): read it yourself before merging, this check does not vouch for it`));
  }
  return dedupe(findings);
}

function checkPlaybook(tree: StateTree): Finding[] {
  const playbook = textOf(tree, PLAYBOOK_FILE);
  if (playbook === null) {
    return tree.get(PLAYBOOK_FILE)?.kind === 'link' ? [] : [error('PLAYBOOK.md', 'PLAYBOOK.md is missing: the loop reads its guidance there (the template has a starter one)')];
  }
  if (playbook.length > PROMPT_CAPS.playbook) {
    return [error('PLAYBOOK.md', `PLAYBOOK.md has ${playbook.length} characters, and a decision reads only the first ${PROMPT_CAPS.playbook}: shorten it (move detail into goals)`)];
  }
  return [];
}

/** What a beat forgives (a goal without front matter reads as active), a check asks to be said outright. */
function checkGoals(tree: StateTree): Finding[] {
  const findings: Finding[] = [];
  for (const [file] of tree) {
    if (!/^goals\/[^/]+\.md$/.test(file)) continue;
    const text = textOf(tree, file);
    if (text === null) continue;
    const match = FRONT_MATTER.exec(text);
    if (match === null) {
      findings.push(error(file, `${file} has no front matter: start it with "---", "status: active", "priority: 1", "---"`));
      continue;
    }
    const read = readYaml({ parseDocument }, match[1] ?? '');
    const fields = read.ok ? read.value : undefined;
    if (fields === null || typeof fields !== 'object') continue;
    const { status, priority } = fields as Record<string, unknown>;
    if (status === undefined) findings.push(error(file, `${file}: front matter has no status (one of ${goalStatuses.join(', ')})`));
    if (priority !== undefined && (typeof priority !== 'number' || !Number.isFinite(priority))) {
      findings.push(error(file, `${file}: priority ${JSON.stringify(priority)} is not a number (lower comes first)`));
    }
  }
  return findings;
}

/**
 * A sensor's dry run. Printing anything but one reading, or running out of time, is the
 * sensor's fault wherever it runs. Failing is only a warning: the dry run has neither the
 * project's checkout nor the variables of sensor-env, which a sensor may well need.
 */
export function checkReadings(sensors: readonly SensorScript[], readings: readonly Reading[]): Finding[] {
  return readings.flatMap((reading, index): Finding[] => {
    const sensor = sensors[index];
    if (reading.error === undefined || sensor === undefined || sensor.problem !== undefined) return [];
    const message = `${sensor.file} ${reading.error} in a dry run`;
    const sensorsFault = /JSON|timed out|printed more than/.test(reading.error);
    return [
      {
        file: sensor.file,
        message: sensorsFault ? `${message}: a sensor prints one JSON object {"signal": …, "detail": …} within sensor-timeout` : `${message}; it ran without the project's checkout and without sensor-env, which it may need`,
        level: sensorsFault ? 'error' : 'warning',
        ...(reading.detail === undefined ? {} : { printed: JSON.stringify(reading.detail).slice(0, 1000) }),
      },
    ];
  });
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.file}\0${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The check's job summary: what passed, or each finding. */
export function checkSummary(findings: readonly Finding[], checked: { readonly goals: number; readonly sensors: number }): string {
  const errors = findings.filter((f) => f.level === 'error');
  const head =
    errors.length === 0
      ? `The steering change is good: ${checked.goals} goal${checked.goals === 1 ? '' : 's'} and ${checked.sensors} sensor${checked.sensors === 1 ? '' : 's'} checked, the PLAYBOOK fits, no links.`
      : `The steering change has ${errors.length} problem${errors.length === 1 ? '' : 's'}, in ${[...new Set(errors.map((f) => f.file))].map(plainText).join(', ')}.`;
  const rows = findings.map((f) => {
    const printed = f.printed === undefined ? '' : `<pre>${plainText(f.printed)}</pre>`;
    return `- ${f.level === 'error' ? '❌' : '⚠️'} <code>${plainText(f.file)}</code>: ${plainText(f.message)}${printed}`;
  });
  return [`## looop: steering check`, '', head, ...(rows.length === 0 ? [] : ['', ...rows]), ''].join('\n');
}


/** A pushed commit, as the push event lists it. */
export interface PushedCommit {
  readonly committer?: { readonly email?: string | null } | null;
}

/**
 * True when every commit a push brought is the loop's own record. Pushed with the workflow
 * token they start no workflow at all; pushed with another token they would, and a beat
 * woken by its own record would only find nothing new.
 */
export function onlyLoopCommits(commits: readonly PushedCommit[]): boolean {
  return commits.length > 0 && commits.every((commit) => commit.committer?.email === LOOP_IDENTITY.email);
}
