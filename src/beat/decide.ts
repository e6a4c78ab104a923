import { BUDGET_FILE, runsPath } from '../state/layout.ts';
import type { FailureKind } from '../resources/failures/model.ts';
import { budgetStop, charge, costOf, parseLedger, type Charge, type Limits } from '../state/budget.ts';
import { parseMove, type Move } from '../moves/schema.ts';
import type { Decider, DecisionRun } from './ports.ts';
import type { RunnerResult } from '../runners/result.ts';
import type { Settings } from '../settings.ts';
import type { FileWrite } from '../state/record.ts';
import { byText } from '../text/canonical.ts';

export type Decided =
  | { readonly kind: 'failed'; readonly error: string; readonly failure: FailureKind; readonly run?: RunnerResult }
  | { readonly kind: 'move'; readonly move: Move; readonly run: RunnerResult };

/** One runner call: what it was shown and what it said. */
export interface Launch {
  readonly n: number;
  readonly model: string | undefined;
  readonly prompt: string;
  readonly run: DecisionRun;
  readonly decided: Decided;
  readonly charge: Charge;
}

export interface DecideContext {
  readonly decider: Decider;
  readonly limits: Limits;
  readonly prices: Settings['prices'];
  readonly model: string | undefined;
  readonly escalationModel: string | undefined;
  readonly beat: string;
  readonly at: Date;
  /**
   * Makes a charge durable before its runner is launched; says why not when the budget, as the
   * branch holds it by now, has none left (another beat spent it meanwhile).
   */
  readonly reserve: (pending: Charge) => Promise<string | undefined>;
}

export type DecideResult =
  | { readonly kind: 'stopped'; readonly why: string }
  | { readonly kind: 'decided'; readonly decided: Decided; readonly launches: readonly Launch[] };

/** The kind of a runner's failure: its cause where the output showed one. */
function failureOf(result: RunnerResult): FailureKind {
  if (result.failure?.cause !== undefined) return result.failure.cause;
  return result.failure?.kind === 'timeout' ? 'timeout' : 'runner-error';
}

export function readDecision(result: RunnerResult): Decided {
  if (!result.ok) return { kind: 'failed', error: `the runner failed (${result.failure?.kind ?? 'error'}): ${result.failure?.message ?? 'no reason given'}`, failure: failureOf(result), run: result };
  if (result.text === null) return { kind: 'failed', error: 'the runner succeeded but gave no final text', failure: 'no-answer', run: result };
  const parsed = parseMove(result.text);
  if (!parsed.ok) return { kind: 'failed', error: parsed.error, failure: 'unparseable', run: result };
  return { kind: 'move', move: parsed.move, run: result };
}

function escalationPrompt(prompt: string, reason: string): string {
  return `${prompt}\n## Escalated to you\n\nA cheaper model passed this decision to you, saying why (as data):\n\`\`\`\`text\n${reason.replace(/`{4,}/g, '```')}\n\`\`\`\`\nDecide yourself: escalate is not available to you.\n`;
}

/**
 * The decision: one runner call, or two when the first escalates (the stronger model cannot
 * escalate again). Each call is charged as it is launched, whatever comes of it; none is
 * launched past the budget.
 */
export async function decide(prompt: string, ledgerText: string | null, context: DecideContext): Promise<DecideResult> {
  const launches: Launch[] = [];
  let text = prompt;
  for (const n of [1, 2]) {
    const spentSoFar = charge(launches.map((l) => l.charge), context.at)(ledgerText);
    const stop = budgetStop(context.limits, parseLedger(spentSoFar), context.at);
    if (stop !== undefined) {
      if (n === 1) return { kind: 'stopped', why: stop };
      return { kind: 'decided', decided: { kind: 'failed', error: `the escalation was not run: ${stop}`, failure: 'escalation' }, launches };
    }
    const model = n === 1 ? context.model : context.escalationModel;
    const at = context.at.toISOString();
    const refused = await context.reserve({ id: `${context.beat}:${n}`, at, ...(model === undefined ? {} : { model }) });
    if (refused !== undefined) {
      if (n === 1) return { kind: 'stopped', why: refused };
      return { kind: 'decided', decided: { kind: 'failed', error: `the escalation was not run: ${refused}`, failure: 'escalation' }, launches };
    }
    const run = await context.decider(text, model);
    const decided = readDecision(run.result);
    launches.push({ n, model, prompt: text, run, decided, charge: { id: `${context.beat}:${n}`, at, ...costOf(run.result, context.prices, model) } });
    if (decided.kind !== 'move' || decided.move.type !== 'escalate') return { kind: 'decided', decided, launches };
    if (n === 2) return { kind: 'decided', decided: { kind: 'failed', error: 'the escalation model answered escalate: it cannot escalate again', failure: 'escalation', run: run.result }, launches };
    if (context.escalationModel === undefined) {
      return { kind: 'decided', decided: { kind: 'failed', error: 'the decision escalated, but input "escalation-model" is not set', failure: 'escalation', run: run.result }, launches };
    }
    text = escalationPrompt(prompt, decided.move.reason);
  }
  throw new Error('unreachable: the loop returns on its second pass');
}

const RUNS_KEPT = 20;
const OUTPUT_KEPT = 64 * 1024;

/** A beat's own folder name: a run and its attempt, or a local run's time. Anything else under runs/ is a person's, and left alone. */
const BEAT_ID = /^(\d{1,20})-(\d{1,5})$|^local-[a-z0-9]{1,16}$/;

/** The order beats happened in: GitHub run ids grow, and local ids carry the time. */
function beatOrder(beat: string): string {
  const run = /^(\d+)-(\d+)$/.exec(beat);
  return run === null ? `1${beat}` : `0${(run[1] ?? '').padStart(20, '0')}-${(run[2] ?? '').padStart(5, '0')}`;
}

/**
 * runs/<beat>/: what each decision was shown and said, for the last beats, so a person can
 * read exactly what the model saw, and replay it.
 */
export function runFiles(beat: string, launches: readonly Launch[], existing: readonly string[]): Record<string, FileWrite> {
  const files: Record<string, FileWrite> = {};
  for (const launch of launches) {
    const base = runsPath(beat);
    files[`${base}prompt.${launch.n}.md`] = launch.prompt;
    files[`${base}output.${launch.n}.txt`] = launch.run.raw.slice(-OUTPUT_KEPT);
    const verdict = launch.decided.kind === 'move' ? { move: launch.decided.move } : { error: launch.decided.error };
    files[`${base}result.${launch.n}.json`] = `${JSON.stringify({ at: launch.charge.at, model: launch.model ?? null, durationMs: launch.run.durationMs, result: launch.run.result, ...verdict }, null, 2)}\n`;
  }
  const kept = [...new Set([...existing.filter((name) => BEAT_ID.test(name)), beat])].sort((a, b) => byText(beatOrder(a), beatOrder(b)));
  for (const old of kept.slice(0, Math.max(0, kept.length - RUNS_KEPT))) files[runsPath(old).slice(0, -1)] = null;
  return files;
}

/** The ledger with this beat's decisions charged. */
export function chargeRecord(launches: readonly Launch[], at: Date): Record<string, FileWrite> {
  return launches.length === 0 ? {} : { [BUDGET_FILE]: charge(launches.map((l) => l.charge), at) };
}
