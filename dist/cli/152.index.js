export const id = 152;
export const ids = [152];
export const modules = {

/***/ 6152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  REPLAY_USAGE: () => (/* binding */ REPLAY_USAGE),
  replay: () => (/* binding */ replay)
});

// EXTERNAL MODULE: ./src/state/layout.ts
var layout = __webpack_require__(1719);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
;// CONCATENATED MODULE: ./src/state/budget.ts



/**
 * budget.json: every decision of the last days, charged when it is launched and settled with
 * its cost when it ends. Charges are keyed, so applying the same charge twice (a push retried
 * on top of another beat's) counts it once, and another beat's charges are never lost.
 */
const chargeSchema = schemas/* object */.Ikc({
    id: schemas/* string */.YjP(),
    at: schemas/* string */.YjP(),
    model: schemas/* string */.YjP().optional(),
    /** Absent while running, then what the runner reported or tokens × prices gave. */
    usd: schemas/* number */.aig().nonnegative().optional(),
    tokensIn: schemas/* number */.aig().int().nonnegative().optional(),
    tokensOut: schemas/* number */.aig().int().nonnegative().optional(),
    /** false when the run reported neither cost nor tokens with a price. */
    metered: schemas/* boolean */.zMY().optional(),
    /** A worker's charge: reserved at its cap when it is spawned, settled with its cost when it ends; it is not a decision. */
    worker: schemas/* string */.YjP().optional(),
});
const ledgerSchema = schemas/* object */.Ikc({ days: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* array */.YOg(chargeSchema)) });

/** The key of a worker's charge for one round: the spawn reserves it, the worker's run settles it. */
function workerChargeId(id, round) {
    return `worker:${id}:${round}`;
}
/** With a USD cap, this many runs that cannot be priced stop the day's decisions: fail closed. */
const UNMETERED_LIMIT = 3;
const KEPT_DAYS = 8;
function dayOf(at) {
    return at.toISOString().slice(0, 10);
}
/** A damaged ledger counts as spent, never as free: a bad hand edit must not lift the cap. */
function budget_parseLedger(text) {
    if (text === null)
        return { days: {} };
    try {
        const parsed = ledgerSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : undefined;
    }
    catch {
        return undefined;
    }
}
function spentOn(ledger, day) {
    const charges = ledger.days[day] ?? [];
    // A worker counts as one decision too, so daily-budget bounds workers where no USD cap is set.
    return {
        decisions: charges.length,
        usd: charges.reduce((sum, c) => sum + (c.usd ?? 0), 0),
        unmetered: charges.filter((c) => c.metered === false).length,
    };
}
function resets(at) {
    const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1);
    const minutes = Math.ceil((midnight - at.getTime()) / 60_000);
    return `it resets at 00:00 UTC, in ${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}
/** Why no decision may be launched now, or undefined when one may. */
function budget_budgetStop(limits, ledger, at) {
    if (ledger === undefined)
        return `${BUDGET_FILE} cannot be read, so the budget counts as spent: fix or delete it by pull request`;
    const spent = spentOn(ledger, dayOf(at));
    if (spent.decisions >= limits.dailyBudget)
        return `the daily budget of ${limits.dailyBudget} decisions is spent (${spent.decisions} today); ${resets(at)}`;
    const cap = limits.dailyBudgetUsd;
    if (cap === undefined)
        return undefined;
    if (spent.usd >= cap)
        return `the daily budget of $${cap.toFixed(2)} is spent ($${spent.usd.toFixed(4)} today); ${resets(at)}`;
    if (spent.unmetered >= UNMETERED_LIMIT) {
        return `${spent.unmetered} decisions today reported neither cost nor tokens with a price, so the $${cap.toFixed(2)} cap cannot be kept: decisions stop (set input "prices", or use a runner that reports cost); ${resets(at)}`;
    }
    return undefined;
}
function write(ledger) {
    const keep = Object.keys(ledger.days).sort().slice(-KEPT_DAYS);
    return `${JSON.stringify({ days: Object.fromEntries(keep.map((day) => [day, ledger.days[day]])) }, null, 2)}\n`;
}
/**
 * The ledger with these charges in it. A charge already there (a worker's reservation, settled
 * by its run on a later day, or the same decision applied twice) is replaced where it stands,
 * so it counts once and on the day it was made; a settlement that reports no cost keeps what
 * was reserved, so an agent killed before it said what it spent is never counted as free.
 */
function withCharges(ledger, charges, at) {
    const days = Object.fromEntries(Object.entries(ledger.days).map(([day, list]) => [day, [...list]]));
    for (const mine of charges) {
        const day = Object.keys(days).find((d) => days[d]?.some((c) => c.id === mine.id));
        const list = day === undefined ? (days[dayOf(at)] ??= []) : (days[day] ?? []);
        const index = list.findIndex((c) => c.id === mine.id);
        const before = index === -1 ? undefined : list[index];
        const settled = mine.usd === undefined && before?.usd !== undefined ? { ...mine, usd: before.usd } : mine;
        if (index === -1)
            list.push(settled);
        else
            list[index] = settled;
    }
    return write({ days });
}
/**
 * Charges the beat's decisions (each charged whether it succeeded or not), applied to the
 * ledger as it stands on the branch when the commit lands: a push retried on top of another
 * beat's keeps that beat's charges, and charging the same decision twice counts it once. A
 * ledger that cannot be read is left as it is, for a person to fix: never overwritten.
 */
function budget_charge(charges, at) {
    return (current) => {
        const ledger = budget_parseLedger(current);
        return ledger === undefined ? current : withCharges(ledger, charges, at);
    };
}
/** The budget did not allow a decision once the ledger was read as it stands on the branch. */
class BudgetSpentError extends (/* unused pure expression or super */ null && (ClaimLostError)) {
    name = 'BudgetSpentError';
}
/**
 * A decision charged before it is launched, checked against the ledger as the branch holds it
 * when the charge lands: of overlapping beats that each saw budget left, only as many launch
 * as the budget allows, and a beat that dies after the runner call has paid for it.
 */
function reserve(pending, limits, at) {
    return (current) => {
        const ledger = budget_parseLedger(current);
        const stop = budget_budgetStop(limits, ledger, at);
        if (stop !== undefined || ledger === undefined)
            throw new BudgetSpentError(stop ?? 'the budget cannot be read');
        return withCharges(ledger, [pending], at);
    };
}
/** What a run cost: the runner's own figure, else tokens × the workflow's prices, else unmetered. */
function budget_costOf(result, prices, model) {
    const tokens = { ...(result.tokensIn === undefined ? {} : { tokensIn: result.tokensIn }), ...(result.tokensOut === undefined ? {} : { tokensOut: result.tokensOut }) };
    const name = result.model ?? model;
    const base = { ...tokens, ...(name === undefined ? {} : { model: name }) };
    if (result.costUsd !== undefined)
        return { ...base, usd: result.costUsd, metered: true };
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
function reserveWorker(pending, limits, at) {
    return (current) => {
        const ledger = budget_parseLedger(current);
        const stop = budget_budgetStop(limits, ledger, at);
        if (stop !== undefined || ledger === undefined)
            throw new BudgetSpentError(stop ?? 'the budget cannot be read');
        const cap = limits.dailyBudgetUsd;
        const spent = spentOn(ledger, dayOf(at)).usd;
        if (cap !== undefined && pending.usd !== undefined && spent + pending.usd > cap) {
            throw new BudgetSpentError(`the daily budget of $${cap.toFixed(2)} has $${(cap - spent).toFixed(2)} left today, less than the worker's cap of $${pending.usd.toFixed(2)} (input worker-budget-usd); ${resets(at)}`);
        }
        return withCharges(ledger, [pending], at);
    };
}

