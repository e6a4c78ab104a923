import type { CommandLine, CommandRun, RunCommand } from '../../src/beat/act.ts';
import type { BeatOptions, BeatPorts, Store } from '../../src/beat/run.ts';
import { GitHubError, type Dispatched, type GitHub, type Issue, type IssueComment, type Label, type PullRequest, type WorkflowRunInfo } from '../../src/beat/github.ts';
import type { Decider, DecisionRun } from '../../src/runners/index.ts';
import type { ProcessExit } from '../../src/io/process.ts';
import { readState, type LoadedState } from '../../src/state/read.ts';
import type { Entry } from '../../src/state/tree.ts';
import { JOURNAL_HEADER } from '../../src/state/journal.ts';
import { ClaimLostError, type BeatRecord } from '../../src/state/record.ts';

/**
 * An in-memory state branch: `load` reads what the last `commit` wrote, the way the next beat
 * reads what the previous one pushed.
 */
export class MemoryStore implements Store {
  seeded = false;
  files = new Map<string, string>([
    ['PLAYBOOK.md', '# PLAYBOOK\nBe careful.\n'],
    ['goals/setup.md', '---\nstatus: active\n---\n# Set up\n'],
  ]);
  journal: string[] = [];
  commits: BeatRecord[] = [];
  sensors: string[] = [];

  /** The branch as the real reader sees it: the same layout and parsers, over these files. */
  load(): Promise<LoadedState> {
    const tree = new Map<string, Entry>([...this.files].map(([file, text]) => [file, { kind: 'file', content: Buffer.from(text), executable: false }]));
    for (const name of this.sensors) tree.set(`sensors/${name}`, { kind: 'file', content: Buffer.from(`#!/bin/sh\n# ${name}\n`), executable: true });
    if (this.journal.length > 0) tree.set('journal.md', { kind: 'file', content: Buffer.from(`${JOURNAL_HEADER}${this.journal.join('\n')}\n`), executable: false });
    return Promise.resolve(readState(tree));
  }

  commit(record: BeatRecord): Promise<{ sha: string | undefined; attempts: number }> {
    for (const [file, expected] of Object.entries(record.expect ?? {})) {
      if ((this.files.get(file) ?? null) !== expected) return Promise.reject(new ClaimLostError(`${file} changed`));
    }
    // As on the branch: every write is worked out before any lands, so a refused one leaves no half record.
    const writes = Object.entries(record.files).map(([file, write]) => [file, typeof write === 'function' ? write(this.files.get(file) ?? null) : write] as const);
    this.commits.push(record);
    for (const [file, content] of writes) {
      if (content === null) {
        // As on disk: null removes a file or a whole folder.
        for (const key of [...this.files.keys()]) if (key === file || key.startsWith(`${file}/`)) this.files.delete(key);
      } else this.files.set(file, content);
    }
    this.journal.push(...record.journal);
    return Promise.resolve({ sha: `sha${this.commits.length}`, attempts: 1 });
  }
}

export function exitWith(stdout: string, extra: Partial<ProcessExit> = {}): ProcessExit {
  return { code: 0, signal: null, timedOut: false, overflowed: false, stdout, stdoutBytes: Buffer.from(stdout), stderrTail: '', durationMs: 1, ...extra };
}

/** A decider that answers from a queue and remembers every prompt it was shown. */
export function scriptedDecider(answers: string[]): Decider & { prompts: string[] } {
  const prompts: string[] = [];
  const decide = (prompt: string): Promise<DecisionRun> => {
    prompts.push(prompt);
    const text = answers.shift() ?? '{"type":"noop","reason":"out of answers"}';
    return Promise.resolve({ result: { ok: true, text, costUsd: 0.01 }, raw: text, durationMs: 1 });
  };
  return Object.assign(decide, { prompts });
}

/** Runs nothing; remembers each command as the words it would execute (an approved one in bash). */
export function recordingCommands(): RunCommand & { runs: (readonly string[])[] } {
  const runs: (readonly string[])[] = [];
  const run = (line: CommandLine): Promise<CommandRun> => {
    const argv = line.kind === 'allowed' ? line.argv : ['bash', '-c', line.script];
    runs.push(argv);
    return Promise.resolve({ ok: true, outcome: 'exit 0', tail: `output of ${argv.join(' ')}` });
  };
  return Object.assign(run, { runs });
}

