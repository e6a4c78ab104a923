import type { CommandRun, RunCommand } from '../beat/act.ts';
import { isRefused, type GitHub } from '../beat/github.ts';
import type { Store } from '../beat/ports.ts';
import { claimFile } from '../beat/record.ts';
import { checkAllowed } from '../moves/allow.ts';
import { openAsk, type AskContext } from '../resources/asks/reconcile.ts';
import { formatWorker, parseWorker, workerPath, workerWrite, type Worker } from '../resources/workers/model.ts';
import { BUDGET_FILE, charge, costOf, workerChargeId } from '../state/budget.ts';
import { formatJournalLine } from '../state/journal.ts';
import { askPath } from '../state/layout.ts';
import type { LoadedState } from '../state/read.ts';
import type { FileWrite } from '../state/record.ts';
import type { Settings } from '../settings.ts';
import type { AgentRun, SavedWork, WorkFolder } from './ports.ts';
import { claimed, done, failed, goalBody, goalTitle, waiting, type Spend } from './outcome.ts';
import { readFinalAnswer, workerPrompt } from './prompt.ts';
import { pullRequestBody, pullRequestTitle, upsertPullRequest } from './pull-request.ts';

/**
 * One round of a worker, as its workflow run does it: take the round, work, save, verify, show
 * it as a pull request, report, wake the loop. The outside world comes in through the ports.
 */

export interface WorkerPorts {
  readonly store: Store;
  /** workers/<id>.md as the state branch's tip holds it now (a beat may have killed it meanwhile). */
  readonly readWorkerFile: () => Promise<string | null>;
  readonly defaultBranch: () => Promise<string>;
  readonly openFolder: (base: string) => Promise<WorkFolder>;
  readonly saveWork: (work: WorkFolder, message: string) => Promise<SavedWork>;
  readonly runAgent: (folder: string, prompt: string) => Promise<AgentRun>;
  /** Runs verify's words in the folder (no shell, scrubbed environment, command-timeout). */
  readonly runVerify: (folder: string) => RunCommand;
  /** With the workflow token: the ask's issue, the beat's dispatch. */
  readonly github: GitHub | undefined;
  /** With worker-token when set: the pull request. */
  readonly pulls: GitHub | undefined;
  readonly now: () => Date;
}

export interface WorkerContext {
  readonly id: string;
  readonly beat: string;
  readonly runId: string | undefined;
  readonly runUrl: string | undefined;
  readonly askFileUrl: ((id: string) => string) | undefined;
  readonly settings: Pick<Settings, 'allow' | 'approvers' | 'commandTimeoutMs' | 'prices' | 'model' | 'beatWorkflow'>;
}

export interface WorkerReport {
  readonly id: string;
  /** The record's status as this run left it; `missing` when there is no record. */
  readonly status: Worker['status'] | 'missing';
  /** One line for the log and the summary. */
  readonly message: string;
  readonly pr?: { readonly number: number; readonly url: string; readonly did: 'created' | 'updated' };
  readonly verified?: Worker['verified'];
  readonly summary?: string;
  readonly costUsd?: number;
  readonly warnings: readonly string[];
}

/** Why a round stops early, with what the record says. */
class RoundFailed extends Error {
  override name = 'RoundFailed';
}

export async function runWorkerRound(ports: WorkerPorts, context: WorkerContext): Promise<WorkerReport> {
  const { id } = context;
  const state = await ports.store.load();
  const loaded = state.workers.find((w) => w.worker.id === id);
  if (loaded === undefined) {
    if (state.unreadableWorkers.includes(id)) throw new Error(`${workerPath(id)} on the state branch cannot be read: fix its front matter, or delete it and let the loop spawn the worker again`);
    return { id, status: 'missing', message: `worker ${id} has no record on the state branch: nothing to do`, warnings: [] };
  }
  if (loaded.worker.status !== 'dispatched') return { id, status: loaded.worker.status, message: `worker ${id} is ${loaded.worker.status}: nothing to do`, warnings: [] };
  const running = claimed(loaded.worker, { id: context.runId ?? context.beat, ...(context.runUrl === undefined ? {} : { url: context.runUrl }) }, ports.now());
  const runningText = formatWorker(running);
  // A compare-and-swap on the file as read: of two runs dispatched for one round, one works.
  const took = await claimFile(ports.store, { file: workerPath(id), text: runningText, expected: loaded.text, message: `looop: worker ${id}: round ${running.round} running in ${context.beat}` });
  if (!took) return { id, status: 'running', message: `worker ${id}: another run took round ${running.round} first: nothing to do`, warnings: [] };
  const round = new Round(ports, context, state, running, runningText);
  return round.work();
}

