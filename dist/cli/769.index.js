export const id = 769;
export const ids = [769];
export const modules = {

/***/ 2769:
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
});
const ledgerSchema = schemas/* object */.Ikc({ days: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* array */.YOg(chargeSchema)) });

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
function withCharges(ledger, charges, at) {
    const day = dayOf(at);
    const others = (ledger.days[day] ?? []).filter((c) => !charges.some((mine) => mine.id === c.id));
    return write({ days: { ...ledger.days, [day]: [...others, ...charges] } });
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
const move = (type, shape) => schemas/* strictObject */.rej({ type: schemas/* literal */.euz(type), reason, ...shape });
/** Every move the loop can take: the LLM's whole vocabulary. */
const moveSchema = schemas/* discriminatedUnion */.gMt('type', [
    move('noop', {}),
    move('goal_write', { slug: schema_name, body: schema_text(20_000) }),
    move('goal_archive', { slug: schema_name }),
    move('playbook_write', { body: schema_text(40_000) }),
    move('sensor_write', { name: schema_name, script: schema_text(20_000).startsWith('#!', 'must start with a #! line') }),
    // A command is one line a person can read exactly as it will run.
    move('run', { command: schemas/* string */.YjP().max(2000, 'must be at most 2000 characters').trim().min(1).superRefine(plain({ multiline: false, visibleOnly: true })) }),
    move('spawn_worker', { id: schema_name, goal: schema_name, prompt: schema_text(20_000) }),
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
    const kept = [...new Set([...existing.filter((name) => BEAT_ID.test(name)), beat])].sort((a, b) => beatOrder(a).localeCompare(beatOrder(b)));
    for (const old of kept.slice(0, Math.max(0, kept.length - RUNS_KEPT)))
        files[runsPath(old).slice(0, -1)] = null;
    return files;
}
/** The ledger with this beat's decisions charged. */
function chargeRecord(launches, at) {
    return launches.length === 0 ? {} : { [BUDGET_FILE]: charge(launches.map((l) => l.charge), at) };
}

// EXTERNAL MODULE: ./src/settings.ts + 2 modules
var src_settings = __webpack_require__(2775);
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
;// CONCATENATED MODULE: ./src/runners/causes.ts
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

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/io/http.ts
var http = __webpack_require__(742);
;// CONCATENATED MODULE: ./src/runners/streams/lines.ts
/**
 * Runner output arrives in arbitrary chunks; parsers think in lines. Only the unfinished line's
 * pieces are kept, so each character is copied a bounded number of times and memory is bounded by
 * the longest line, which is itself capped.
 */
/** A longer line (in UTF-16 units, a CR included) is dropped: no event we read is this big, and
 * keeping it would let one runaway line exhaust the runner's memory. */
const MAX_LINE_CHARS = 8 * 1024 * 1024;
class LineSplitter {
    #maxChars;
    #pieces = [];
    #pendingChars = 0;
    #overlong = false;
    #dropped = 0;
    constructor(maxChars = MAX_LINE_CHARS) {
        this.#maxChars = maxChars;
    }
    /** How many lines were dropped for exceeding the cap. */
    get droppedLines() {
        return this.#dropped;
    }
    /** Returns the lines this chunk completed, without their line endings (LF or CRLF). */
    push(chunk) {
        const lines = [];
        let start = 0;
        for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
            this.#append(chunk.slice(start, nl));
            const line = this.#finish();
            if (line !== undefined)
                lines.push(line);
            start = nl + 1;
        }
        this.#append(chunk.slice(start));
        return lines;
    }
    /** Returns the last line when the output did not end with a newline. */
    end() {
        const line = this.#finish();
        return line === undefined || line === '' ? [] : [line];
    }
    #append(piece) {
        if (this.#overlong || piece === '')
            return;
        if (this.#pendingChars + piece.length > this.#maxChars) {
            this.#pieces = [];
            this.#pendingChars = 0;
            this.#overlong = true;
            return;
        }
        this.#pieces.push(piece);
        this.#pendingChars += piece.length;
    }
    #finish() {
        if (this.#overlong) {
            this.#overlong = false;
            this.#dropped++;
            return undefined;
        }
        const line = this.#pieces.join('');
        this.#pieces = [];
        this.#pendingChars = 0;
        return line.endsWith('\r') ? line.slice(0, -1) : line;
    }
}
/** How much of a stream that held no JSON is quoted, to show what came instead. */
const HEAD_CHARS = 200;
/**
 * JSON Lines on top of the splitter. CLIs mix banners, warnings and blank lines into stdout, so
 * any line that is not a JSON object is skipped; what was skipped is remembered only as far as
 * needed to explain a stream that never closed.
 */
