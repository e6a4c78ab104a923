import { goalPath, PLAYBOOK_FILE, sensorPath } from '../state/layout.ts';
import type { Approval } from '../resources/asks/answers.ts';
import type { CommandLine, RunCommand } from './ports.ts';
import { canonicalJson } from '../text/canonical.ts';
import { loadYaml } from '../text/yaml.ts';
import { gate } from '../moves/gate.ts';
import { goalFile, withStatus } from '../state/goals.ts';
import type { Move } from '../moves/schema.ts';
import type { LoadedState } from '../state/read.ts';
import { isBehindLink } from '../state/tree.ts';
import type { FileWrite } from '../state/record.ts';
import type { Worker } from '../resources/workers/model.ts';

/** What running a command produced. */
export type { CommandLine, CommandRun, RunCommand } from './ports.ts';

export interface ActContext {
  readonly state: LoadedState;
  readonly allow: readonly string[];
  /** Why each holding guard holds; while any does, changes outside the state branch need a person. */
  readonly holds: readonly string[];
  /** Commands a beat started and died running: they may have run, so they need a person now. */
  readonly interrupted: readonly string[];
  readonly runCommand: RunCommand;
  readonly beat: string;
  /** Records, before an allowed command runs, that this beat is running it (so a crash cannot run it twice). */
  readonly claimCommand?: (command: string) => Promise<void>;
  /** A person approved exactly this move: the gate has been passed. */
  readonly approval?: Approval;
  /** Spawning and killing workers; absent where there is no GitHub to dispatch through. */
  readonly workers?: WorkerActions;
}

/** Spawning and killing workers: the workers resource does it (src/resources/workers/act.ts). */
export interface WorkerActions {
  spawn(move: Extract<Move, { type: 'spawn_worker' }>, state: LoadedState): Promise<Outcome>;
  kill(move: Extract<Move, { type: 'kill_worker' }>, state: LoadedState): Promise<Outcome>;
}

/** A question a gated move turns into. */
export interface AskRequest {
  readonly question: string;
  readonly why: string;
  /** The move an approval would run; absent for a plain question. */
  readonly move?: Move;
  /** A worker's question: the answer goes back to that worker. */
  readonly worker?: string;
}

/** What a move did, as data for the record. */
export interface Outcome {
  /** `ok`, `failed: …`, `refused`, `asked`. */
  readonly outcome: string;
  /** What happened, for the journal. */
  readonly summary: string;
  /** Files to write in the state tree (null deletes). */
  readonly files: Readonly<Record<string, string | null>>;
  /** Files written by a merge rule against what the branch holds by then (a worker's record, which its run writes too). */
  readonly writes?: Readonly<Record<string, FileWrite>>;
  /** Workers as this move leaves them, for the state the next beat reads. */
  readonly workers?: readonly Worker[];
  readonly executable?: readonly string[];
  readonly lastCommand?: { readonly beat: string; readonly command: string; readonly outcome: string; readonly tail: string };
  /** The move needs a person: this is what to ask. */
  readonly ask?: AskRequest;
}