/** What a round's record carries besides the worker and its charge. */
interface Finish {
  readonly pr?: WorkerReport['pr'];
  /** Files another step wrote (the ask a question opened), and its journal lines. */
  readonly files?: Readonly<Record<string, FileWrite>>;
  readonly journal?: readonly string[];
  /** A beat killed the worker while it ran: the record stays killed (workerWrite keeps it). */
  readonly killed?: boolean;
}

class Round {
  private spend: Spend & { model?: string; metered?: boolean } = { usd: 0, metered: true };
  private readonly warnings: string[] = [];
  private base = '';

  private readonly ports: WorkerPorts;
  private readonly context: WorkerContext;
  private readonly state: LoadedState;
  private readonly worker: Worker;
  /** The file as this run's claim left it: what workerWrite compares against. */
  private readonly written: string;

  constructor(ports: WorkerPorts, context: WorkerContext, state: LoadedState, worker: Worker, written: string) {
    this.ports = ports;
    this.context = context;
    this.state = state;
    this.worker = worker;
    this.written = written;
  }

  async work(): Promise<WorkerReport> {
    let summary: string | undefined;
    try {
      this.base = await this.ports.defaultBranch();
      const work = await this.ports.openFolder(this.base);
      const goal = this.state.goals.find((g) => g.slug === this.worker.goal);
      const agent = await this.ports.runAgent(work.folder, workerPrompt(this.worker, goalBody(goal)));
      this.spend = costOf(agent.result, this.context.settings.prices, this.context.settings.model);
      const final = readFinalAnswer(agent.result.text);
      summary = final.summary;
      // A failed or killed agent's half-done edits are not pushed: nothing there is for a person to review.
      if (!agent.result.ok) throw new RoundFailed(agent.timedOut ? 'killed at its timeout (worker-timeout); not retried' : `the agent failed: ${agent.result.failure?.message ?? 'no reason given'}`);
      const saved = await this.ports.saveWork(work, commitMessage(this.worker, final.summary));
      if (final.ask !== undefined) return await this.ask(final.ask, final.summary);
      const verified = await this.verify(work.folder);
      if (await this.killed()) return await this.finish(done(this.worker, { spend: this.spend, summary: final.summary, verified, at: this.ports.now() }), 'was killed while it ran: its branch is pushed, its pull request left alone', { killed: true });
      const pull = await this.pullRequest(goalTitle(goal, this.worker.goal), final.summary, verified, saved.refused);
      const next = done(this.worker, { spend: this.spend, summary: final.summary, verified, at: this.ports.now(), pr: { number: pull.pull.number, url: pull.pull.url } });
      return await this.finish(next, `done: pull request #${pull.pull.number} ${pull.did}${verified === undefined ? '' : `, verify ${verified.ok ? 'passed' : 'failed'}`}`, { pr: { number: pull.pull.number, url: pull.pull.url, did: pull.did } });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return this.finish(failed(this.worker, { spend: this.spend, reason, ...(summary === undefined ? {} : { summary }), at: this.ports.now() }), `failed: ${reason}`);
    }
  }

  /** verify only when allow matches it, run in the folder: the loop proposes it, the workflow's allow permits it. */
  private async verify(folder: string): Promise<Worker['verified']> {
    const command = this.worker.verify;
    if (command === undefined) return undefined;
    const verdict = checkAllowed(command, this.context.settings.allow);
    if (!verdict.allowed) return { ok: false, outcome: 'refused: not matched by allow', tail: verdict.why };
    const run: CommandRun = await this.ports.runVerify(folder)({ kind: 'allowed', argv: verdict.argv, pattern: verdict.pattern });
    return { ok: run.ok, outcome: run.outcome, tail: run.tail.slice(-4000) };
  }

  private async killed(): Promise<boolean> {
    const text = await this.ports.readWorkerFile();
    const current = text === null ? undefined : parseWorker(text);
    return current?.ok === true && current.worker.status === 'killed';
  }

  private async pullRequest(title: string, summary: string, verified: Worker['verified'], refused: readonly string[]) {
    const pulls = this.ports.pulls;
    if (pulls === undefined) throw new RoundFailed('there is no github-token (or worker-token) to open its pull request with');
    const totals = done(this.worker, { spend: this.spend, at: this.ports.now() });
    const body = pullRequestBody({ worker: this.worker, goalTitle: title, summary, verified, costUsd: totals.costUsd, tokensIn: totals.tokensIn, tokensOut: totals.tokensOut, runUrl: this.context.runUrl, refused });
    try {
      return await upsertPullRequest(pulls, { head: this.worker.branch, base: this.base, title: pullRequestTitle(title, this.worker.id), body }, this.worker.id);
    } catch (error) {
      if (!isRefused(error)) throw error;
      throw new RoundFailed(
        `its work is pushed to ${this.worker.branch}, but GitHub refused its pull request: ${(error as Error).message}. Give the worker's workflow "permissions: pull-requests: write" and turn on the repository setting "Allow GitHub Actions to create and approve pull requests" (Settings > Actions > General), or set input worker-token to a GitHub App token that may open pull requests.`,
      );
    }
  }