class JsonLines {
    #lines = new LineSplitter();
    #onEvent;
    #events = 0;
    #head = '';
    constructor(onEvent) {
        this.#onEvent = onEvent;
    }
    push(chunk) {
        this.#keepHead(chunk);
        for (const line of this.#lines.push(chunk))
            this.#line(line);
    }
    end() {
        for (const line of this.#lines.end())
            this.#line(line);
    }
    /** Explains a stream that ended without its `closing` event; `format` names what it should have been. */
    missing(closing, format) {
        const dropped = this.#lines.droppedLines;
        const note = dropped > 0 ? `; ${String(dropped)} line(s) over ${String(MAX_LINE_CHARS)} characters were dropped` : '';
        if (this.#events === 0 && dropped === 0 && this.#head !== '') {
            const began = JSON.stringify(this.#head.trimEnd());
            return `the output was not ${format} (no JSON event in it); it began: ${began}`;
        }
        const nothing = this.#head === '' ? '; the runner printed nothing' : '';
        return `the stream ended without a ${closing} event (the runner crashed or was cut off)${nothing}${note}`;
    }
    /** Leading blank space is skipped so that an empty head means nothing visible was printed. */
    #keepHead(chunk) {
        if (this.#head.length >= HEAD_CHARS)
            return;
        const piece = this.#head === '' ? chunk.trimStart() : chunk;
        this.#head += piece.slice(0, HEAD_CHARS - this.#head.length);
    }
    #line(line) {
        const text = line.trim();
        if (!text.startsWith('{'))
            return;
        let event;
        try {
            event = JSON.parse(text);
        }
        catch {
            return;
        }
        this.#events++;
        this.#onEvent(event);
    }
}
/** Keeps messages for the journal and the next prompt readable when a runner prints a lot. */
function clip(text, maxChars) {
    return text.length <= maxChars ? text : `${text.slice(0, maxChars)}…`;
}

;// CONCATENATED MODULE: ./src/runners/openai.ts





/**
 * The `openai` runner: a decision is one non-streaming POST to an OpenAI-compatible chat
 * completions endpoint, by default GitHub Models, which needs only the workflow's own token.
 *
 * It posts with io/http.ts's postJson (the global fetch), not the Octokit transport: that one
 * drops a socket after 30 s of silence, and a non-streaming completion is silent until the
 * model is done.
 */
const GITHUB_MODELS_URL = 'https://models.github.ai/inference';
const GITHUB_MODELS_HOSTS = new Set(['models.github.ai', 'models.inference.ai.azure.com']);
/** Cheap, fast and good at following a JSON format; GitHub Models names it by publisher. */
const DEFAULT_MODEL = { githubModels: 'openai/gpt-4.1-mini', other: 'gpt-4.1-mini' };
/** A decision's completion is a few KiB; more is read no further and is a failure. */
const RAW_KEPT_BYTES = 256 * 1024;
const MAX_MESSAGE_CHARS = 2000;
const QUOTED_BODY_CHARS = 300;
const FIRST_BACKOFF_MS = 1000;
/**
 * The request of one decision. The key is input api-key; without one, GitHub Models gets the
 * workflow token (input github-token), and any other endpoint gets no Authorization header:
 * the workflow token is never sent to a server that is not GitHub's. Neither is ever logged.
 * No tools (the decider only answers) and no temperature: reasoning models (o-series, gpt-5)
 * reject any value but their default, and the move's format is held by the prompt, not sampling.
 */
function chatRequest(settings, prompt, model) {
    const url = endpoint(settings.apiUrl ?? GITHUB_MODELS_URL);
    const githubModels = isGitHubModels(url);
    const key = settings.apiKey ?? (githubModels ? settings.githubToken : undefined);
    return {
        url,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(key === undefined ? {} : { Authorization: `Bearer ${key}` }) },
        body: { model: model ?? (githubModels ? DEFAULT_MODEL.githubModels : DEFAULT_MODEL.other), messages: [{ role: 'user', content: prompt }] },
    };
}
/** api-url is a base URL (`…/v1`, `…/inference`); a full `…/chat/completions` URL is kept. */
function endpoint(base) {
    const url = new URL(base);
    const path = url.pathname.replace(/\/+$/, '');
    url.pathname = path.endsWith('/chat/completions') ? path : `${path}/chat/completions`;
    return url.toString();
}
function isGitHubModels(url) {
    return GITHUB_MODELS_HOSTS.has(new URL(url).hostname);
}
/** Reads one HTTP answer; never throws, whatever the body. */
function readChatResponse(status, headers, body, context = {}) {
    if (status >= 200 && status < 300)
        return { result: readCompletion(body) };
    const said = httpError(status, body);
    const cause = caused({ status, text: said });
    if (cause.cause === 'auth')
        return { result: failed(`${said}; ${authHint(context.githubModels === true)}`, 'error', cause) };
    if (status !== 408 && status !== 429 && status < 500)
        return { result: failed(said, 'error', cause) };
    const now = context.now ?? Date.now();
    const afterMs = retryAfterMs(headers, now);
    const when = afterMs === undefined ? '' : `; the API asks to wait ${openai_duration(afterMs)} (until ${new Date(now + afterMs).toISOString()})`;
    return { result: failed(`${said}${when}`, 'error', cause), retry: { afterMs } };
}
function authHint(githubModels) {
    return githubModels
        ? 'GitHub Models takes the workflow token: the job needs `permissions: models: read` (and input github-token left at its default), or set input api-key to a token with Models read access'
        : 'check input api-key: this endpoint did not accept the key (the workflow token is sent only to GitHub Models)';
}
/** retry-after-ms (OpenAI's SDK and Azure use it), else retry-after in seconds or as an HTTP date. */
function retryAfterMs(headers, now) {
    const ms = number(headers.get('retry-after-ms'));
    if (ms !== undefined)
        return ms;
    const header = headers.get('retry-after');
    if (header === null)
        return undefined;
    const seconds = number(header);
    if (seconds !== undefined)
        return seconds * 1000;
    const at = Date.parse(header);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
function number(value) {
    return value !== null && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined;
}
// Only `choices` must be right; any other malformed field is dropped rather than failing the decision.
const count = schemas/* number */.aig().int().nonnegative().optional().catch(undefined);
const openai_text = schemas/* string */.YjP().nullish().catch(undefined);
const Message = schemas/* object */.Ikc({ content: schemas/* unknown */.L5J().optional(), refusal: openai_text }).nullish().catch(undefined);
const Completion = schemas/* object */.Ikc({
    model: schemas/* string */.YjP().optional().catch(undefined),
    choices: schemas/* array */.YOg(schemas/* object */.Ikc({ message: Message, finish_reason: openai_text })),
    usage: schemas/* object */.Ikc({ prompt_tokens: count, completion_tokens: count }).nullish().catch(undefined),
});
function readCompletion(body) {
    const json = openai_parseJson(body);
    if (json === undefined)
        return failed(`the API answered with a body that is not JSON: ${quote(body)}`);
    const parsed = Completion.safeParse(json);
    if (!parsed.success) {
        // Some gateways answer 200 with an OpenAI error body.
        const error = apiError(json);
        if (error !== undefined)
            return failed(`the API answered with an error${error}`, 'error', caused({ text: error }));
        const issue = parsed.error.issues[0];
        return failed(`the API's answer is not a chat completion (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}): ${quote(body)}`);
    }
    const { model, choices, usage } = parsed.data;
    // No costUsd: the API reports none, and the budget prices tokens from input "prices".
    const meta = { tokensIn: usage?.prompt_tokens ?? undefined, tokensOut: usage?.completion_tokens ?? undefined, model };
    return { ...meta, ...answerOf(choices[0], meta.tokensOut, body) };
}
function answerOf(choice, tokensOut, body) {
    if (choice === undefined)
        return failed(`the API answered with no choices: ${quote(body)}`);
    const reason = choice.finish_reason;
    const after = tokensOut === undefined ? '' : ` after ${tokensOut} tokens`;
    if (reason === 'length')
        return failed(`the answer was cut off at the model's output limit${after} (finish_reason "length"); use a model with a larger output limit`);
    if (reason === 'content_filter')
        return failed('the provider\'s content filter withheld the answer (finish_reason "content_filter")');
    const content = choice.message?.content;
    if (typeof content === 'string' && content.trim() !== '')
        return { ok: true, text: content };
    const refusal = choice.message?.refusal;
    if (refusal)
        return failed(`the model refused: ${clip(refusal, MAX_MESSAGE_CHARS)}`);
    return failed(`the answer has no text (finish_reason ${JSON.stringify(reason ?? null)}): ${quote(body)}`);
}
const ErrorFields = schemas/* object */.Ikc({
    message: schemas/* string */.YjP().optional().catch(undefined),
    code: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()]).optional().catch(undefined),
    type: schemas/* string */.YjP().optional().catch(undefined),
});
const ErrorBody = ErrorFields.extend({ error: schemas/* unknown */.L5J().optional() });
/**
 * ` (code): message` from OpenAI's `{error: {message, type, code}}`, GitHub Models' `{error: {code,
 * message}}`, Azure's bare `{code, message}` or `{error: "…"}`; undefined for anything else.
 */