export interface World {
  store: MemoryStore;
  signals: Record<string, string>;
  decider: ReturnType<typeof scriptedDecider>;
  commands: ReturnType<typeof recordingCommands>;
  clock: { now: Date };
  ports: BeatPorts;
  options: BeatOptions;
}

/** A world whose sensors print `signals[name]`, with a clock the test moves. */
export function makeWorld(answers: string[] = []): World {
  const store = new MemoryStore();
  const signals: Record<string, string> = {};
  const decider = scriptedDecider(answers);
  const commands = recordingCommands();
  const clock = { now: new Date('2026-11-23T12:00:00Z') };
  return {
    store,
    signals,
    decider,
    commands,
    clock,
    ports: {
      store,
      runSensor: (sensor) => Promise.resolve(exitWith(signals[sensor.name] ?? '')),
      decider,
      runCommand: commands,
      now: () => clock.now,
    },
    options: { beat: 'b1', runner: 'custom', model: undefined, limits: { dailyBudget: 48, dailyBudgetUsd: undefined }, prices: {}, allow: ['npm test', 'npm run *'], approvers: [], sensorTimeoutMs: 1000, commandTimeoutMs: 1000, dryRun: false },
  };
}

interface FakeIssue {
  number: number;
  title: string;
  body: string;
  open: boolean;
  author: string;
  labels: string[];
  closedBy?: string;
}

/**
 * GitHub as the core sees it, in memory: issues, comments and roles. The loop's own identity
 * is `looop[bot]`; a person's issue or comment is added with `addIssue` / `addComment`.
 */
export class FakeGitHub implements GitHub {
  issues: FakeIssue[] = [];
  comments: IssueComment[] = [];
  roles = new Map<string, string>();
  calls = 0;
  #ids = 100;