/** Acts on a move; never throws: whatever goes wrong is the move's outcome, recorded like any other. */
export async function act(move: Move, context: ActContext): Promise<Outcome> {
  try {
    // A move writes files the beat reads back, and rewrites goals: people's, in any YAML.
    await loadYaml();
    return await decideAndExecute(move, context);
  } catch (error) {
    return failed(`the move failed while it was carried out: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function decideAndExecute(move: Move, context: ActContext): Promise<Outcome> {
  if (context.approval !== undefined) {
    if (canonicalJson(context.approval.loaded.ask.move) !== canonicalJson(move)) throw new Error('the approval is for another move');
    return execute(move, context, context.approval);
  }
  const verdict = gate(move, context);
  if (!verdict.open) {
    return {
      outcome: 'asked',
      summary: `needs a person (${verdict.why}): ${move.reason}`,
      files: {},
      ask: { question: verdict.question, why: verdict.why, ...(move.type === 'ask' ? {} : { move }) },
    };
  }
  if (move.type === 'run' && verdict.argv !== undefined && verdict.pattern !== undefined) {
    await context.claimCommand?.(move.command);
    return runMove(move.command, { kind: 'allowed', argv: verdict.argv, pattern: verdict.pattern }, `allowed by "${verdict.pattern}"`, context);
  }
  return execute(move, context, undefined);
}

/** Goals and the PLAYBOOK are people's files: a link there is theirs to remove, not the loop's to replace. */
function linkRefusal(file: string, context: ActContext): Outcome | undefined {
  if (!isBehindLink(context.state.links, file)) return undefined;
  return failed(`${file} is a symbolic link on the state branch (or is inside one); the loop never writes through links: replace it with a regular file by pull request`);
}

async function execute(move: Move, context: ActContext, approval: Approval | undefined): Promise<Outcome> {
  switch (move.type) {
    case 'noop':
    case 'ask':
      return done(move.reason, {});
    case 'goal_write': {
      const file = goalPath(move.slug);
      const exists = context.state.goals.some((goal) => goal.slug === move.slug);
      return linkRefusal(file, context) ?? done(`${exists ? 'updated' : 'created'} ${file}: ${move.reason}`, { [file]: goalFile(move.body) });
    }
    case 'goal_archive': {
      const file = goalPath(move.slug);
      const goal = context.state.goals.find((g) => g.slug === move.slug);
      if (goal === undefined) return failed(`there is no goal "${move.slug}" to archive`);
      return linkRefusal(file, context) ?? done(`archived ${file}: ${move.reason}`, { [file]: withStatus(goal.text, 'archived') });
    }
    case 'playbook_write':
      return (
        linkRefusal(PLAYBOOK_FILE, context) ??
        done(`rewrote PLAYBOOK.md (the previous one is in git history): ${move.reason}`, { [PLAYBOOK_FILE]: move.body.endsWith('\n') ? move.body : `${move.body}\n` })
      );
    case 'sensor_write': {
      const file = sensorPath(move.name);
      const refused = linkRefusal(file, context);
      if (refused !== undefined) return refused;
      return { ...done(`wrote ${file}: ${move.reason}`, { [file]: move.script.endsWith('\n') ? move.script : `${move.script}\n` }), executable: [file] };
    }
    case 'run':
      // Only an approved command gets here: a person read it whole, so it runs as written, in a shell.
      if (approval === undefined) throw new Error('a command outside allow reached execution without an approval');
      return runMove(move.command, { kind: 'approved', script: move.command, approval }, 'approved', context);
    case 'spawn_worker':
      return context.workers === undefined ? refusedWithoutGitHub(move.type) : context.workers.spawn(move, context.state);
    case 'kill_worker':
      return context.workers === undefined ? refusedWithoutGitHub(move.type) : context.workers.kill(move, context.state);
    case 'escalate':
    case 'schedule_write':
    case 'schedule_drop':
      return { outcome: 'refused', summary: `${move.type} is not available in this version yet; nothing was done`, files: {} };
  }
}

async function runMove(command: string, line: CommandLine, why: string, context: ActContext): Promise<Outcome> {
  const run = await context.runCommand(line);
  return {
    outcome: run.ok ? 'ok' : `failed: ${run.outcome}`,
    summary: `ran \`${command}\` (${why}): ${run.outcome}`,
    files: {},
    lastCommand: { beat: context.beat, command, outcome: run.outcome, tail: run.tail },
  };
}

function refusedWithoutGitHub(type: string): Outcome {
  return { outcome: 'refused', summary: `${type} needs GitHub to dispatch or cancel the worker's run, and this beat has no GitHub token and repository: keep input github-token at its default and grant "permissions: actions: write"`, files: {} };
}

function done(summary: string, files: Record<string, string | null>): Outcome {
  return { outcome: 'ok', summary, files };
}

function failed(why: string): Outcome {
  return { outcome: `failed: ${why}`, summary: why, files: {} };
}