;// CONCATENATED MODULE: ./src/text/fit.ts
/** GitHub takes issue and comment bodies of at most this many characters. */
const GITHUB_BODY_LIMIT = 65_536;
/** Text cut to fit a limit, saying how much was cut and where the rest is. */
function fitted(text, max, rest) {
    if (text.length <= max)
        return text;
    const note = `\n…[cut: ${text.length - max} more characters; ${rest}]`;
    return `${text.slice(0, Math.max(0, max - note.length))}${note}`;
}
/**
 * Text on one line (every run of whitespace a space, trimmed; U+0085, which some readers take for
 * a line end, too), cut to `max` characters with an ellipsis.
 */
function oneLine(text, max) {
    const flat = text.replace(/[\s\u0085]+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js
var api = __webpack_require__(3759);
;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/iso.js



function datetime(params) {
    return api/* _isoDateTime */.G1(schemas/* ZodISODateTime */.You, params);
}
function date(params) {
    return core._isoDate(ZodISODate, params);
}
function time(params) {
    return core._isoTime(ZodISOTime, params);
}
function duration(params) {
    return core._isoDuration(ZodISODuration, params);
}

// EXTERNAL MODULE: ./src/text/characters.ts
var characters = __webpack_require__(3243);
// EXTERNAL MODULE: ./src/state/names.ts
var names = __webpack_require__(3641);
;// CONCATENATED MODULE: ./src/moves/schema.ts




/** Text from the model carries no control characters (NUL, escapes, CR) nor the Unicode that makes it read as something else. */
const plain = (rules) => (value, ctx) => {
    const refused = (0,characters/* refusedCharacter */.A)(value, rules);
    if (refused !== undefined)
        ctx.addIssue({ code: 'custom', message: `must not hold ${refused} (control and invisible characters are refused)` });
};
const schema_name = schemas/* string */.YjP().regex(names/* NAME_PATTERN */.Vh, 'must match [a-z0-9][a-z0-9-]{0,63}');
const reason = schemas/* string */.YjP().trim().min(1, 'must say why this move, now').max(2000).superRefine(plain({ multiline: true }));
const schema_text = (max) => schemas/* string */.YjP().max(max, `must be at most ${max} characters`).superRefine(plain({ multiline: true }));
/** An ISO 8601 time with a zone, e.g. 2026-11-23T09:00:00Z. */
const instant = datetime({ offset: true });
/** A duration such as 15m, 2h or 1d. */
const every = schemas/* string */.YjP().regex(/^[1-9]\d{0,4}[mhd]$/, 'must be a duration such as 15m, 2h or 1d');
// A command is one line a person can read exactly as it will run.
const commandLine = schemas/* string */.YjP().max(2000, 'must be at most 2000 characters').trim().min(1).superRefine(plain({ multiline: false, visibleOnly: true }));
const move = (type, shape) => schemas/* strictObject */.rej({ type: schemas/* literal */.euz(type), reason, ...shape });
/** Every move the loop can take: the LLM's whole vocabulary. */
const moveSchema = schemas/* discriminatedUnion */.gMt('type', [
    move('noop', {}),
    move('goal_write', { slug: schema_name, body: schema_text(20_000) }),
    move('goal_archive', { slug: schema_name }),
    move('playbook_write', { body: schema_text(40_000) }),
    move('sensor_write', { name: schema_name, script: schema_text(20_000).startsWith('#!', 'must start with a #! line') }),
    move('run', { command: commandLine }),
    // verify is a command like run's: one line a person can read, run only when allow matches it.
    move('spawn_worker', { id: schema_name, goal: schema_name, prompt: schema_text(20_000).trim().min(1, 'must say what the worker is to do'), verify: commandLine.optional() }),
    move('kill_worker', { id: schema_name }),
    move('ask', { question: schema_text(4000).trim().min(1) }),
    move('escalate', {}),
    move('schedule_write', { name: schema_name, at: instant.optional(), every: every.optional() }).refine((m) => (m.at === undefined) !== (m.every === undefined), 'give exactly one of "at" or "every"'),
    move('schedule_drop', { name: schema_name }),
]);
const moveTypes = moveSchema.options.map((option) => option.shape.type.value);
/**
 * Reads the one move out of a runner's final text: exactly one JSON object, bare or in one
 * code fence. Anything else (prose around a bare object, two fences, two objects) is an
 * error, so the loop never acts on a guess about which of several answers was meant.
 */
function parseMove(finalText) {
    const json = extractJson(finalText.trim());
    if (!json.ok)
        return json;
    const value = json.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { ok: false, error: 'the answer must be one JSON object (a move), not an array or a bare value' };
    }
    const parsed = moveSchema.safeParse(value);
    if (parsed.success)
        return { ok: true, move: parsed.data };
    return { ok: false, error: `the move is not valid: ${describeIssues(parsed.error)}` };
}
/** A fence of three or more backticks, closed by the same run, alone on their lines. */
const FENCE = /^(`{3,})[a-zA-Z]*[ \t]*\r?\n([\s\S]*?)\r?\n\1[ \t]*$/gm;
function extractJson(text) {
    if (text === '')
        return { ok: false, error: 'the answer was empty; expected one JSON move' };
    // A bare object may itself hold fences (a goal body with code), so it is tried whole first.
    const bare = text.startsWith('{') ? parseJson(text) : undefined;
    if (bare?.ok === true || (bare !== undefined && !text.includes('```')))
        return bare;
    const fences = [...text.matchAll(FENCE)];
    if (fences.length === 1)
        return parseJson((fences[0]?.[2] ?? '').trim());
    if (fences.length > 1) {
        return { ok: false, error: `the answer holds ${fences.length} code fences; expected exactly one move` };
    }
    return bare ?? { ok: false, error: 'expected exactly one JSON object, bare or in one code fence, and found none' };
}
function parseJson(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch (error) {
        const several = /^\{[\s\S]*\}\s*\{[\s\S]*\}$/.test(text) ? ' (it looks like more than one object; send exactly one move)' : '';
        return { ok: false, error: `the answer is not valid JSON${several}: ${error.message}` };
    }
}
/** The model picks the keys and values zod quotes: each is cut short, so an error stays an error, not a page. */
function describeIssues(error) {
    return error.issues
        .slice(0, 5)
        .map((issue) => (issue.path.length > 0 ? `${issue.path.map((part) => oneLine(String(part), 60)).join('.')}: ${oneLine(issue.message, 400)}` : oneLine(issue.message, 400)))
        .join('; ');
}
/** One line that says what a move does, for the journal and the summary. */
function describeMove(m) {
    switch (m.type) {
        case 'noop':
            return 'nothing to do';
        case 'goal_write':
            return `write goal ${m.slug}`;
        case 'goal_archive':
            return `archive goal ${m.slug}`;
        case 'playbook_write':
            return 'rewrite the PLAYBOOK';
        case 'sensor_write':
            return `write sensor ${m.name}`;
        case 'run':
            return `run \`${m.command}\``;
        case 'spawn_worker':
            return `spawn worker ${m.id} for goal ${m.goal}`;
        case 'kill_worker':
            return `kill worker ${m.id}`;
        case 'ask':
            return `ask: ${m.question}`;
        case 'escalate':
            return 'escalate to the stronger model';
        case 'schedule_write':
            return `schedule ${m.name} ${m.at === undefined ? `every ${m.every ?? ''}` : `at ${m.at}`}`;
        case 'schedule_drop':
            return `drop schedule ${m.name}`;
    }
}

;// CONCATENATED MODULE: ./src/beat/decide.ts




/** The kind of a runner's failure: its cause where the output showed one. */
function failureOf(result) {
    if (result.failure?.cause !== undefined)
        return result.failure.cause;
    return result.failure?.kind === 'timeout' ? 'timeout' : 'runner-error';
}
function readDecision(result) {
    if (!result.ok)
        return { kind: 'failed', error: `the runner failed (${result.failure?.kind ?? 'error'}): ${result.failure?.message ?? 'no reason given'}`, failure: failureOf(result), run: result };
    if (result.text === null)
        return { kind: 'failed', error: 'the runner succeeded but gave no final text', failure: 'no-answer', run: result };
    const parsed = parseMove(result.text);
    if (!parsed.ok)
        return { kind: 'failed', error: parsed.error, failure: 'unparseable', run: result };
    return { kind: 'move', move: parsed.move, run: result };
}
function escalationPrompt(prompt, reason) {
    return `${prompt}\n## Escalated to you\n\nA cheaper model passed this decision to you, saying why (as data):\n\`\`\`\`text\n${reason.replace(/`{4,}/g, '```')}\n\`\`\`\`\nDecide yourself: escalate is not available to you.\n`;
}
/**
 * The decision: one runner call, or two when the first escalates (the stronger model cannot
 * escalate again). Each call is charged as it is launched, whatever comes of it; none is
 * launched past the budget.
 */