function apiError(json) {
    const outer = ErrorBody.safeParse(json);
    if (!outer.success)
        return undefined;
    const { error } = outer.data;
    if (typeof error === 'string')
        return `: ${clip(error, MAX_MESSAGE_CHARS)}`;
    const inner = ErrorFields.safeParse(error);
    const { message, code, type } = inner.success ? inner.data : outer.data;
    if (message === undefined && code === undefined && type === undefined)
        return undefined;
    return `${code === undefined && type === undefined ? '' : ` (${String(code ?? type)})`}: ${clip(message ?? 'no message', MAX_MESSAGE_CHARS)}`;
}
function httpError(status, body) {
    return `HTTP ${status}${apiError(openai_parseJson(body)) ?? `: ${quote(body)}`}`;
}
function openai_parseJson(body) {
    try {
        return JSON.parse(body);
    }
    catch {
        return undefined;
    }
}
/** A bounded, escaped piece of a body, so a failure says what came back without a transcript. */
function quote(body) {
    return body.trim() === '' ? '(an empty body)' : JSON.stringify(clip(body.trim(), QUOTED_BODY_CHARS));
}
function openai_duration(ms) {
    const minutes = Math.round(ms / 60_000);
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 120_000)
        return `${Math.ceil(ms / 1000)}s`;
    return minutes < 120 ? `${minutes} min` : `${Math.floor(minutes / 60)}h ${minutes % 60}min`;
}
function failed(message, kind = 'error', cause = {}) {
    return { ok: false, failure: { kind, message, ...cause }, text: null };
}
/** The `openai` runner as a decider: retries bounded, the whole decision bounded by tick-timeout. */
function openaiDecider(settings, env, options = {}) {
    return async (prompt, model) => {
        const started = performance.now();
        const run = await exchange(chatRequest(settings, prompt, model), settings.tickTimeoutMs, env, options);
        return { ...run, durationMs: Math.round(performance.now() - started) };
    };
}
async function exchange(request, timeoutMs, env, options) {
    const maxRetries = options.maxRetries ?? 2;
    const maxWaitMs = options.maxWaitMs ?? 60_000;
    const sleep = options.sleep ?? ((ms, signal) => (0,external_node_timers_promises_.setTimeout)(ms, undefined, { signal }));
    const signal = AbortSignal.timeout(timeoutMs);
    const deadline = Date.now() + timeoutMs;
    const timedOut = () => failed(`no answer from ${new URL(request.url).host} within tick-timeout (${openai_duration(timeoutMs)})`, 'timeout');
    let raw = '';
    for (let attempt = 1;; attempt++) {
        const answer = await post(request, signal);
        if (signal.aborted)
            return { result: timedOut(), raw };
        if ('body' in answer)
            raw = answer.body;
        const outcome = judge(answer, request.url, env);
        if (outcome.retry === undefined)
            return { result: outcome.result, raw };
        const waitMs = outcome.retry.afterMs ?? FIRST_BACKOFF_MS * 2 ** (attempt - 1);
        const stop = waitMs > maxWaitMs ? `that is longer than the ${openai_duration(maxWaitMs)} this runner waits, so the decision fails now: try again after then`
            : attempt > maxRetries ? `gave up after ${attempt} attempt${attempt === 1 ? '' : 's'}`
                : Date.now() + waitMs > deadline ? 'that is longer than what is left of tick-timeout, so the decision fails now'
                    : undefined;
        if (stop !== undefined)
            return { result: withNote(outcome.result, stop), raw };
        try {
            await sleep(waitMs, signal);
        }
        catch {
            return { result: timedOut(), raw };
        }
    }
}
async function post(request, signal) {
    return (0,http/* postJson */.B2)(request.url, request.headers, request.body, { signal, maxBytes: RAW_KEPT_BYTES });
}
function judge(answer, url, env) {
    if (!('body' in answer))
        return unreachable(url, answer.error, env);
    if (answer.cut)
        return { result: failed(`the API answered HTTP ${answer.status} with more than ${RAW_KEPT_BYTES / 1024} KiB: ${quote(answer.body)}`) };
    return readChatResponse(answer.status, answer.headers, answer.body, { githubModels: isGitHubModels(url) });
}
function unreachable(url, error, env) {
    // fetch rejects with "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, …) is its cause.
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    const code = cause?.code;
    const reason = cause instanceof Error && cause.message !== '' ? cause.message : (code ?? String(cause));
    const proxy = (0,http/* proxied */.IY)(url, env) && env.NODE_USE_ENV_PROXY !== '1' ? '; behind a proxy, set NODE_USE_ENV_PROXY=1 in the step\'s env so Node\'s fetch uses it' : '';
    return { result: failed(`could not reach ${new URL(url).host}: ${reason}${proxy}`), retry: { afterMs: undefined } };
}
function withNote(result, note) {
    return result.failure === undefined ? result : { ...result, failure: { ...result.failure, message: `${result.failure.message}; ${note}` } };
}

;// CONCATENATED MODULE: ./src/runners/streams/claude.ts



/**
 * `claude -p --output-format stream-json --verbose`. Only the closing `result` event's
 * `is_error: false` means success: spend limits and unknown models arrive as
 * `subtype: "success"` with `is_error: true`, and the exit code adds nothing the event lacks.
 */
