import { BUDGET_FILE } from './layout.ts';
import { z } from 'zod';
import { ClaimLostError } from './record.ts';
import type { RunnerResult } from '../runners/result.ts';
import type { Settings } from '../settings.ts';

/**
 * budget.json: every decision of the last days, charged when it is launched and settled with
 * its cost when it ends. Charges are keyed, so applying the same charge twice (a push retried
 * on top of another beat's) counts it once, and another beat's charges are never lost.
 */
const chargeSchema = z.object({
  id: z.string(),
  at: z.string(),
  model: z.string().optional(),
  /** Absent while running, then what the runner reported or tokens × prices gave. */
  usd: z.number().nonnegative().optional(),
  tokensIn: z.number().int().nonnegative().optional(),
  tokensOut: z.number().int().nonnegative().optional(),
  /** false when the run reported neither cost nor tokens with a price. */
  metered: z.boolean().optional(),
  /** A worker's charge: reserved at its cap when it is spawned, settled with its cost when it ends; it is not a decision. */
  worker: z.string().optional(),
});
const ledgerSchema = z.object({ days: z.record(z.string(), z.array(chargeSchema)) });

export type Charge = z.infer<typeof chargeSchema>;
export type Ledger = z.infer<typeof ledgerSchema>;

export { BUDGET_FILE } from './layout.ts';
/** The key of a worker's charge for one round: the spawn reserves it, the worker's run settles it. */
export function workerChargeId(id: string, round: number): string {
  return `worker:${id}:${round}`;
}

/** With a USD cap, this many runs that cannot be priced stop the day's decisions: fail closed. */
export const UNMETERED_LIMIT = 3;
const KEPT_DAYS = 8;

export type Limits = Pick<Settings, 'dailyBudget' | 'dailyBudgetUsd'>;