async function decide(prompt, ledgerText, context) {
    const launches = [];
    let text = prompt;
    for (const n of [1, 2]) {
        const spentSoFar = charge(launches.map((l) => l.charge), context.at)(ledgerText);
        const stop = budgetStop(context.limits, parseLedger(spentSoFar), context.at);
        if (stop !== undefined) {
            if (n === 1)
                return { kind: 'stopped', why: stop };
            return { kind: 'decided', decided: { kind: 'failed', error: `the escalation was not run: ${stop}`, failure: 'escalation' }, launches };
        }
        const model = n === 1 ? context.model : context.escalationModel;
        const at = context.at.toISOString();
        const refused = await context.reserve({ id: `${context.beat}:${n}`, at, ...(model === undefined ? {} : { model }) });
        if (refused !== undefined) {
            if (n === 1)
                return { kind: 'stopped', why: refused };
            return { kind: 'decided', decided: { kind: 'failed', error: `the escalation was not run: ${refused}`, failure: 'escalation' }, launches };
        }
        const run = await context.decider(text, model);
        const decided = readDecision(run.result);
        launches.push({ n, model, prompt: text, run, decided, charge: { id: `${context.beat}:${n}`, at, ...costOf(run.result, context.prices, model) } });
        if (decided.kind !== 'move' || decided.move.type !== 'escalate')
            return { kind: 'decided', decided, launches };
        if (n === 2)
            return { kind: 'decided', decided: { kind: 'failed', error: 'the escalation model answered escalate: it cannot escalate again', failure: 'escalation', run: run.result }, launches };
        if (context.escalationModel === undefined) {
            return { kind: 'decided', decided: { kind: 'failed', error: 'the decision escalated, but input "escalation-model" is not set', failure: 'escalation', run: run.result }, launches };
        }
        text = escalationPrompt(prompt, decided.move.reason);
    }
    throw new Error('unreachable: the loop returns on its second pass');
}
const RUNS_KEPT = 20;
const OUTPUT_KEPT = (/* unused pure expression or super */ null && (64 * 1024));
/** A beat's own folder name: a run and its attempt, or a local run's time. Anything else under runs/ is a person's, and left alone. */
const BEAT_ID = /^(\d{1,20})-(\d{1,5})$|^local-[a-z0-9]{1,16}$/;
/** The order beats happened in: GitHub run ids grow, and local ids carry the time. */
function beatOrder(beat) {
    const run = /^(\d+)-(\d+)$/.exec(beat);
    return run === null ? `1${beat}` : `0${(run[1] ?? '').padStart(20, '0')}-${(run[2] ?? '').padStart(5, '0')}`;
}
/**
 * runs/<beat>/: what each decision was shown and said, for the last beats, so a person can
 * read exactly what the model saw, and replay it.
 */
function runFiles(beat, launches, existing) {
    const files = {};
    for (const launch of launches) {
        const base = runsPath(beat);
        files[`${base}prompt.${launch.n}.md`] = launch.prompt;
        files[`${base}output.${launch.n}.txt`] = launch.run.raw.slice(-OUTPUT_KEPT);
        const verdict = launch.decided.kind === 'move' ? { move: launch.decided.move } : { error: launch.decided.error };
        files[`${base}result.${launch.n}.json`] = `${JSON.stringify({ at: launch.charge.at, model: launch.model ?? null, durationMs: launch.run.durationMs, result: launch.run.result, ...verdict }, null, 2)}\n`;
    }
    const kept = [...new Set([...existing.filter((name) => BEAT_ID.test(name)), beat])].sort((a, b) => byText(beatOrder(a), beatOrder(b)));
    for (const old of kept.slice(0, Math.max(0, kept.length - RUNS_KEPT)))
        files[runsPath(old).slice(0, -1)] = null;
    return files;
}
/** The ledger with this beat's decisions charged. */
function chargeRecord(launches, at) {
    return launches.length === 0 ? {} : { [BUDGET_FILE]: charge(launches.map((l) => l.charge), at) };
}

// EXTERNAL MODULE: ./src/settings.ts + 3 modules
var src_settings = __webpack_require__(3488);
;// CONCATENATED MODULE: ./src/io/environment.ts
/**
 * Which environment each kind of child gets. Sensors and commands run code the loop or its
 * LLM may have written, so they start from an allowlist: nothing secret can leak by being
 * forgotten. Runners need their API keys, so they get the step's environment minus what
 * belongs to the action (its token, its inputs, the runner's own service tokens).
 */
/** Variables that describe the machine and the run, never a secret. */
const machineVariables = new Set([
    'PATH',
    'HOME',
    'USER',
    'LOGNAME',
    'SHELL',
    'LANG',
    'LANGUAGE',
    'TZ',
    'TMPDIR',
    'TERM',
    'CI',
    'RUNNER_OS',
    'RUNNER_ARCH',
    'RUNNER_NAME',
    'RUNNER_TEMP',
    'RUNNER_ENVIRONMENT',
    'GITHUB_ACTIONS',
    'GITHUB_REPOSITORY',
    'GITHUB_REPOSITORY_OWNER',
    'GITHUB_SERVER_URL',
    'GITHUB_API_URL',
    'GITHUB_GRAPHQL_URL',
    'GITHUB_RUN_ID',
    'GITHUB_RUN_NUMBER',
    'GITHUB_RUN_ATTEMPT',
    'GITHUB_WORKFLOW',
    'GITHUB_EVENT_NAME',
    'GITHUB_SHA',
    'GITHUB_REF',
    'GITHUB_REF_NAME',
    'GITHUB_WORKSPACE',
    'GITHUB_ACTOR',
]);
/** Never passed on, whatever an allowlist says: they belong to the action. */
function isActionSecret(name) {
    return (name.startsWith('INPUT_') ||
        name === 'GITHUB_TOKEN' ||
        name === 'GH_TOKEN' ||
        name.startsWith('ACTIONS_') ||
        name === 'GITHUB_STEP_SUMMARY' ||
        name === 'GITHUB_OUTPUT' ||
        name === 'GITHUB_STATE' ||
        name === 'GITHUB_ENV' ||
        name === 'GITHUB_PATH');
}
/** For sensors and run commands: the machine's facts, `LC_*`, and the names in `sensor-env`. */
function scrubbedEnvironment(env, passThrough, extra = {}) {
    const allowed = new Set(passThrough);
    const out = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined)
            continue;
        const wanted = machineVariables.has(name) || name.startsWith('LC_') || allowed.has(name);
        if (wanted && !isActionSecret(name))
            out[name] = value;
    }
    return { ...out, ...extra };
}
/** For runner processes: the step's environment (their API keys live there) minus the action's own. */
function runnerEnvironment(env) {
    const out = {};
    for (const [name, value] of Object.entries(env)) {
        if (value !== undefined && !isActionSecret(name))
            out[name] = value;
    }
    return out;
}