// A malformed field becomes undefined rather than costing the rest of its event.
const claude_count = schemas/* number */.aig().nonnegative().optional().catch(undefined);
const str = schemas/* string */.YjP().optional().catch(undefined);
const Init = schemas/* object */.Ikc({ subtype: str, model: str });
const Assistant = schemas/* object */.Ikc({
    // Set on a subagent's messages, which are never the run's answer.
    parent_tool_use_id: schemas/* string */.YjP().nullish().catch(undefined),
    message: schemas/* object */.Ikc({ id: str, content: schemas/* array */.YOg(schemas/* unknown */.L5J()).catch([]) }),
});
const TextBlock = schemas/* object */.Ikc({ type: schemas/* literal */.euz('text'), text: schemas/* string */.YjP() });
const Usage = schemas/* object */.Ikc({
    input_tokens: claude_count,
    cache_creation_input_tokens: claude_count,
    cache_read_input_tokens: claude_count,
    output_tokens: claude_count,
});
const ModelUsage = schemas/* object */.Ikc({
    inputTokens: claude_count,
    cacheCreationInputTokens: claude_count,
    cacheReadInputTokens: claude_count,
    outputTokens: claude_count,
    costUSD: claude_count,
});
const Result = schemas/* object */.Ikc({
    is_error: schemas/* boolean */.zMY().optional().catch(undefined),
    subtype: str,
    result: str,
    errors: schemas/* array */.YOg(schemas/* unknown */.L5J()).optional().catch(undefined),
    terminal_reason: str,
    api_error_status: schemas/* number */.aig().optional().catch(undefined),
    total_cost_usd: claude_count,
    usage: Usage.optional().catch(undefined),
    modelUsage: schemas/* record */.g1P(schemas/* string */.YjP(), ModelUsage).optional().catch(undefined),
});
/** Enough of an error for the journal and the next prompt, not a transcript. */
const claude_MAX_MESSAGE_CHARS = 2000;
function claudeStream() {
    const state = {};
    const lines = new JsonLines((event) => {
        onEvent(state, event);
    });
    return {
        push: (chunk) => {
            lines.push(chunk);
        },
        finished: () => state.result !== undefined,
        end: () => {
            lines.end();
            return finish(state, lines);
        },
    };
}
function onEvent(state, event) {
    switch (event.type) {
        case 'system':
            onSystem(state, event);
            return;
        case 'assistant':
            onAssistant(state, event);
            return;
        case 'result': {
            const parsed = Result.safeParse(event);
            if (parsed.success)
                state.result = parsed.data;
        }
    }
}
function onSystem(state, event) {
    const parsed = Init.safeParse(event);
    if (parsed.success && parsed.data.subtype === 'init' && parsed.data.model)
        state.model = parsed.data.model;
}
function onAssistant(state, event) {
    const parsed = Assistant.safeParse(event);
    if (!parsed.success || typeof parsed.data.parent_tool_use_id === 'string')
        return;
    const text = textOf(parsed.data.message.content);
    if (text === undefined)
        return;
    const { id } = parsed.data.message;
    const last = state.lastText;
    const sameMessage = last !== undefined && id !== undefined && last.id === id;
    state.lastText = { id, text: sameMessage ? last.text + text : text };
}
/** Joined without a separator: citations split one sentence into several text blocks. */
function textOf(content) {
    const texts = content.flatMap((block) => {
        const parsed = TextBlock.safeParse(block);
        return parsed.success ? [parsed.data.text] : [];
    });
    return texts.length > 0 ? texts.join('') : undefined;
}
function finish(state, lines) {
    const { result } = state;
    const answer = result?.result?.trim() ? result.result : undefined;
    const text = answer ?? state.lastText?.text ?? null;
    const model = state.model ?? costliestModel(result);
    if (result === undefined) {
        const message = lines.missing('result', 'claude stream-json');
        return { ok: false, failure: { kind: 'incomplete', message }, text, model };
    }
    const figures = { text, model, ...tokens(result), costUsd: result.total_cost_usd };
    if (result.is_error === false)
        return { ok: true, ...figures };
    const message = errorMessage(result);
    return { ok: false, failure: { kind: 'error', message, ...caused({ status: result.api_error_status, text: message }) }, ...figures };
}
/** When the init frame was missed, the model that cost most is the one that did the work. */
function costliestModel(result) {
    let best;
    for (const [name, usage] of Object.entries(result?.modelUsage ?? {})) {
        const cost = usage.costUSD ?? 0;
        if (best === undefined || cost > best.cost)
            best = { name, cost };
    }
    return best?.name;
}
/** Cache writes and reads are input the model read too, so they count as tokens in. */
function tokens({ usage, modelUsage }) {
    const perModel = Object.values(modelUsage ?? {});
    const tokensIn = sum([usage?.input_tokens, usage?.cache_creation_input_tokens, usage?.cache_read_input_tokens]) ??
        sum(perModel.flatMap((m) => [m.inputTokens, m.cacheCreationInputTokens, m.cacheReadInputTokens]));
    const tokensOut = usage?.output_tokens ?? sum(perModel.map((m) => m.outputTokens));
    return { tokensIn, tokensOut };
}
function sum(values) {
    const known = values.filter((value) => value !== undefined);
    return known.length === 0 ? undefined : known.reduce((total, value) => total + value, 0);
}
function errorMessage(result) {
    const said = [result.result, ...(result.errors ?? []).map(describe)]
        .map((text) => text?.trim())
        .filter((text, index, all) => !!text && all.indexOf(text) === index);
    const context = [
        result.subtype && `subtype ${result.subtype}`,
        result.terminal_reason && `terminal_reason ${result.terminal_reason}`,
        result.api_error_status !== undefined && `API status ${String(result.api_error_status)}`,
    ].filter((part) => !!part);
    const what = result.is_error === true ? 'claude reported an error' : 'claude did not report is_error: false';
    const detail = said.length > 0 ? clip(said.join('; '), claude_MAX_MESSAGE_CHARS) : 'no error text';
    return context.length > 0 ? `${what}: ${detail} (${context.join(', ')})` : `${what}: ${detail}`;
}
function describe(error) {
    return typeof error === 'string' ? error : JSON.stringify(error);
}

;// CONCATENATED MODULE: ./src/runners/streams/codex.ts



/**
 * `codex exec --json`. The run succeeded when `turn.completed` arrives and no `turn.failed` did.
 * `error` items and events also show up in healthy runs (unknown model metadata, shortened skill
 * lists, reconnects), so they never fail a run by themselves: they only explain one.
 */