export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** A damaged ledger counts as spent, never as free: a bad hand edit must not lift the cap. */
export function parseLedger(text: string | null): Ledger | undefined {
  if (text === null) return { days: {} };
  try {
    const parsed = ledgerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export interface Spent {
  readonly decisions: number;
  readonly usd: number;
  readonly unmetered: number;
}

export function spentOn(ledger: Ledger, day: string): Spent {
  const charges = ledger.days[day] ?? [];
  // A worker counts as one decision too, so daily-budget bounds workers where no USD cap is set.
  return {
    decisions: charges.length,
    usd: charges.reduce((sum, c) => sum + (c.usd ?? 0), 0),
    unmetered: charges.filter((c) => c.metered === false).length,
  };
}

function resets(at: Date): string {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1);
  const minutes = Math.ceil((midnight - at.getTime()) / 60_000);
  return `it resets at 00:00 UTC, in ${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** Why no decision may be launched now, or undefined when one may. */
export function budgetStop(limits: Limits, ledger: Ledger | undefined, at: Date): string | undefined {
  if (ledger === undefined) return `${BUDGET_FILE} cannot be read, so the budget counts as spent: fix or delete it by pull request`;
  const spent = spentOn(ledger, dayOf(at));
  if (spent.decisions >= limits.dailyBudget) return `the daily budget of ${limits.dailyBudget} decisions is spent (${spent.decisions} today); ${resets(at)}`;
  const cap = limits.dailyBudgetUsd;
  if (cap === undefined) return undefined;
  if (spent.usd >= cap) return `the daily budget of $${cap.toFixed(2)} is spent ($${spent.usd.toFixed(4)} today); ${resets(at)}`;
  if (spent.unmetered >= UNMETERED_LIMIT) {
    return `${spent.unmetered} decisions today reported neither cost nor tokens with a price, so the $${cap.toFixed(2)} cap cannot be kept: decisions stop (set input "prices", or use a runner that reports cost); ${resets(at)}`;
  }
  return undefined;
}

function write(ledger: Ledger): string {
  const keep = Object.keys(ledger.days).sort().slice(-KEPT_DAYS);
  return `${JSON.stringify({ days: Object.fromEntries(keep.map((day) => [day, ledger.days[day]])) }, null, 2)}\n`;
}

/**
 * The ledger with these charges in it. A charge already there (a worker's reservation, settled
 * by its run on a later day, or the same decision applied twice) is replaced where it stands,
 * so it counts once and on the day it was made; a settlement that reports no cost keeps what
 * was reserved, so an agent killed before it said what it spent is never counted as free.
 */
function withCharges(ledger: Ledger, charges: readonly Charge[], at: Date): string {
  const days: Record<string, Charge[]> = Object.fromEntries(Object.entries(ledger.days).map(([day, list]) => [day, [...list]]));
  for (const mine of charges) {
    const day = Object.keys(days).find((d) => days[d]?.some((c) => c.id === mine.id));
    const list = day === undefined ? (days[dayOf(at)] ??= []) : (days[day] ?? []);
    const index = list.findIndex((c) => c.id === mine.id);
    const before = index === -1 ? undefined : list[index];
    const settled = mine.usd === undefined && before?.usd !== undefined ? { ...mine, usd: before.usd } : mine;
    if (index === -1) list.push(settled);
    else list[index] = settled;
  }
  return write({ days });
}

/**
 * Charges the beat's decisions (each charged whether it succeeded or not), applied to the
 * ledger as it stands on the branch when the commit lands: a push retried on top of another
 * beat's keeps that beat's charges, and charging the same decision twice counts it once. A
 * ledger that cannot be read is left as it is, for a person to fix: never overwritten.
 */
export function charge(charges: readonly Charge[], at: Date): (current: string | null) => string | null {
  return (current) => {
    const ledger = parseLedger(current);
    return ledger === undefined ? current : withCharges(ledger, charges, at);
  };
}

/** The budget did not allow a decision once the ledger was read as it stands on the branch. */
export class BudgetSpentError extends ClaimLostError {
  override name = 'BudgetSpentError';
}

/**
 * A decision charged before it is launched, checked against the ledger as the branch holds it
 * when the charge lands: of overlapping beats that each saw budget left, only as many launch
 * as the budget allows, and a beat that dies after the runner call has paid for it.
 */
export function reserve(pending: Charge, limits: Limits, at: Date): (current: string | null) => string {
  return (current) => {
    const ledger = parseLedger(current);
    const stop = budgetStop(limits, ledger, at);
    if (stop !== undefined || ledger === undefined) throw new BudgetSpentError(stop ?? 'the budget cannot be read');
    return withCharges(ledger, [pending], at);
  };
}

/** What a run cost: the runner's own figure, else tokens × the workflow's prices, else unmetered. */
export function costOf(result: RunnerResult, prices: Settings['prices'], model: string | undefined): Omit<Charge, 'id' | 'at'> {
  const tokens = { ...(result.tokensIn === undefined ? {} : { tokensIn: result.tokensIn }), ...(result.tokensOut === undefined ? {} : { tokensOut: result.tokensOut }) };
  const name = result.model ?? model;
  const base = { ...tokens, ...(name === undefined ? {} : { model: name }) };
  if (result.costUsd !== undefined) return { ...base, usd: result.costUsd, metered: true };
  // The model the runner names (often a dated snapshot), else the one the workflow asked for.
  const price = (result.model === undefined ? undefined : prices[result.model]) ?? (model === undefined ? undefined : prices[model]);
  if (price !== undefined && (result.tokensIn !== undefined || result.tokensOut !== undefined)) {
    const usd = ((result.tokensIn ?? 0) * price.input + (result.tokensOut ?? 0) * price.output) / 1_000_000;
    return { ...base, usd, metered: true };
  }
  return { ...base, metered: false };
}

/**
 * A worker's charge, reserved when it is spawned at what it may cost (worker-budget-usd), checked
 * against the ledger as the branch holds it when the spawn lands: the day's budget must have a
 * decision left and, under a USD cap, room for the whole worker. Its run settles the charge.
 */
export function reserveWorker(pending: Charge, limits: Limits, at: Date): (current: string | null) => string {
  return (current) => {
    const ledger = parseLedger(current);
    const stop = budgetStop(limits, ledger, at);
    if (stop !== undefined || ledger === undefined) throw new BudgetSpentError(stop ?? 'the budget cannot be read');
    const cap = limits.dailyBudgetUsd;
    const spent = spentOn(ledger, dayOf(at)).usd;
    if (cap !== undefined && pending.usd !== undefined && spent + pending.usd > cap) {
      throw new BudgetSpentError(`the daily budget of $${cap.toFixed(2)} has $${(cap - spent).toFixed(2)} left today, less than the worker's cap of $${pending.usd.toFixed(2)} (input worker-budget-usd); ${resets(at)}`);
    }
    return withCharges(ledger, [pending], at);
  };
}