// EXTERNAL MODULE: ./src/io/process.ts + 1 modules
var io_process = __webpack_require__(6962);
// EXTERNAL MODULE: ./src/runners/causes.ts
var causes = __webpack_require__(9379);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/io/programs.ts


/**
 * A program's absolute path, looked up on PATH once, when the action starts. Sensors and
 * commands run as the same user and could put a `git` or `claude` of their own early on PATH
 * (a user-writable ~/.local/bin); found before any of them ran, the action's programs are the
 * ones that were there when the step began.
 */
function resolveProgram(name, env) {
    if (name.includes('/'))
        return name;
    for (const dir of (env.PATH ?? '').split((external_node_path_default()).delimiter)) {
        if (dir === '' || !external_node_path_default().isAbsolute(dir))
            continue;
        const candidate = external_node_path_default().join(dir, name);
        try {
            (0,external_node_fs_.accessSync)(candidate, external_node_fs_.constants.X_OK);
            if ((0,external_node_fs_.statSync)(candidate).isFile())
                return candidate;
        }
        catch {
            // Not here: the next folder on PATH.
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/runners/install.ts






/** The versions the presets were tested with (test/fixtures/runner-streams/README.md). */
const PINNED = {
    claude: { name: '@anthropic-ai/claude-code', version: '2.1.330', bin: 'claude', scripts: true },
    codex: { name: '@openai/codex', version: '0.169.0', bin: 'codex', scripts: false },
    opencode: { name: 'opencode-ai', version: '1.18.33', bin: 'opencode', scripts: true },
    pi: { name: '@earendil-works/pi-coding-agent', version: '0.87.1', bin: 'pi', scripts: false },
};
/** A preset's own command line gets an installed CLI unless the workflow says it installed one. */
function runnerSource(settings, program) {
    const { runner } = settings;
    if (settings.tickCommand !== undefined || runner === 'custom' || runner === 'openai')
        return { kind: 'path', program };
    const pinned = PINNED[runner];
    if (settings.runnerVersion === src_settings/* USE_INSTALLED */.Ro)
        return { kind: 'path', program, preset: pinned };
    return { kind: 'npm', package: { ...pinned, version: settings.runnerVersion ?? pinned.version } };
}
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
function runnerLauncher(source, env, scratchDir) {
    if (source.kind === 'path') {
        const file = resolveProgram(source.program, env);
        if (file === undefined && source.preset !== undefined) {
            throw new src_settings/* SettingsError */.GN(`input "runner-version" is "${src_settings/* USE_INSTALLED */.Ro}", but ${source.program} is not on PATH. Install it in an earlier step (npm install -g ${source.preset.name}@${source.preset.version}), or leave runner-version empty and the action installs it.`);
        }
        const launch = { file: file ?? source.program, args: [] };
        return () => Promise.resolve(launch);
    }
    const npm = resolveProgram('npm', env);
    const spec = `${source.package.name}@${source.package.version}`;
    if (npm === undefined) {
        throw new src_settings/* SettingsError */.GN(`the action installs ${spec} when a decision is due, but npm is not on PATH. Add actions/setup-node before this step, or install ${source.package.bin} in an earlier step and set input "runner-version" to "${src_settings/* USE_INSTALLED */.Ro}".`);
    }
    let ready;
    return () => (ready ??= install(npm, source.package, scratchDir, env).catch((error) => {
        ready = undefined;
        throw error;
    }));
}
/**
 * A fresh install for every beat that decides, into a folder made with a random name once the
 * sensors have ended, with npm's cache and settings files the action's own: nothing a sensor
 * or a command could have left in a tool cache, in ~/.npm or in an .npmrc is ever run. On
 * GitHub's runners every job starts on a new machine, so a cache would save nothing there.
 */
async function install(npm, pkg, scratchDir, env) {
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(scratchDir, 'runner-'));
    const settings = external_node_path_default().join(dir, '.npmrc');
    await (0,promises_.writeFile)(settings, '', { flag: 'wx' });
    await runNpm(npm, pkg, dir, settings, env);
    return launchOf(dir, pkg);
}
async function runNpm(npm, pkg, prefix, settings, env) {
    const spec = `${pkg.name}@${pkg.version}`;
    const passed = Object.keys(env).filter((name) => NPM_VARIABLES.test(name) && !CREDENTIAL.test(name));
    const exit = await (0,io_process/* runProcess */.R)({
        file: npm,
        args: ['install', '--prefix', prefix, '--userconfig', settings, '--globalconfig', settings, '--cache', external_node_path_default().join(prefix, '.npm-cache'), '--no-audit', '--no-fund', ...(pkg.scripts ? [] : ['--ignore-scripts']), spec],
        cwd: prefix,
        env: scrubbedEnvironment(env, passed),
        timeoutMs: INSTALL_TIMEOUT_MS,
    });
    if (exit.code === 0 && !exit.timedOut)
        return;
    const stderr = exit.stderrTail.trim().split('\n').slice(-15).join('\n');
    throw new src_settings/* SettingsError */.GN(`could not install the runner: "npm install ${spec}" ${(0,io_process/* describeExit */.K)(exit, INSTALL_TIMEOUT_MS)}. ` +
        `Set input "runner-version" to a version of ${pkg.name} that is on the npm registry (or leave it empty for the tested one), ` +
        `or install ${pkg.bin} in an earlier step and set runner-version to "${src_settings/* USE_INSTALLED */.Ro}".` +
        (stderr === '' ? '' : ` npm said:\n${stderr}`));
}
/**
 * The installed program by absolute path. A JavaScript CLI runs on the action's own Node: the
 * runner machine's `node` may be older than the CLI needs (pi needs 22.19).
 */
async function launchOf(dir, pkg) {
    const bin = external_node_path_default().join(dir, 'node_modules', '.bin', pkg.bin);
    let file;
    try {
        file = await (0,promises_.realpath)(bin);
    }
    catch {
        throw new src_settings/* SettingsError */.GN(`npm installed ${pkg.name}@${pkg.version}, but it has no program node_modules/.bin/${pkg.bin}: is runner-version a version of the ${pkg.bin} CLI?`);
    }
    return (await startsWithNodeShebang(file)) ? { file: process.execPath, args: [file] } : { file, args: [] };
}
async function startsWithNodeShebang(file) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
        return /^#!\s*\/usr\/bin\/env\s+node\b/.test(buffer.subarray(0, bytesRead).toString('utf8'));
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./src/runners/index.ts







const PROMPT_PLACEHOLDER = '{{prompt_file}}';
const RAW_KEPT_BYTES = 256 * 1024;
/** A runner that printed its final result gets this long to exit on its own. */
const LINGER_MS = 5000;
function quote(text) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}
function withModel(args, flag, model) {
    return model === undefined ? [...args] : [...args, flag, model];
}
/**
 * opencode has no "no tools" flag; a permission rule that denies every tool makes its turn a
 * pure answer. It is merged into any config the workflow already passes the same way.
 */
function opencodeConfig(env) {
    let config = {};
    try {
        const parsed = JSON.parse(env.OPENCODE_CONFIG_CONTENT ?? '{}');
        if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
            config = parsed;
    }
    catch {
        throw new src_settings/* SettingsError */.GN('OPENCODE_CONFIG_CONTENT is not JSON: the opencode preset adds its "permission" rule to it.');
    }
    return JSON.stringify({ ...config, permission: { '*': 'deny' } });
}
/**
 * The exact command line of a decision, from the preset or the workflow's tick-command. Each
 * preset runs unattended and, wherever the runner allows it, without tools: the decider answers.
 * Presets that take the prompt as an argument get it whole (a prompt is bounded well below the
 * 128 KiB a single argument may hold).
 */
function invocation(settings, model, prompt, env = {}) {
    const format = streamFormat(settings);
    if (settings.tickCommand !== undefined) {
        const command = settings.tickCommand.replaceAll(PROMPT_PLACEHOLDER, quote(prompt.file));
        return { file: 'bash', args: ['-c', command], stdin: !settings.tickCommand.includes(PROMPT_PLACEHOLDER), format };
    }
    switch (settings.runner) {
        case 'claude':
            // --tools "" turns every tool off. The prompt goes on stdin because an argument right
            // after --tools "" would be taken as its value. Most beats need little judgment: the
            // default is the cheap model, and escalate reaches a stronger one.
            return { file: 'claude', args: withModel(['-p', '--output-format', 'stream-json', '--verbose', '--tools', ''], '--model', model ?? 'haiku'), stdin: true, format };
        case 'codex':
            // A read-only sandbox: codex cannot turn its tools off, but nothing it runs can write.
            return { file: 'codex', args: [...withModel(['exec', '--json', '--skip-git-repo-check', '--sandbox', 'read-only'], '--model', model), prompt.text], stdin: false, format };
        case 'opencode':
            return {
                file: 'opencode',
                args: [...withModel(['run', '--format', 'json', '--title', 'looop decision'], '-m', model), prompt.text],
                stdin: false,
                format,
                env: { OPENCODE_CONFIG_CONTENT: opencodeConfig(env) },
            };
        case 'pi':
            return { file: 'pi', args: [...withModel(['-p', '--mode', 'json', '--no-session', '--no-tools'], '--model', model), prompt.text], stdin: false, format };
        case 'custom':
        case 'openai':
            throw new src_settings/* SettingsError */.GN(`runner "${settings.runner}" has no command line: ${settings.runner === 'custom' ? 'set input "tick-command"' : 'it is an HTTP call, not a process'}.`);
    }
}
function streamFormat(settings) {
    return settings.streamFormat ?? (settings.runner === 'custom' || settings.runner === 'openai' ? 'text' : settings.runner);
}
/** The real decider: the runner as a child process, bounded by tick-timeout. */
function processDecider(settings, env, tempDir) {
    // Wiring mistakes fail the step before the beat starts, not as a decide failure later.
    const wired = invocation(settings, settings.model, { file: PROMPT_PLACEHOLDER, text: '' }, env);
    const launcher = runnerLauncher(runnerSource(settings, wired.file), env, tempDir);
    return async (prompt, model) => {
        const program = await launcher();
        const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(tempDir, 'looop-decide-'));
        try {
            const promptFile = external_node_path_default().join(dir, 'prompt.md');
            await (0,promises_.writeFile)(promptFile, prompt);
            const how = invocation(settings, model, { file: promptFile, text: prompt }, env);
            // The parsers (and their schemas) load when a decision is due: an idle beat makes none.
            const parser = (await __webpack_require__.e(/* import() */ 885).then(__webpack_require__.bind(__webpack_require__, 8885))).streamParser(how.format);
            let raw = '';
            const exit = await (0,io_process/* runProcess */.R)({
                file: program.file,
                args: [...program.args, ...how.args],
                cwd: dir,
                env: { ...runnerEnvironment(env), ...how.env },
                timeoutMs: settings.tickTimeoutMs,
                ...(how.stdin ? { stdin: prompt } : {}),
                onStdout: (chunk) => {
                    raw = (raw + chunk).slice(-RAW_KEPT_BYTES);
                    parser.push(chunk);
                },
                isFinished: () => parser.finished(),
                lingerMs: LINGER_MS,
            });
            return { result: judge(parser.end(), exit, settings.tickTimeoutMs, how.format), raw, durationMs: exit.durationMs };
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    };
}
/**
 * The stream decides success for formats that report it; the process only adds what the
 * stream cannot know (a timeout, a failure to start, a plain-text runner's exit code).
 */
function judge(result, exit, timeoutMs, format) {
    const stderr = exit.stderrTail.trim().slice(-500);
    const withStderr = (message) => (stderr === '' ? message : `${message}; stderr: ${stderr}`);
    if (!result.ok && (0,causes/* programMissing */.J8)(exit))
        return { ...result, ok: false, failure: { kind: 'exit', message: withStderr((0,io_process/* describeExit */.K)(exit, timeoutMs)), cause: 'program-missing' } };
    if (exit.spawnError !== undefined)
        return { ...result, ok: false, failure: { kind: 'exit', message: withStderr((0,io_process/* describeExit */.K)(exit, timeoutMs)) } };
    if (exit.timedOut && !result.ok)
        return { ...result, ok: false, failure: { kind: 'timeout', message: (0,io_process/* describeExit */.K)(exit, timeoutMs) } };
    if (format === 'text' && exit.code !== 0 && !exit.timedOut) {
        return { ...result, ok: false, failure: { kind: 'exit', message: withStderr((0,io_process/* describeExit */.K)(exit, timeoutMs)) } };
    }
    if (!result.ok && result.failure !== undefined)
        return { ...result, failure: { ...result.failure, message: withStderr(result.failure.message) } };
    return result;
}
/** The runner's decider: runner openai is an HTTP call, unless a tick-command overrides the preset. */
function selectDecider(settings, env, tempDir) {
    if (settings.runner !== 'openai' || settings.tickCommand !== undefined)
        return processDecider(settings, env, tempDir);
    // The HTTP client loads with the first decision: an idle beat makes none.
    return async (prompt, model) => (await __webpack_require__.e(/* import() */ 381).then(__webpack_require__.bind(__webpack_require__, 7381))).openaiDecider(settings, env)(prompt, model);
}

// EXTERNAL MODULE: ./src/cli/terminal.ts
var terminal = __webpack_require__(1028);
;// CONCATENATED MODULE: ./src/cli/replay.ts










const REPLAY_USAGE = `looop-action replay [<beat>] [--decision N] [--runner R] [--model M] [--tick-command C]
                    [--stream-format F] [--api-url U] [--state-branch B] [--prompt-file P]

Runs a recorded decision's prompt (runs/<beat>/prompt.<N>.md on the state branch, fetched
through this checkout's origin) through a runner and prints the move it answers. It acts on
nothing and writes nothing. Without a beat, it lists the beats it can replay.

  <beat>            a beat id as the journal shows it: <run id>-<attempt> (e.g. 8123456789-1),
                    or local-<id> for a beat run outside GitHub
  --decision N      which decision of the beat (an escalated beat has 2); default 1
  --runner R        claude, codex, opencode, pi, custom or openai (required to replay)
  --prompt-file P   replay this prompt file instead of a recorded one (no fetch)
  --state-branch B  the state branch; default loop-state

The runner gets this terminal's environment, where its API key lives. For runner openai,
OPENAI_API_KEY is the key, else GH_TOKEN or GITHUB_TOKEN (GitHub Models).`;
const FLAGS = ['runner', 'model', 'tick-command', 'stream-format', 'api-url', 'state-branch'];
const options = {
    runner: { type: 'string' },
    model: { type: 'string' },
    'tick-command': { type: 'string' },
    'stream-format': { type: 'string' },
    'api-url': { type: 'string' },
    'state-branch': { type: 'string' },
    decision: { type: 'string' },
    'prompt-file': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
};
/** The ids the action gives beats (src/context.ts): the run and its attempt, or local- and a base-36 time. */
const replay_BEAT_ID = /^(\d{1,20}-\d{1,6}|local-[0-9a-z]{1,16})$/;
/** git as the person at the terminal runs it: their own config and credentials reach the origin. */
async function git(args) {
    const env = Object.fromEntries(Object.entries(process.env).filter((entry) => entry[1] !== undefined));
    const exit = await (0,io_process/* runProcess */.R)({ file: 'git', args, cwd: process.cwd(), env: { ...env, GIT_TERMINAL_PROMPT: '0' }, timeoutMs: 120_000 });
    return { ok: exit.code === 0, stdout: exit.stdout, stderr: exit.stderrTail.trim() };
}
/** The state branch, fetched into a ref of our own for as long as `use` runs. */
async function withStateBranch(branch, use) {
    const ref = `refs/looop-replay/${branch}`;
    const fetched = await git(['fetch', '--no-tags', '--depth=1', 'origin', `+refs/heads/${branch}:${ref}`]);
    if (!fetched.ok)
        throw new Error(`could not fetch the state branch "${branch}" from origin (run this inside a clone of the repository): ${fetched.stderr}`);
    try {
        return await use(ref);
    }
    finally {
        await git(['update-ref', '-d', ref]);
    }
}
/** Recorded decisions by beat, from the runs/ folder: what can be replayed. */
async function keptBeats(ref) {
    const listed = await git(['ls-tree', '-r', '--name-only', ref, '--', `${layout/* RUNS_DIR */.z4}/`]);
    const beats = new Map();
    for (const file of listed.stdout.split('\n')) {
        const match = /^runs\/([^/]+)\/prompt\.(\d+)\.md$/.exec(file);
        if (match?.[1] === undefined || match[2] === undefined)
            continue;
        beats.set(match[1], [...(beats.get(match[1]) ?? []), match[2]]);
    }
    return beats;
}
function beatList(beats, branch) {
    if (beats.size === 0)
        return `No beat on the state branch "${branch}" has a recorded decision yet: a beat records one only when it decides.`;
    const lines = [...beats].map(([beat, decisions]) => `  ${beat}${decisions.length > 1 ? `  (decisions ${decisions.join(', ')})` : ''}`);
    return `Beats that can be replayed (the last that decided, kept on "${branch}"):\n${lines.join('\n')}`;
}
async function recordedPrompt(branch, beat, decision) {
    return withStateBranch(branch, async (ref) => {
        const file = `${(0,layout/* runsPath */.Ki)(beat)}prompt.${decision}.md`;
        const shown = await git(['show', `${ref}:${file}`]);
        if (shown.ok)
            return shown.stdout;
        throw new Error(`${file} is not on the state branch "${branch}": only the last beats that decided are kept.\n${beatList(await keptBeats(ref), branch)}`);
    });
}
function parse(args) {
    try {
        return (0,external_node_util_.parseArgs)({ args, options, allowPositionals: true, strict: true });
    }
    catch (error) {
        throw new terminal/* UsageError */.eb(error.message, { usage: REPLAY_USAGE });
    }
}
function checkArguments(beat, extra, decision) {
    if (extra.length > 0)
        throw new terminal/* UsageError */.eb(`replay takes one beat, and was given also ${extra.map((a) => JSON.stringify(a)).join(' ')}`, { usage: REPLAY_USAGE });
    if (beat !== undefined && !replay_BEAT_ID.test(beat)) {
        throw new terminal/* UsageError */.eb(`${JSON.stringify(beat)} is not a beat id: expected <run id>-<attempt> such as 8123456789-1, or local-<id>, as the journal shows them`, { usage: REPLAY_USAGE });
    }
    if (decision !== undefined && !/^[1-9]\d{0,2}$/.test(decision))
        throw new terminal/* UsageError */.eb(`--decision ${JSON.stringify(decision)} is not a decision number: expected 1, 2, …`, { usage: REPLAY_USAGE });
}
async function listBeats(stateBranch) {
    // Listing needs no runner: only the branch is read, by the rule the action reads it with.
    const parsed = src_settings/* branchName */.at.safeParse(stateBranch ?? 'loop-state');
    if (!parsed.success)
        throw new terminal/* UsageError */.eb(`--state-branch ${parsed.error.issues.map((issue) => issue.message).join('; ')}`, { usage: REPLAY_USAGE });
    const branch = parsed.data;
    console.log(await withStateBranch(branch, async (ref) => beatList(await keptBeats(ref), branch)));
    return 0;
}
async function promptFrom(file) {
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new Error(`could not read --prompt-file ${JSON.stringify(file)}: ${error.message}`, { cause: error });
    }
}
function deciderFor(settings, env, temp) {
    try {
        return selectDecider(settings, env, temp);
    }
    catch (error) {
        if (error instanceof src_settings/* SettingsError */.GN)
            throw new terminal/* UsageError */.eb((0,terminal/* inTerminalWords */.vI)(error.message, FLAGS), { cause: error, usage: REPLAY_USAGE });
        throw error;
    }
}
async function replay(args) {
    const { values, positionals } = parse(args);
    if (values.help === true) {
        console.log(REPLAY_USAGE);
        return 0;
    }
    const [beat, ...extra] = positionals;
    checkArguments(beat, extra, values.decision);
    const promptFile = values['prompt-file'];
    if (beat === undefined && promptFile === undefined)
        return listBeats(values['state-branch']);
    const { settings, env } = (0,terminal/* readTerminalSettings */.uy)({ flags: FLAGS, values, env: process.env }, REPLAY_USAGE);
    const prompt = promptFile === undefined ? await recordedPrompt(settings.stateBranch, beat ?? '', values.decision ?? '1') : await promptFrom(promptFile);
    const temp = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'looop-replay-'));
    try {
        const run = await deciderFor(settings, env, temp)(prompt, settings.model);
        const decided = readDecision(run.result);
        const cost = run.result.costUsd === undefined ? '' : `, $${run.result.costUsd.toFixed(4)}`;
        const what = beat === undefined ? `the prompt in ${promptFile ?? ''}` : `beat ${beat}`;
        console.error(`replayed ${what} with ${settings.runner}${settings.model === undefined ? '' : ` (${settings.model})`} in ${run.durationMs} ms${cost}`);
        if (decided.kind === 'move') {
            console.log(JSON.stringify(decided.move, null, 2));
            return 0;
        }
        console.error(`no move: ${decided.error}`);
        return 1;
    }
    finally {
        await (0,promises_.rm)(temp, { recursive: true, force: true });
    }
}