// A malformed field becomes undefined rather than costing the rest of its event.
const codex_count = schemas/* number */.aig().nonnegative().optional().catch(undefined);
const codex_str = schemas/* string */.YjP().optional().catch(undefined);
const ItemCompleted = schemas/* object */.Ikc({ item: schemas/* object */.Ikc({ type: codex_str, text: codex_str }) });
// OpenAI usage counts cached input inside input_tokens (cached_input_tokens never exceeds it in
// the captured runs) and reasoning inside output_tokens, so neither is added again.
const TurnCompleted = schemas/* object */.Ikc({
    usage: schemas/* object */.Ikc({ input_tokens: codex_count, output_tokens: codex_count }).optional().catch(undefined),
});
const TurnFailed = schemas/* object */.Ikc({ error: schemas/* object */.Ikc({ message: codex_str }).optional().catch(undefined) });
const ErrorEvent = schemas/* object */.Ikc({ message: codex_str });
/** The latest distinct error events kept: a reconnect loop can print many. */
const KEPT_ERRORS = 3;
const codex_MAX_MESSAGE_CHARS = 2000;
function codexStream() {
    const state = { completed: false, errors: [] };
    const lines = new JsonLines((event) => {
        codex_onEvent(state, event);
    });
    return {
        push: (chunk) => {
            lines.push(chunk);
        },
        finished: () => state.completed || state.failed !== undefined,
        end: () => {
            lines.end();
            return codex_finish(state, lines);
        },
    };
}
function codex_onEvent(state, event) {
    switch (event.type) {
        case 'item.completed':
            onItem(state, event);
            return;
        case 'turn.completed': {
            const parsed = TurnCompleted.safeParse(event);
            state.completed = true;
            if (parsed.success)
                state.usage = parsed.data.usage;
            return;
        }
        case 'turn.failed': {
            const parsed = TurnFailed.safeParse(event);
            state.failed = { message: parsed.success ? parsed.data.error?.message : undefined };
            return;
        }
        case 'error':
            onError(state, event);
    }
}
function onItem(state, event) {
    const parsed = ItemCompleted.safeParse(event);
    if (!parsed.success)
        return;
    const { type, text } = parsed.data.item;
    if (type === 'agent_message' && text !== undefined)
        state.text = text;
}
function onError(state, event) {
    const parsed = ErrorEvent.safeParse(event);
    const message = parsed.success ? parsed.data.message?.trim() : undefined;
    if (!message)
        return;
    const kept = clip(message, codex_MAX_MESSAGE_CHARS);
    state.errors = [...state.errors.filter((error) => error !== kept), kept].slice(-KEPT_ERRORS);
}
function codex_finish(state, lines) {
    const figures = {
        text: state.text ?? null,
        tokensIn: state.usage?.input_tokens,
        tokensOut: state.usage?.output_tokens,
    };
    if (state.failed !== undefined) {
        const message = failedMessage(state);
        return { ok: false, failure: { kind: 'error', message, ...caused({ text: message }) }, ...figures };
    }
    if (state.completed)
        return { ok: true, ...figures };
    const errors = state.errors.length > 0 ? `; errors before the end: ${state.errors.join('; ')}` : '';
    const message = `${lines.missing('turn.completed', 'codex exec --json events')}${errors}`;
    return { ok: false, failure: { kind: 'incomplete', message, ...caused({ text: state.errors.join('; ') }) }, ...figures };
}
/** Codex often repeats the failure as an `error` event first; say each thing once. */
function failedMessage({ failed, errors }) {
    const reason = failed?.message?.trim() ? clip(failed.message.trim(), codex_MAX_MESSAGE_CHARS) : undefined;
    const before = errors.filter((error) => error !== reason);
    const head = `codex turn failed: ${reason ?? 'no message in turn.failed'}`;
    return before.length > 0 ? `${head} (errors before it: ${before.join('; ')})` : head;
}

;// CONCATENATED MODULE: ./src/runners/streams/opencode.ts



/**
 * `opencode run --format json`. A run is a series of steps, each closed by a `step_finish` whose
 * `reason` says whether opencode goes on ("tool-calls", "unknown": its own loop continues on
 * those) or stops ("stop", "length", …). An `error` line fails the run. The run succeeded when
 * its last word is such a final `step_finish`, or the `done` record newer versions print last.
 * A `step_start` after that means the run went on after all, so the verdict waits again. No event
 * names the model; tokens and cost come per step and are summed.
 */
// A malformed field becomes undefined rather than costing the rest of its event.
const opencode_count = schemas/* number */.aig().nonnegative().optional().catch(undefined);
const opencode_str = schemas/* string */.YjP().optional().catch(undefined);
const Text = schemas/* object */.Ikc({ part: schemas/* object */.Ikc({ id: opencode_str, messageID: opencode_str, text: schemas/* string */.YjP() }) });
// `input` excludes the cache and `output` excludes reasoning: `total` is the sum of all five.
const Tokens = schemas/* object */.Ikc({
    input: opencode_count,
    output: opencode_count,
    reasoning: opencode_count,
    cache: schemas/* object */.Ikc({ read: opencode_count, write: opencode_count }).optional().catch(undefined),
});
const StepFinish = schemas/* object */.Ikc({
    part: schemas/* object */.Ikc({ reason: opencode_str, tokens: Tokens.optional().catch(undefined), cost: opencode_count }),
});
// 1.x: `{name, data: {message, statusCode?}}`; 2.x: `{type: "provider.…", message, status?}`.
const OpencodeError = schemas/* object */.Ikc({
    name: opencode_str,
    type: opencode_str,
    message: opencode_str,
    status: opencode_count,
    data: schemas/* object */.Ikc({ message: opencode_str, statusCode: opencode_count }).optional().catch(undefined),
});
/** Reasons after which opencode starts another step. */
const CONTINUING = new Set(['tool-calls', 'unknown']);
/** The latest distinct errors kept: a run retried by the caller can print several. */
const opencode_KEPT_ERRORS = 3;
const opencode_MAX_MESSAGE_CHARS = 2000;
function opencodeStream() {
    const state = { done: false, errors: [] };
    const lines = new JsonLines((event) => {
        opencode_onEvent(state, event);
    });
    return {
        push: (chunk) => {
            lines.push(chunk);
        },
        finished: () => state.done || state.end !== undefined,
        end: () => {
            lines.end();
            return opencode_finish(state, lines);
        },
    };
}
function opencode_onEvent(state, event) {
    switch (event.type) {
        case 'text':
            onText(state, event);
            return;
        case 'step_start':
            state.end = undefined;
            return;
        case 'step_finish':
            onStepFinish(state, event);
            return;
        case 'error':
            opencode_onError(state, event);
            return;
        case 'done':
            state.done = true;
    }
}
/**
 * Only the latest message's text is the answer: prose from a step before a tool call ("Let me
 * look at the tests.") would otherwise be glued to the move. A part printed again replaces itself.
 */