  /** The agent asked a person: its work is pushed already; the ask carries the question, and the worker waits. */
  private async ask(question: string, summary: string): Promise<WorkerReport> {
    const github = this.ports.github;
    if (github === undefined) throw new RoundFailed(`the agent asked "${question}", and there is no github-token to ask a person through`);
    if (await this.killed()) return this.finish(failed(this.worker, { spend: this.spend, reason: 'killed', at: this.ports.now() }), 'was killed while it ran: its question is not asked', { killed: true });
    const at = this.ports.now();
    const refuse: RunCommand = () => Promise.resolve({ ok: false, outcome: 'refused: a worker runs no move', tail: '' });
    const askContext: AskContext = {
      github,
      store: this.ports.store,
      beat: this.context.beat,
      runId: this.context.runId,
      runUrl: this.context.runUrl,
      askFileUrl: this.context.askFileUrl,
      at,
      now: this.ports.now,
      approvers: this.context.settings.approvers,
      commandTimeoutMs: this.context.settings.commandTimeoutMs,
      act: { allow: [], holds: [], interrupted: [], runCommand: refuse, beat: this.context.beat },
    };
    const opened = await openAsk(this.state, { question, why: 'the worker needs a person', worker: this.worker.id }, `worker ${this.worker.id} needs a person to go on`, [], askContext);
    const next = waiting(this.worker, { spend: this.spend, summary, question, ask: opened.ask.id, at });
    const issue = opened.ask.issue === undefined ? '' : ` in #${opened.ask.issue}`;
    return this.finish(next, `waiting: asked${issue} (ask ${opened.ask.id})`, { files: opened.file === undefined ? {} : { [askPath(opened.ask.id)]: opened.file }, journal: opened.journal });
  }

  /** The one record of the round: the worker, the settled charge, a journal line; then one beat to see it. */
  private async finish(next: Worker, outcome: string, extra: Finish = {}): Promise<WorkerReport> {
    const { pr, files = {}, journal = [] } = extra;
    const at = this.ports.now();
    const { usd, tokensIn, tokensOut, model, metered } = this.spend;
    const settled = {
      id: workerChargeId(this.worker.id, this.worker.round),
      at: at.toISOString(),
      ...(usd === undefined ? {} : { usd }),
      ...(tokensIn === undefined ? {} : { tokensIn }),
      ...(tokensOut === undefined ? {} : { tokensOut }),
      ...(model === undefined ? {} : { model }),
      ...(metered === undefined ? {} : { metered }),
      worker: this.worker.id,
    };
    const line = formatJournalLine({ at, beat: this.context.beat, move: 'worker', summary: `worker ${this.worker.id} round ${this.worker.round}: ${outcome}`, outcome: next.status, ...(usd === undefined ? {} : { costUsd: usd }) });
    await this.ports.store.commit({
      files: { ...files, [workerPath(this.worker.id)]: workerWrite(next, this.written), [BUDGET_FILE]: charge([settled], at) },
      journal: [...journal, line],
      message: `looop: worker ${this.worker.id}: round ${this.worker.round} ${next.status}`,
    });
    await this.wakeTheLoop();
    return {
      id: this.worker.id,
      status: extra.killed === true ? 'killed' : next.status,
      message: `worker ${this.worker.id} ${outcome}`,
      ...(pr === undefined ? {} : { pr }),
      ...(next.verified === undefined ? {} : { verified: next.verified }),
      ...(next.summary === undefined ? {} : { summary: next.summary }),
      ...(next.costUsd === undefined ? {} : { costUsd: next.costUsd }),
      warnings: this.warnings,
    };
  }

  /** One beat, so the loop sees the outcome now rather than at its next schedule. */
  private async wakeTheLoop(): Promise<void> {
    if (this.ports.github === undefined) {
      this.warnings.push('no github-token: the loop was not woken, and sees this worker at its next scheduled beat');
      return;
    }
    const ref = this.base === '' ? await this.ports.defaultBranch() : this.base;
    try {
      await this.ports.github.dispatchWorkflow(this.context.settings.beatWorkflow, ref, {});
    } catch (error) {
      this.warnings.push(
        `could not dispatch the beat workflow ${this.context.settings.beatWorkflow} (input beat-workflow): ${error instanceof Error ? error.message : String(error)}. The worker's workflow needs "permissions: actions: write"; the loop sees this worker at its next scheduled beat.`,
      );
    }
  }
}

function commitMessage(worker: Worker, summary: string): string {
  const first = summary.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'work';
  return `looop worker ${worker.id} (round ${worker.round}): ${first.slice(0, 72)}\n\n${summary.slice(0, 4000)}`.trimEnd();
}