/***/ }),

/***/ 6962:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K: () => (/* reexport */ describeExit),
  R: () => (/* binding */ runProcess)
});

;// CONCATENATED MODULE: ./src/beat/exit.ts
/** A short description of a failed exit, for journals and error messages. */
function describeExit(exit, timeoutMs) {
    if (exit.spawnError !== undefined)
        return `could not start: ${exit.spawnError}`;
    if (exit.timedOut)
        return `timed out after ${Math.round(timeoutMs / 1000)}s and was killed`;
    if (exit.overflowed)
        return 'printed more output than allowed and was killed';
    if (exit.signal !== null)
        return `killed by ${exit.signal}`;
    return `exited with code ${String(exit.code)}`;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/io/process.ts


const STDERR_TAIL_BYTES = 4096;
/** After SIGTERM, how long a process group has before SIGKILL. */
const TERM_GRACE_MS = 2000;
/** After the child exits, how long its pipes may stay open before we stop reading. */
const PIPE_DRAIN_MS = 1000;
/**
 * The one place that starts processes. Each child leads its own process group so a timeout
 * kills everything it started (a sensor's `sleep`, a runner's subprocesses), not just the
 * shell on top; and its output is bounded, so a child cannot exhaust the action's memory.
 */
function runProcess(request) {
    const started = performance.now();
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)(request.file, [...request.args], {
            cwd: request.cwd,
            env: request.env,
            detached: true,
            stdio: request.secretFd === undefined ? ['pipe', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe', 'pipe'],
        });
        const secret = child.stdio[3];
        if (request.secretFd !== undefined && secret !== null && secret !== undefined && 'end' in secret) {
            secret.on('error', () => {
                // A child that never reads it closes the pipe: nothing was leaked, nothing to do.
            });
            secret.end(request.secretFd);
        }
        const cap = request.maxStdoutBytes ?? Number.POSITIVE_INFINITY;
        const stdout = [];
        let stdoutBytes = 0;
        let stderrTail = '';
        let timedOut = false;
        let overflowed = false;
        let spawnError;
        let exit;
        let settled = false;
        let drain;
        const killGroup = (signal) => {
            if (child.pid === undefined)
                return;
            try {
                process.kill(-child.pid, signal);
            }
            catch {
                // The group is already gone: nothing left to kill.
            }
        };
        const stop = () => {
            killGroup('SIGTERM');
            setTimeout(() => {
                killGroup('SIGKILL');
            }, TERM_GRACE_MS).unref();
        };
        const finish = () => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            clearInterval(lingerWatch);
            clearTimeout(drain);
            const bytes = Buffer.concat(stdout);
            let text;
            resolve({
                code: exit?.code ?? null,
                signal: exit?.signal ?? null,
                timedOut,
                overflowed,
                ...(spawnError === undefined ? {} : { spawnError }),
                // Decoded when read: the state's objects come from git as bytes (a thousand goals' worth
                // took a beat ~5 ms to decode as one string nobody read).
                get stdout() {
                    return (text ??= bytes.toString('utf8'));
                },
                stdoutBytes: bytes,
                stderrTail,
                durationMs: Math.round(performance.now() - started),
            });
        };
        const timer = setTimeout(() => {
            timedOut = true;
            stop();
        }, request.timeoutMs);
        let finishedAt;
        const lingerWatch = setInterval(() => {
            if (request.isFinished === undefined || !request.isFinished())
                return;
            finishedAt ??= performance.now();
            if (performance.now() - finishedAt >= (request.lingerMs ?? 0))
                stop();
        }, 100);
        if (request.isFinished === undefined)
            clearInterval(lingerWatch);
        child.stdout.on('data', (chunk) => {
            if (request.stdoutTo !== undefined) {
                // Back-pressure: a slow reader pauses the child instead of filling this process's memory.
                if (!request.stdoutTo.write(chunk)) {
                    child.stdout.pause();
                    request.stdoutTo.once('drain', () => child.stdout.resume());
                }
                return;
            }
            if (request.onStdout !== undefined) {
                request.onStdout(chunk.toString('utf8'));
                return;
            }
            if (stdoutBytes >= cap)
                return;
            stdoutBytes += chunk.length;
            stdout.push(stdoutBytes > cap ? chunk.subarray(0, chunk.length - (stdoutBytes - cap)) : chunk);
            if (stdoutBytes > cap) {
                overflowed = true;
                stop();
            }
        });
        child.stderr.on('data', (chunk) => {
            stderrTail = (stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
        });
        child.on('error', (error) => {
            spawnError = error.message;
            finish();
        });
        child.on('exit', (code, signal) => {
            exit = { code, signal };
            // Background processes the child left behind die with it; their end closes the pipes,
            // so 'close' follows with all output read. One that escaped the group cannot hold us.
            killGroup('SIGKILL');
            // Output passed on as it comes is all wanted (a blob): wait for its end, which the timeout still bounds.
            if (request.stdoutTo === undefined)
                drain = setTimeout(finish, PIPE_DRAIN_MS);
        });
        child.on('close', finish);
        child.stdin.on('error', () => {
            // A child that exits without reading its stdin closes the pipe: not our failure.
        });
        if (request.stdin !== undefined && typeof request.stdin !== 'string' && !Buffer.isBuffer(request.stdin)) {
            request.stdin.on('error', () => child.stdin.destroy());
            request.stdin.pipe(child.stdin);
        }
        else
            child.stdin.end(request.stdin ?? '');
    });
}