function onText(state, event) {
    const parsed = Text.safeParse(event);
    if (!parsed.success)
        return;
    const { id, messageID, text } = parsed.data.part;
    const current = state.answer;
    const sameMessage = current !== undefined && (messageID === undefined || messageID === current.messageID);
    const key = id ?? `\u0000${String(sameMessage ? current.parts.size : 0)}`;
    // A blank part never makes a new message the answer, but may blank a part it replaces.
    if (text.trim() === '' && !(sameMessage && current.parts.has(key)))
        return;
    const answer = sameMessage ? current : { messageID, parts: new Map() };
    answer.parts.set(key, text);
    state.answer = answer;
}
function onStepFinish(state, event) {
    const parsed = StepFinish.safeParse(event);
    const part = parsed.success ? parsed.data.part : undefined;
    const tokens = part?.tokens;
    // Cache reads and writes are input the model read too; reasoning is output it was billed for.
    state.tokensIn = opencode_sum([state.tokensIn, opencode_sum([tokens?.input, tokens?.cache?.read, tokens?.cache?.write])]);
    state.tokensOut = opencode_sum([state.tokensOut, opencode_sum([tokens?.output, tokens?.reasoning])]);
    state.costUsd = opencode_sum([state.costUsd, part?.cost]);
    // A step without a readable reason proves nothing: the run is over only when a step says so.
    const reason = part?.reason;
    state.end = reason === undefined || CONTINUING.has(reason) ? undefined : { kind: 'step', reason };
}
function opencode_onError(state, event) {
    const message = describeError(event.error);
    state.errors = [...state.errors.filter((error) => error !== message), message].slice(-opencode_KEPT_ERRORS);
    const parsed = OpencodeError.safeParse(event.error);
    const status = parsed.success ? (parsed.data.data?.statusCode ?? parsed.data.status) : undefined;
    state.end = { kind: 'error', message, ...caused({ status, text: message }) };
}
function opencode_finish(state, lines) {
    const figures = { text: answerText(state), tokensIn: state.tokensIn, tokensOut: state.tokensOut, costUsd: state.costUsd };
    const { end } = state;
    if (end?.kind === 'error') {
        return { ok: false, failure: { kind: 'error', message: opencode_failedMessage(end.message, state.errors), ...(end.cause === undefined ? {} : { cause: end.cause }) }, ...figures };
    }
    if (end?.reason === 'error') {
        const message = opencode_failedMessage('its last step finished with reason "error"', state.errors);
        return { ok: false, failure: { kind: 'error', message }, ...figures };
    }
    if (end !== undefined || state.done)
        return { ok: true, ...figures };
    const errors = state.errors.length > 0 ? `; errors before the end: ${state.errors.join('; ')}` : '';
    const message = `${lines.missing('final step_finish', 'opencode run --format json events')}${errors}`;
    return { ok: false, failure: { kind: 'incomplete', message }, ...figures };
}
/** Parts on separate lines, as opencode's own plain-text output prints them. */
function answerText({ answer }) {
    const parts = [...(answer?.parts.values() ?? [])].filter((text) => text.trim() !== '');
    return parts.length > 0 ? parts.join('\n') : null;
}
/** Says each thing once: the failing error, then what came before it. */
function opencode_failedMessage(reason, errors) {
    const before = errors.filter((error) => error !== reason);
    const head = `opencode reported an error: ${reason}`;
    return before.length > 0 ? `${head} (errors before it: ${before.join('; ')})` : head;
}
function describeError(error) {
    const parsed = OpencodeError.safeParse(error);
    const fields = parsed.success ? parsed.data : undefined;
    const label = fields?.name ?? fields?.type;
    const status = fields?.data?.statusCode ?? fields?.status;
    const said = (fields?.data?.message ?? fields?.message)?.trim();
    const text = said || label || (error === undefined || error === null ? 'no error details' : JSON.stringify(error));
    const context = [label !== text && label, status !== undefined && `HTTP ${String(status)}`].filter((part) => !!part);
    const clipped = clip(text, opencode_MAX_MESSAGE_CHARS);
    return context.length > 0 ? `${clipped} (${context.join(', ')})` : clipped;
}
function opencode_sum(values) {
    const known = values.filter((value) => value !== undefined);
    return known.length === 0 ? undefined : known.reduce((total, value) => total + value, 0);
}

;// CONCATENATED MODULE: ./src/runners/streams/pi.ts



/**
 * `pi -p --mode json`. The answer and the verdict are the last assistant `message_end`: a model
 * error is `stopReason: "error"` with `errorMessage`, and pi still exits 0, so only the stream can
 * tell. pi retries some errors itself (`auto_retry_start`, then a fresh `agent_start`), so an
 * error message followed by a successful one is a success. The run is over at an `agent_end`
 * that will not be retried (`willRetry`, newer versions) or at `agent_settled` (newer versions).
 */
