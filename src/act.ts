import { gate } from './gate.ts';
import { goalFile, withStatus } from './goals.ts';
import type { Move } from './moves.ts';
import type { LoadedState } from './state/read.ts';

/** What running a command produced. */
export interface CommandRun {
  /** `exit 0`, `exit 2`, `timed out after 600s and was killed`… */
  readonly outcome: string;
  readonly ok: boolean;
  /** The end of its output (stdout and stderr), for the next prompt. */
  readonly tail: string;
}

/** Runs argv in the repository with the scrubbed environment (no shell unless argv names one). */
export type RunCommand = (argv: readonly string[]) => Promise<CommandRun>;

export interface ActContext {
  readonly state: LoadedState;
  readonly allow: readonly string[];
  /** Why each holding guard holds; while any does, changes outside the state branch need a person. */
  readonly holds: readonly string[];
  readonly runCommand: RunCommand;
  readonly beat: string;
  /** A person approved exactly this move: the gate has been passed. */
  readonly approved?: boolean;
}

/** A question a gated move turns into. */
export interface AskRequest {
  readonly question: string;
  readonly why: string;
  /** The move an approval would run; absent for a plain question. */
  readonly move?: Move;
}

/** What a move did, as data for the record. */
export interface Outcome {
  /** `ok`, `failed: …`, `refused`, `asked`. */
  readonly outcome: string;
  /** What happened, for the journal. */
  readonly summary: string;
  /** Files to write in the state tree (null deletes). */
  readonly files: Readonly<Record<string, string | null>>;
  readonly executable?: readonly string[];
  readonly lastRun?: { readonly beat: string; readonly command: string; readonly outcome: string; readonly tail: string };
  /** The move needs a person: this is what to ask. */
  readonly ask?: AskRequest;
}

export async function act(move: Move, context: ActContext): Promise<Outcome> {
  if (context.approved !== true) {
    const verdict = gate(move, context);
    if (!verdict.open) {
      return {
        outcome: 'asked',
        summary: `needs a person (${verdict.why}): ${move.reason}`,
        files: {},
        ask: { question: verdict.question, why: verdict.why, ...(move.type === 'ask' ? {} : { move }) },
      };
    }
    if (move.type === 'run' && verdict.argv !== undefined) return runMove(move.command, verdict.argv, `allowed by "${verdict.pattern ?? ''}"`, context);
  }
  return execute(move, context);
}

async function execute(move: Move, context: ActContext): Promise<Outcome> {
  switch (move.type) {
    case 'noop':
    case 'ask':
      return done(move.reason, {});
    case 'goal_write': {
      const exists = context.state.goals.some((goal) => goal.slug === move.slug);
      return done(`${exists ? 'updated' : 'created'} goals/${move.slug}.md: ${move.reason}`, {
        [`goals/${move.slug}.md`]: goalFile(move.body),
      });
    }
    case 'goal_archive': {
      const goal = context.state.goals.find((g) => g.slug === move.slug);
      if (goal === undefined) return failed(`there is no goal "${move.slug}" to archive`);
      return done(`archived goals/${move.slug}.md: ${move.reason}`, { [`goals/${move.slug}.md`]: withStatus(goal.text, 'archived') });
    }
    case 'playbook_write':
      return done(`rewrote PLAYBOOK.md (the previous one is in git history): ${move.reason}`, {
        'PLAYBOOK.md': move.body.endsWith('\n') ? move.body : `${move.body}\n`,
      });
    case 'sensor_write': {
      const file = `sensors/${move.name}`;
      return { ...done(`wrote ${file}: ${move.reason}`, { [file]: move.script.endsWith('\n') ? move.script : `${move.script}\n` }), executable: [file] };
    }
    case 'run':
      // Only an approved command gets here: a person read it whole, so it runs as written, in a shell.
      return runMove(move.command, ['bash', '-c', move.command], 'approved', context);
    case 'spawn_worker':
    case 'escalate':
    case 'schedule_write':
    case 'schedule_drop':
      return { outcome: 'refused', summary: `${move.type} is not available in this version yet; nothing was done`, files: {} };
  }
}

async function runMove(command: string, argv: readonly string[], why: string, context: ActContext): Promise<Outcome> {
  const run = await context.runCommand(argv);
  return {
    outcome: run.ok ? 'ok' : `failed: ${run.outcome}`,
    summary: `ran \`${command}\` (${why}): ${run.outcome}`,
    files: {},
    lastRun: { beat: context.beat, command, outcome: run.outcome, tail: run.tail },
  };
}

function done(summary: string, files: Record<string, string | null>): Outcome {
  return { outcome: 'ok', summary, files };
}

function failed(why: string): Outcome {
  return { outcome: `failed: ${why}`, summary: why, files: {} };
}