/***/ }),

/***/ 9379:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J8: () => (/* binding */ programMissing),
/* harmony export */   w9: () => (/* binding */ caused)
/* harmony export */ });
/* unused harmony exports runnerCauses, causeOf */
/**
 * Why a runner's model call failed, where its output says so: the causes a person fixes in
 * different places. Every parser and the openai runner classify through here, so what counts
 * as "the key was refused" is decided once.
 */
const runnerCauses = (/* unused pure expression or super */ null && (['program-missing', 'auth', 'model', 'rate-limit', 'spend-limit']));
// The words the providers and CLIs use: Anthropic's authentication_error and "Invalid API key"
// (claude also adds "Please run /login", which is no advice in a workflow), OpenAI's
// invalid_api_key and model_not_found, Google's API_KEY_INVALID, OpenRouter's "No auth credentials".
const AUTH = /invalid[ _-]?(x-)?api[ _-]?key|incorrect api key|api_key_invalid|authentication[_ ](error|failed)|unauthori[sz]ed|no auth credentials|missing api key|api key not valid|not logged in|oauth token (has )?expired/i;
const MODEL = /model_not_found|issue with the selected model|not_found_error.{0,80}\bmodel\b|model[^.;]{0,80}(not found|does not exist|not exist|unknown|not supported|not available|invalid)|(unknown|invalid|unsupported) model|no such model|no endpoints found/i;
const SPEND = /insufficient_quota|insufficient (balance|funds|credits?)|credit balance|more credits|out of credits?|spend(ing)? limit|usage limit|billing|exceeded your current quota|payment required|budget exceeded/i;
const RATE = /rate[ _-]?limit|too many requests/i;
/** The cause the evidence shows, or undefined when it shows none this loop treats apart. */
function causeOf({ status, text = '' }) {
    // Some providers answer an empty balance with 401 or 403 ("Insufficient balance"): the key is fine.
    if ((status === 401 || status === 403) && SPEND.test(text))
        return 'spend-limit';
    if (status === 401)
        return 'auth';
    if (status === 402)
        return 'spend-limit';
    if (status === 429)
        return SPEND.test(text) ? 'spend-limit' : 'rate-limit';
    if (status === 404 && MODEL.test(text))
        return 'model';
    if (status === 403)
        return MODEL.test(text) ? 'model' : 'auth';
    if (status === undefined) {
        const leading = /^\s*(\d{3})\b/.exec(text)?.[1];
        if (leading !== undefined)
            return causeOf({ status: Number(leading), text });
    }
    if (AUTH.test(text))
        return 'auth';
    if (MODEL.test(text))
        return 'model';
    if (SPEND.test(text))
        return 'spend-limit';
    if (RATE.test(text))
        return 'rate-limit';
    return undefined;
}
/** Exit status 127 is a shell's "command not found"; ENOENT is a spawn's. */
function programMissing(exit) {
    return exit.code === 127 || /\bENOENT\b/.test(exit.spawnError ?? '');
}
/** The `cause` field of a failure, present only when the evidence shows one. */
function caused(evidence) {
    const cause = causeOf(evidence);
    return cause === undefined ? {} : { cause };
}