// A malformed field becomes undefined rather than costing the rest of its event.
const pi_count = schemas/* number */.aig().nonnegative().optional().catch(undefined);
const pi_str = schemas/* string */.YjP().optional().catch(undefined);
// `input` excludes cache reads; `output` includes reasoning (`reasoning`, where present, is a
// breakdown of it): `totalTokens` is input + output + cacheRead + cacheWrite.
const pi_Usage = schemas/* object */.Ikc({
    input: pi_count,
    output: pi_count,
    cacheRead: pi_count,
    cacheWrite: pi_count,
    cost: schemas/* object */.Ikc({ total: pi_count }).optional().catch(undefined),
});
const MessageEnd = schemas/* object */.Ikc({
    message: schemas/* object */.Ikc({
        role: pi_str,
        content: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* unknown */.L5J())]).optional().catch(undefined),
        provider: pi_str,
        model: pi_str,
        usage: pi_Usage.optional().catch(undefined),
        stopReason: pi_str,
        errorMessage: pi_str,
    }),
});
const TextItem = schemas/* object */.Ikc({ type: schemas/* literal */.euz('text'), text: schemas/* string */.YjP() });
const WillRetry = schemas/* object */.Ikc({ willRetry: schemas/* boolean */.zMY().optional().catch(undefined) });
/** Stop reasons that mean the model call failed; pi's own text mode exits 1 on these. */
const FAILED = new Set(['error', 'aborted']);
const pi_MAX_MESSAGE_CHARS = 2000;
function piStream() {
    const state = { closed: false, compacting: false, retries: 0 };
    const lines = new JsonLines((event) => {
        pi_onEvent(state, event);
    });
    return {
        push: (chunk) => {
            lines.push(chunk);
        },
        finished: () => state.closed && !state.compacting,
        end: () => {
            lines.end();
            return pi_finish(state, lines);
        },
    };
}
function pi_onEvent(state, event) {
    switch (event.type) {
        case 'message_end':
            onMessageEnd(state, event);
            return;
        case 'auto_retry_start':
            state.retries++;
            state.closed = false;
            return;
        case 'agent_start':
            state.closed = false;
            return;
        case 'agent_end':
            state.closed = !willRetry(event);
            return;
        case 'agent_settled':
            state.closed = true;
            return;
        case 'auto_compaction_start':
        case 'compaction_start':
            state.compacting = true;
            return;
        case 'auto_compaction_end':
        case 'compaction_end':
            state.compacting = false;
            if (willRetry(event))
                state.closed = false;
    }
}
function willRetry(event) {
    const parsed = WillRetry.safeParse(event);
    return parsed.success && parsed.data.willRetry === true;
}
/** Every assistant message is one model call: its usage counts even when it failed. */
function onMessageEnd(state, event) {
    const parsed = MessageEnd.safeParse(event);
    if (!parsed.success || parsed.data.message.role !== 'assistant')
        return;
    const { content, provider, model, usage, stopReason, errorMessage } = parsed.data.message;
    state.tokensIn = pi_sum([state.tokensIn, pi_sum([usage?.input, usage?.cacheRead, usage?.cacheWrite])]);
    state.tokensOut = pi_sum([state.tokensOut, usage?.output]);
    state.costUsd = pi_sum([state.costUsd, usage?.cost?.total]);
    if (model)
        state.model = provider ? `${provider}/${model}` : model;
    state.last = { text: pi_textOf(content), stopReason, errorMessage };
}
/** Text items on separate lines, as pi's own text mode prints them. */
function pi_textOf(content) {
    if (typeof content === 'string')
        return content.trim() === '' ? null : content;
    const texts = (content ?? []).flatMap((item) => {
        const parsed = TextItem.safeParse(item);
        return parsed.success && parsed.data.text.trim() !== '' ? [parsed.data.text] : [];
    });
    return texts.length > 0 ? texts.join('\n') : null;
}
function pi_finish(state, lines) {
    const { last } = state;
    const figures = {
        text: last?.text ?? null,
        model: state.model,
        tokensIn: state.tokensIn,
        tokensOut: state.tokensOut,
        costUsd: state.costUsd,
    };
    const failed = last?.stopReason !== undefined && FAILED.has(last.stopReason) ? callError(last, state.retries) : undefined;
    if (!state.closed) {
        const before = failed === undefined ? '' : `; before the end, ${failed}`;
        const message = `${lines.missing('final agent_end', 'pi --mode json events')}${before}`;
        return { ok: false, failure: { kind: 'incomplete', message }, ...figures };
    }
    if (failed !== undefined)
        return { ok: false, failure: { kind: 'error', message: failed, ...caused({ text: last?.errorMessage }) }, ...figures };
    return { ok: true, ...figures };
}
function callError(last, retries) {
    const said = last.errorMessage?.trim();
    const detail = said ? clip(said, pi_MAX_MESSAGE_CHARS) : 'no errorMessage';
    const what = last.stopReason === 'aborted' ? `pi reported the model call as aborted: ${detail}` : `pi reported a model error: ${detail}`;
    return retries > 0 ? `${what} (after ${String(retries)} automatic ${retries === 1 ? 'retry' : 'retries'})` : what;
}
function pi_sum(values) {
    const known = values.filter((value) => value !== undefined);
    return known.length === 0 ? undefined : known.reduce((total, value) => total + value, 0);
}

;// CONCATENATED MODULE: ./src/runners/streams/text.ts
/** Text kept from a plain-text runner. The answer is at the end, so the tail is what is kept. */
const MAX_TEXT_CHARS = 1024 * 1024;
/**
 * A runner that prints its answer as plain text: whatever it printed is the answer, and there is
 * no event to say it failed, so printing something visible is the only sign of success.
 */
function textStream() {
    let pieces = [];
    let keptChars = 0;
    let printed = false;
    return {
        push(chunk) {
            printed ||= /\S/.test(chunk);
            pieces.push(chunk);
            keptChars += chunk.length;
            // Cut back only once twice the cap is held, so each character is copied a bounded number of times.
            if (keptChars > 2 * MAX_TEXT_CHARS) {
                pieces = [tail(pieces)];
                keptChars = MAX_TEXT_CHARS;
            }
        },
        // Plain text has no closing event: only the process's exit ends it.
        finished: () => false,
        end() {
            if (!printed) {
                return { ok: false, failure: { kind: 'incomplete', message: 'the runner printed nothing' }, text: null };
            }
            return { ok: true, text: withoutTrailingNewlines(tail(pieces)) };
        },
    };
}
function tail(pieces) {
    return pieces.join('').slice(-MAX_TEXT_CHARS);
}
function withoutTrailingNewlines(text) {
    let end = text.length;
    while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r'))
        end--;
    return text.slice(0, end);
}

;// CONCATENATED MODULE: ./src/runners/streams/index.ts





const parsers = {
    text: textStream,
    claude: claudeStream,
    codex: codexStream,
    opencode: opencodeStream,
    pi: piStream,
};
/** A fresh parser for one run's output. */
function streamParser(format) {
    return parsers[format]();
}

;// CONCATENATED MODULE: ./src/runners/index.ts









const PROMPT_PLACEHOLDER = '{{prompt_file}}';
const runners_RAW_KEPT_BYTES = 256 * 1024;
/** A runner that printed its final result gets this long to exit on its own. */
const LINGER_MS = 5000;
function runners_quote(text) {
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
        const command = settings.tickCommand.replaceAll(PROMPT_PLACEHOLDER, runners_quote(prompt.file));
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
            const parser = streamParser(how.format);
            let raw = '';
            const exit = await (0,io_process/* runProcess */.R)({
                file: program.file,
                args: [...program.args, ...how.args],
                cwd: dir,
                env: { ...runnerEnvironment(env), ...how.env },
                timeoutMs: settings.tickTimeoutMs,
                ...(how.stdin ? { stdin: prompt } : {}),
                onStdout: (chunk) => {
                    raw = (raw + chunk).slice(-runners_RAW_KEPT_BYTES);
                    parser.push(chunk);
                },
                isFinished: () => parser.finished(),
                lingerMs: LINGER_MS,
            });
            return { result: runners_judge(parser.end(), exit, settings.tickTimeoutMs, how.format), raw, durationMs: exit.durationMs };
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
function runners_judge(result, exit, timeoutMs, format) {
    const stderr = exit.stderrTail.trim().slice(-500);
    const withStderr = (message) => (stderr === '' ? message : `${message}; stderr: ${stderr}`);
    if (!result.ok && programMissing(exit))
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
    return settings.runner === 'openai' && settings.tickCommand === undefined ? openaiDecider(settings, env) : processDecider(settings, env, tempDir);
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

/***/ 742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ postJson),
/* harmony export */   IY: () => (/* binding */ proxied),
/* harmony export */   vs: () => (/* binding */ nodeFetch)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);


