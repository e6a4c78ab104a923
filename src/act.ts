import { checkAllowed } from './allow.ts';
import { goalFile, withStatus } from './goals.ts';
import type { Move } from './moves.ts';
import type { LoadedState } from './state/read.ts';

/** What running an allowed command produced. */
export interface CommandRun {
  /** `exit 0`, `exit 2`, `timed out after 600s and was killed`… */
  readonly outcome: string;
  readonly ok: boolean;
  /** The end of its output (stdout and stderr), for the next prompt. */
  readonly tail: string;
}

/** Runs argv without a shell, in the repository, with the scrubbed environment. */
export type RunCommand = (argv: readonly string[]) => Promise<CommandRun>;

export interface ActContext {
  readonly state: LoadedState;
  readonly allow: readonly string[];
  readonly runCommand: RunCommand;
  readonly beat: string;
}

/** What a move did, as data for the record. */
export interface Outcome {
  /** `ok`, `failed: …`, `refused: …`. */
  readonly outcome: string;
  /** What happened, for the journal. */
  readonly summary: string;
  /** Files to write in the state tree (null deletes). */
  readonly files: Readonly<Record<string, string | null>>;
  readonly lastRun?: { readonly beat: string; readonly command: string; readonly outcome: string; readonly tail: string };
}

const NEEDS_PERSON =
  'needs a person, and this version cannot yet ask one (asks as GitHub issues come next); nothing was done';

export async function act(move: Move, context: ActContext): Promise<Outcome> {
  switch (move.type) {
    case 'noop':
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
    case 'run':
      return runMove(move.command, context);
    case 'sensor_write':
      return refused(`sensor_write ${move.name} runs code every beat, so it ${NEEDS_PERSON}`);
    case 'ask':
      return refused(`ask ${NEEDS_PERSON}`);
    case 'spawn_worker':
    case 'escalate':
    case 'schedule_write':
    case 'schedule_drop':
      return refused(`${move.type} is not available in this version yet; nothing was done`);
  }
}

async function runMove(command: string, context: ActContext): Promise<Outcome> {
  const verdict = checkAllowed(command, context.allow);
  if (!verdict.allowed) return refused(`run \`${command}\`: ${verdict.why}, so it ${NEEDS_PERSON}`);
  const run = await context.runCommand(verdict.argv);
  return {
    outcome: run.ok ? 'ok' : `failed: ${run.outcome}`,
    summary: `ran \`${command}\` (allowed by "${verdict.pattern}"): ${run.outcome}`,
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

function refused(why: string): Outcome {
  return { outcome: 'refused', summary: why, files: {} };
}