/***/ }),

/***/ 1719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ki: () => (/* binding */ runsPath),
/* harmony export */   z4: () => (/* binding */ RUNS_DIR)
/* harmony export */ });
/* unused harmony exports PLAYBOOK_FILE, JOURNAL_FILE, MEMORY_FILE, BUDGET_FILE, GOALS_DIR, SENSORS_DIR, SNAPSHOTS_DIR, ASKS_DIR, FAILURES_DIR, WORKERS_DIR, SCHEDULES_DIR, STATE_ROOTS, goalPath, sensorPath, snapshotPath, askPath, workerPath, failurePath, stateFile, parseSnapshot, formatSnapshot */

/**
 * The state tree's layout: every path the loop reads or writes is named here, once, and each
 * kind of file is parsed and formatted here (snapshots) or by the schema of the module that owns it
 * (goals, asks, failures, beat.json, budget.json). The reader, the fingerprint's view of a
 * beat's own writes, the steer check and the test fakes all go through it.
 */
const PLAYBOOK_FILE = 'PLAYBOOK.md';
const JOURNAL_FILE = 'journal.md';
const MEMORY_FILE = 'beat.json';
const BUDGET_FILE = 'budget.json';
const GOALS_DIR = 'goals';
const SENSORS_DIR = 'sensors';
const SNAPSHOTS_DIR = 'snapshots';
const ASKS_DIR = 'asks';
const FAILURES_DIR = 'failures';
const RUNS_DIR = 'runs';
const WORKERS_DIR = 'workers';
const SCHEDULES_DIR = 'schedules';
/** The top-level entries the loop reads and may write; nothing else in the tree is ever touched. */
const STATE_ROOTS = new Set([
    PLAYBOOK_FILE,
    JOURNAL_FILE,
    MEMORY_FILE,
    BUDGET_FILE,
    GOALS_DIR,
    SENSORS_DIR,
    SNAPSHOTS_DIR,
    ASKS_DIR,
    FAILURES_DIR,
    WORKERS_DIR,
    SCHEDULES_DIR,
    RUNS_DIR,
]);
const goalPath = (slug) => `${GOALS_DIR}/${slug}.md`;
const sensorPath = (file) => `${SENSORS_DIR}/${file}`;
const snapshotPath = (name) => `${SNAPSHOTS_DIR}/${name}.json`;
const askPath = (id) => `${ASKS_DIR}/${id}.md`;
const workerPath = (id) => `${WORKERS_DIR}/${id}.md`;
const failurePath = (fingerprint) => `${FAILURES_DIR}/${fingerprint}.md`;
/** The folder of one beat's decisions: prompts, raw output, results. */
const runsPath = (beat) => `${RUNS_DIR}/${beat}/`;
const SLUG = '[a-z0-9][a-z0-9-]{0,63}';
const GOAL_FILE = new RegExp(`^${GOALS_DIR}/(${SLUG})\\.md$`);
const ASK_FILE = new RegExp(`^${ASKS_DIR}/(${SLUG})\\.md$`);
const WORKER_FILE = new RegExp(`^${WORKERS_DIR}/(${SLUG})\\.md$`);
const FAILURE_FILE = new RegExp(`^${FAILURES_DIR}/([0-9a-f]{12})\\.md$`);
const SNAPSHOT_FILE = new RegExp(`^${SNAPSHOTS_DIR}/(${SLUG})\\.json$`);
function stateFile(file) {
    if (file === PLAYBOOK_FILE)
        return { kind: 'playbook' };
    const goal = GOAL_FILE.exec(file)?.[1];
    if (goal !== undefined)
        return { kind: 'goal', slug: goal };
    const ask = ASK_FILE.exec(file)?.[1];
    if (ask !== undefined)
        return { kind: 'ask', id: ask };
    const failure = FAILURE_FILE.exec(file)?.[1];
    if (failure !== undefined)
        return { kind: 'failure', fingerprint: failure };
    const worker = WORKER_FILE.exec(file)?.[1];
    if (worker !== undefined)
        return { kind: 'worker', id: worker };
    const snapshot = SNAPSHOT_FILE.exec(file)?.[1];
    if (snapshot !== undefined)
        return { kind: 'snapshot', name: snapshot };
    return { kind: 'other' };
}
/** A snapshot file, or why it cannot be read (the next decision's reading replaces it). */
function parseSnapshot(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return { ok: false, problem: 'is not JSON' };
    }
    if (nestsDeeper(text))
        return { ok: false, problem: `nests deeper than ${String(MAX_NESTING)} levels` };
    // Any object with a signal, its other fields kept: checked by hand, so that reading the tree
    // (which the entry does before the bundle loads, io/prefetch.ts) needs no schema library.
    if (json === null || typeof json !== 'object' || Array.isArray(json) || !('signal' in json))
        return { ok: false, problem: 'has no "signal"' };
    return { ok: true, snapshot: { ...json } };
}
function formatSnapshot(reading, at) {
    return `${JSON.stringify({ signal: reading.signal, detail: reading.detail, at }, null, 2)}\n`;
}