const REQUEST_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;
/** True when a proxy setting applies to this URL, so the proxy-aware fetch must be used. */
function proxied(url, env) {
    const { protocol, hostname } = new URL(url);
    const proxy = protocol === 'https:' ? (env.https_proxy ?? env.HTTPS_PROXY) : (env.http_proxy ?? env.HTTP_PROXY);
    if (proxy === undefined || proxy === '')
        return false;
    const bypass = (env.no_proxy ?? env.NO_PROXY ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
    return !bypass.some((h) => h === '*' || hostname === h.replace(/^\./, '') || hostname.endsWith(h.startsWith('.') ? h : `.${h}`));
}
function headersOf(raw) {
    const entries = Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]);
    const map = new Map(entries);
    return { get: (name) => map.get(name.toLowerCase()) ?? null, [Symbol.iterator]: () => entries[Symbol.iterator]() };
}
function once(url, init) {
    return new Promise((resolve, reject) => {
        const client = url.startsWith('https:') ? (node_https__WEBPACK_IMPORTED_MODULE_1___default()) : (node_http__WEBPACK_IMPORTED_MODULE_0___default());
        const request = client.request(url, { method: init.method ?? 'GET', headers: init.headers, ...(init.signal ? { signal: init.signal } : {}) }, (response) => {
            const chunks = [];
            response.on('data', (chunk) => chunks.push(chunk));
            response.on('end', () => {
                resolve({ response, body: Buffer.concat(chunks) });
            });
            response.on('error', reject);
        });
        request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error(`no answer from ${new URL(url).host} in ${REQUEST_TIMEOUT_MS / 1000}s`)));
        request.on('error', reject);
        request.end(typeof init.body === 'string' ? init.body : undefined);
    });
}
const nodeFetch = async (url, init) => {
    let target = url;
    for (let hop = 0;; hop++) {
        const { response, body } = await once(target, init);
        const location = response.headers.location;
        const status = response.statusCode ?? 0;
        if ([301, 302, 307, 308].includes(status) && location !== undefined && init.redirect !== 'manual' && hop < MAX_REDIRECTS) {
            const next = new URL(location, target);
            // The token goes to the host it was meant for, never on to another one.
            if (next.host !== new URL(target).host)
                init = { ...init, headers: Object.fromEntries(Object.entries(init.headers ?? {}).filter(([k]) => k.toLowerCase() !== 'authorization')) };
            target = next.toString();
            continue;
        }
        const text = body.toString('utf8');
        return {
            status,
            statusText: response.statusMessage ?? '',
            url: target,
            headers: headersOf(response.headers),
            body: null,
            text: () => Promise.resolve(text),
            json: () => Promise.resolve(JSON.parse(text)),
            arrayBuffer: () => Promise.resolve(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)),
        };
    }
};
/**
 * One JSON POST with the global fetch, its answer read up to `maxBytes` (the rest is never
 * downloaded). Fetch's start-up cost is nothing next to a model call, and behind a proxy it
 * honours NODE_USE_ENV_PROXY=1.
 */
async function postJson(url, headers, body, options) {
    try {
        const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: options.signal });
        return { status: response.status, headers: response.headers, ...(await readBounded(response, options.maxBytes)) };
    }
    catch (error) {
        return { error };
    }
}
async function readBounded(response, maxBytes) {
    if (response.body === null)
        return { body: '', cut: false };
    const decoder = new TextDecoder();
    let body = '';
    let bytes = 0;
    for await (const chunk of response.body) {
        bytes += chunk.byteLength;
        body += decoder.decode(chunk, { stream: true });
        // Leaving the loop cancels the stream.
        if (bytes > maxBytes)
            return { body: body.slice(0, maxBytes), cut: true };
    }
    return { body: body + decoder.decode(), cut: false };
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
            resolve({
                code: exit?.code ?? null,
                signal: exit?.signal ?? null,
                timedOut,
                overflowed,
                ...(spawnError === undefined ? {} : { spawnError }),
                stdout: bytes.toString('utf8'),
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
            drain = setTimeout(finish, PIPE_DRAIN_MS);
        });
        child.on('close', finish);
        child.stdin.on('error', () => {
            // A child that exits without reading its stdin closes the pipe: not our failure.
        });
        child.stdin.end(request.stdin ?? '');
    });
}


/***/ }),

/***/ 1719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ki: () => (/* binding */ runsPath),
/* harmony export */   z4: () => (/* binding */ RUNS_DIR)
/* harmony export */ });
/* unused harmony exports PLAYBOOK_FILE, JOURNAL_FILE, MEMORY_FILE, BUDGET_FILE, GOALS_DIR, SENSORS_DIR, SNAPSHOTS_DIR, ASKS_DIR, FAILURES_DIR, WORKERS_DIR, SCHEDULES_DIR, STATE_ROOTS, goalPath, sensorPath, snapshotPath, askPath, failurePath, stateFile, parseSnapshot, formatSnapshot */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2857);

/**
 * The state tree's layout: every path the loop reads or writes is named here, once, and each
 * kind of file is parsed and formatted here or by the schema of the module that owns it
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
const failurePath = (fingerprint) => `${FAILURES_DIR}/${fingerprint}.md`;
/** The folder of one beat's decisions: prompts, raw output, results. */
const runsPath = (beat) => `${RUNS_DIR}/${beat}/`;
const SLUG = '[a-z0-9][a-z0-9-]{0,63}';
const GOAL_FILE = new RegExp(`^${GOALS_DIR}/(${SLUG})\\.md$`);
const ASK_FILE = new RegExp(`^${ASKS_DIR}/(${SLUG})\\.md$`);
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
    const snapshot = SNAPSHOT_FILE.exec(file)?.[1];
    if (snapshot !== undefined)
        return { kind: 'snapshot', name: snapshot };
    return { kind: 'other' };
}
/** A sensor's reading as recorded at the last decision. */
const snapshotSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ signal: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J() }).refine((value) => 'signal' in value, 'has no "signal"');
/** A snapshot file, or why it cannot be read (the next decision's reading replaces it). */
function parseSnapshot(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return { ok: false, problem: 'is not JSON' };
    }
    const parsed = snapshotSchema.safeParse(json);
    return parsed.success ? { ok: true, snapshot: parsed.data } : { ok: false, problem: 'has no "signal"' };
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
/** The first character the rules refuse, described for an error message; undefined when there is none. */
function refusedCharacter(text, rules) {
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