  addComment(issue: number, login: string, body: string, created = '2026-12-31T00:00:00Z'): void {
    this.comments.push({ id: ++this.#ids, issue, body, login, isBot: false, created });
  }

  labelled(label: string): FakeIssue[] {
    return this.issues.filter((issue) => issue.labels.includes(label));
  }

  #issue(n: number): FakeIssue {
    const found = this.issues.find((issue) => issue.number === n);
    if (found === undefined) throw new GitHubError('Not Found', 404);
    return found;
  }

  /** Workflow dispatches, as GitHub would start them. */
  dispatches: { workflow: string; ref: string; inputs: Readonly<Record<string, string>> }[] = [];

  findOwnIssue(label: string, marked: (body: string) => boolean): Promise<Issue | undefined> {
    this.calls++;
    const found = this.labelled(label)
      .reverse()
      .find((issue) => marked(issue.body) && issue.author === 'looop[bot]');
    return Promise.resolve(found === undefined ? undefined : { number: found.number, open: found.open, url: '', body: found.body });
  }
  createIssue(label: Label, title: string, body: string): Promise<Issue> {
    this.calls++;
    const issue = { number: this.issues.length + 1, title, body, open: true, author: 'looop[bot]', labels: [label.name] };
    this.issues.push(issue);
    return Promise.resolve({ number: issue.number, open: true, url: `https://github.test/issues/${issue.number}`, body });
  }
  updateIssue(issue: number, change: { body?: string; state?: 'open' | 'closed' }): Promise<void> {
    this.calls++;
    const found = this.#issue(issue);
    if (change.body !== undefined) found.body = change.body;
    if (change.state !== undefined) {
      found.open = change.state === 'open';
      found.closedBy = found.open ? undefined : 'looop[bot]';
    }
    return Promise.resolve();
  }
  issueState(issue: number): Promise<{ open: boolean; closedBy: string | undefined } | undefined> {
    this.calls++;
    const found = this.issues.find((i) => i.number === issue);
    return Promise.resolve(found === undefined ? undefined : { open: found.open, closedBy: found.open ? undefined : found.closedBy });
  }
  issuesSince(label: string): Promise<{ number: number; open: boolean }[]> {
    this.calls++;
    return Promise.resolve(this.labelled(label).map((i) => ({ number: i.number, open: i.open })));
  }
  issueComments(issue: number): Promise<IssueComment[]> {
    this.calls++;
    return Promise.resolve(this.comments.filter((c) => c.issue === issue));
  }
  commentsSince(): Promise<{ comments: IssueComment[]; pages: number }> {
    this.calls++;
    return Promise.resolve({ comments: [...this.comments], pages: 1 });
  }
  permission(login: string): Promise<string> {
    this.calls++;
    return Promise.resolve(this.roles.get(login) ?? 'none');
  }
  comment(issue: number, body: string): Promise<void> {
    this.calls++;
    this.#issue(issue);
    this.comments.push({ id: ++this.#ids, issue, body, login: 'looop[bot]', isBot: true, created: '2026-12-31T00:00:00Z' });
    return Promise.resolve();
  }
  /** Workflow runs by id, as the runs API would tell them; any other run is unknown. */
  runs = new Map<string, 'running' | 'finished'>();
  workflowRun(runId: string): Promise<'running' | 'finished' | 'unknown'> {
    this.calls++;
    return Promise.resolve(this.runs.get(runId) ?? 'unknown');
  }
  /** What a dispatch answers: nothing (204, as older servers), the run it started, or a refusal. */
  dispatchAnswer: 'none' | 'run' | GitHubError = 'none';
  dispatchWorkflow(workflow: string, ref: string, inputs: Readonly<Record<string, string>>): Promise<Dispatched> {
    this.calls++;
    if (this.dispatchAnswer instanceof GitHubError) return Promise.reject(this.dispatchAnswer);
    this.dispatches.push({ workflow, ref, inputs });
    if (this.dispatchAnswer === 'none') return Promise.resolve({});
    const id = String(9000 + this.dispatches.length);
    this.workflowRunList.push({ id, workflow, name: `looop worker ${inputs['worker-id'] ?? ''}`, status: 'queued', conclusion: undefined, url: `https://github.test/runs/${id}`, created: '2026-11-23T12:00:00Z' });
    return Promise.resolve({ runId: id, url: `https://github.test/runs/${id}` });
  }
  /** Runs of every workflow, as the runs API lists them; a test adds and ends them. */
  workflowRunList: (WorkflowRunInfo & { workflow: string })[] = [];
  cancelled: string[] = [];
  workflowRuns(workflow: string, since: string): Promise<WorkflowRunInfo[]> {
    this.calls++;
    return Promise.resolve(this.workflowRunList.filter((run) => run.workflow === workflow && run.created >= since).reverse());
  }
  cancelWorkflowRun(runId: string): Promise<'cancelled' | 'finished' | 'unknown'> {
    this.calls++;
    const run = this.workflowRunList.find((r) => r.id === runId);
    if (run === undefined) return Promise.resolve('unknown');
    if (run.status === 'completed') return Promise.resolve('finished');
    this.cancelled.push(runId);
    return Promise.resolve('cancelled');
  }
  defaultBranch(): Promise<string> {
    this.calls++;
    return Promise.resolve('main');
  }
  pulls: ({ -readonly [K in keyof PullRequest]: PullRequest[K] } & { base: string; title: string; author: string })[] = [];
  findOwnPullRequest(head: string, marked: (body: string) => boolean): Promise<PullRequest | undefined> {
    this.calls++;
    return Promise.resolve([...this.pulls].reverse().find((p) => p.head === head && p.author === 'looop[bot]' && marked(p.body)));
  }
  createPullRequest(pull: { head: string; base: string; title: string; body: string }): Promise<PullRequest> {
    this.calls++;
    const number = 1000 + this.pulls.length;
    const created = { number, url: `https://github.test/pull/${number}`, open: true, merged: false, author: 'looop[bot]', ...pull };
    this.pulls.push(created);
    return Promise.resolve(created);
  }
  updatePullRequest(pull: number, change: { title?: string; body?: string }): Promise<void> {
    this.calls++;
    const found = this.pulls.find((p) => p.number === pull);
    if (found === undefined) throw new GitHubError('Not Found', 404);
    if (change.title !== undefined) found.title = change.title;
    if (change.body !== undefined) found.body = change.body;
    return Promise.resolve();
  }
  requests(): number {
    return this.calls;
  }
}