/***/ }),

/***/ 3641:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vh: () => (/* binding */ NAME_PATTERN),
/* harmony export */   k0: () => (/* binding */ UnsafePathError)
/* harmony export */ });
/* unused harmony exports isName, isPeoplesPath, isStatePath, statePath */
/* harmony import */ var _text_characters_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3243);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1719);


/** Slugs of goals, names of sensors, schedules, workers and asks. */
const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
function isName(value) {
    return NAME_PATTERN.test(value);
}

/** `.github/` on the state branch holds people's files (the steer workflow): never state, never written by the loop. */
function isPeoplesPath(relative) {
    return relative === '.github' || relative.startsWith('.github/');
}
class UnsafePathError extends Error {
    name = 'UnsafePathError';
}
/** True for a path the loop owns: under a known root, no dot-files (`.github`), no climbing. */
function isStatePath(relative) {
    const parts = relative.split('/');
    const [top] = parts;
    return (top !== undefined &&
        STATE_ROOTS.has(top) &&
        parts.every((part) => part !== '' && part !== '.' && part !== '..' && !part.startsWith('.') && !part.includes('\\') && refusedCharacter(part, { multiline: false, visibleOnly: true }) === undefined));
}
/**
 * Checks a path the loop is about to write, refusing anything that could land outside the
 * state tree or outside the loop's own files: absolute paths, `..`, unknown roots, dot-files.
 */
function statePath(relative) {
    if (!isStatePath(relative))
        throw new UnsafePathError(`refused to write "${relative}": outside the loop's state tree`);
    return relative;
}


/***/ }),

/***/ 3243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ refusedCharacter)
/* harmony export */ });
/**
 * Characters that text from a model or a person may not carry into the loop's records and
 * issues: control characters (NUL ends strings in C programs, escapes repaint terminals, CR
 * rewrites a log line) and the Unicode controls that make text read differently from what it
 * is (bidirectional overrides, as in "Trojan Source"; zero-width characters inside a command).
 */
const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);
const PRINTABLE = /^[\x20-\x7e]*$/;
const PRINTABLE_LINES = /^[\x20-\x7e\t\n]*$/;
/** The first character the rules refuse, described for an error message; undefined when there is none. */
function refusedCharacter(text, rules) {
    // Printable ASCII (with tabs and newlines where allowed) has none of them: one regular
    // expression instead of a look at each character, for the thousand paths of a large state.
    if ((rules.multiline ? PRINTABLE_LINES : PRINTABLE).test(text))
        return undefined;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        const allowed = rules.multiline && (code === 0x0a || code === 0x09);
        const control = (code < 0x20 && !allowed) || (code >= 0x7f && code <= 0x9f);
        if (control || BIDI.has(code) || (rules.visibleOnly === true && INVISIBLE.has(code))) {
            return `the character U+${code.toString(16).toUpperCase().padStart(4, '0')} at offset ${i}`;
        }
    }
    return undefined;
}


/***/ })

};
