export const id = 302;
export const ids = [302];
export const modules = {

/***/ 5302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INIT_USAGE: () => (/* binding */ INIT_USAGE),
  InitError: () => (/* binding */ InitError),
  init: () => (/* binding */ init),
  parseRepository: () => (/* binding */ parseRepository),
  repositoryFromUrl: () => (/* binding */ repositoryFromUrl)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 12 modules
var dist_src = __webpack_require__(4730);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var dist_bundle = __webpack_require__(3779);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var plugin_retry_dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./src/io/http.ts
var http = __webpack_require__(742);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/io/github/pace.ts

/** Writes: GitHub's one a second past the first ten. Issues and comments (they notify): one every three seconds past the first five. */
const WRITES = { burst: 10, everyMs: 1000 };
const NOTIFYING = { burst: 5, everyMs: 3000 };
const realClock = { now: () => Date.now(), sleep: (ms) => (0,external_node_timers_promises_.setTimeout)(ms) };
/**
 * A limiter in the shape the throttling plugin schedules writes through (`key(id).schedule(options,
 * job)`): jobs run one after another, each waiting its turn by the pace.
 */
function pacedLimiter(pace, clock = realClock) {
    let started = 0;
    let last = Number.NEGATIVE_INFINITY;
    let queue = Promise.resolve();
    const schedule = (_options, job) => {
        const turn = queue.then(async () => {
            started++;
            const wait = started > pace.burst ? last + pace.everyMs - clock.now() : 0;
            if (wait > 0)
                await clock.sleep(wait);
            last = clock.now();
        });
        const run = turn.then(job);
        queue = run.catch(() => undefined);
        return run;
    };
    return { key: () => ({ schedule }) };
}

;// CONCATENATED MODULE: ./src/io/github/octokit.ts






/**
 * What @actions/github's getOctokit builds (Octokit's core with pagination), with throttling and
 * retries, and without the REST methods plugin: calls name their routes
 * (`octokit.request('GET /repos/{owner}/{repo}/issues', …)`, typed as the methods were), so a
 * beat that asks GitHub anything does not load and evaluate a table of GitHub's thousand
 * routes. @actions/github itself is loaded only behind a proxy: its module graph brings undici,
 * for the proxy-aware fetch, which costs a beat that asks GitHub anything more than its requests.
 */
const GitHubOctokit = dist_src/* Octokit */.E.plugin(dist_bundle/* paginateRest */.ud, plugin_throttling_dist_bundle/* throttling */.A, plugin_retry_dist_bundle/* retry */.L);
/** The user agent @actions/github gives its Octokit: the runner's orchestration id, when there is one. */
function userAgent() {
    const id = process.env.ACTIONS_ORCHESTRATION_ID?.trim();
    return id ? `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : undefined;
}
/** Behind a proxy, @actions/github's proxy-aware fetch, loaded with the first request. */
function proxyFetch() {
    let loaded;
    return async (url, init) => {
        loaded ??= __webpack_require__.e(/* import() */ 499).then(__webpack_require__.bind(__webpack_require__, 3499)).then((utils) => {
            const fetch = utils.defaults.request?.fetch;
            if (fetch === undefined)
                throw new Error("@actions/github gave no proxy-aware fetch");
            return fetch;
        });
        return (await loaded)(url, init);
    };
}
/** The one Octokit set-up (the beat's GitHub port, init, the steer check): bounded waits on rate limits, retries on 5xx. */
function createOctokit(options) {
    const retries = options.retries ?? 2;
    const agent = userAgent();
    return new GitHubOctokit({
        auth: `token ${options.token}`,
        baseUrl: options.baseUrl,
        ...(agent === undefined ? {} : { userAgent: agent }),
        throttle: {
            // The plugin schedules writes through key(id).schedule() only: a paced limiter stands in for its Bottleneck groups.
            write: pacedLimiter(WRITES),
            notifications: pacedLimiter(NOTIFYING),
            onRateLimit: (_after, _opts, _o, retryCount) => retryCount < retries,
            onSecondaryRateLimit: (_after, _opts, _o, retryCount) => retryCount < retries,
        },
        retry: { retries },
        request: { fetch: (0,http/* proxied */.IY)(options.baseUrl, options.env) ? proxyFetch() : http/* nodeFetch */.vs },
    });
}
/** The HTTP status of an Octokit error, if it has one. */
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}

// EXTERNAL MODULE: ./src/settings.ts + 3 modules
var settings = __webpack_require__(3488);
// EXTERNAL MODULE: ./src/io/process.ts + 1 modules
var io_process = __webpack_require__(6962);
// EXTERNAL MODULE: ./src/text/yaml.ts
var yaml = __webpack_require__(9816);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/steer/package-files.ts



/**
 * A file the package ships beside its code (loop-state/, templates/). The action's bundle is
 * dist/index.js, the CLI's dist/cli/index.js, the sources src/<folder>/*.ts: the package root is one or
 * two folders up.
 */
function packageFile(name) {
    const here = external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url));
    for (const up of ['..', '../..']) {
        const file = external_node_path_default().join(here, up, name);
        if ((0,external_node_fs_.existsSync)(file))
            return file;
    }
    throw new Error(`${name} is missing from the looop-action package (looked beside ${here}): reinstall it`);
}

// EXTERNAL MODULE: ./src/state/layout.ts
var layout = __webpack_require__(1719);
// EXTERNAL MODULE: ./src/state/names.ts
var names = __webpack_require__(3641);
;// CONCATENATED MODULE: ./src/state/tree.ts






/** A file's text, or null when it is absent or is not a regular file held whole. */
function textOf(tree, file) {
    const entry = tree.get(file);
    return entry?.kind === 'file' ? entry.content.toString('utf8') : null;
}
/** A file's text, or for one held only in part its last whole lines; null when there is none. */
function endOf(tree, file) {
    const entry = tree.get(file);
    if (entry?.kind !== 'tail')
        return textOf(tree, file);
    if (entry.tail === undefined)
        return null;
    // The first line of the tail may be cut, and with it a character: it is dropped.
    const text = entry.tail.toString('utf8');
    return text.slice(text.indexOf('\n') + 1);
}
/** True when the file is long and this beat has not read its end (a fetch left it out). */
function isUnread(tree, file) {
    const entry = tree.get(file);
    return entry?.kind === 'tail' && entry.tail === undefined;
}
/** How much of a long file is kept: more than the last lines any reader of one takes. */
const TAIL_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
/** Symbolic links on the branch: a person's pull request may add one; the loop never follows it. */
function linksIn(tree) {
    return [...tree].filter(([, entry]) => entry.kind === 'link').map(([file]) => file).sort();
}
/** True when the path, or a folder above it, is one of the links. */
function isBehindLink(links, file) {
    return links.some((link) => file === link || file.startsWith(`${link}/`));
}
/** Entries at a path or under it (a folder). */
function under(tree, file) {
    return [...tree.keys()].filter((key) => key === file || key.startsWith(`${file}/`));
}
/**
 * Applies a record to the tree as the branch holds it now: checks its claims, works out merged
 * files against what is there, and returns the new tree and the changes that make it. A path
 * held by a link (or below one) gets a regular file in the link's place; nothing is followed.
 */
function applyRecord(tree, record) {
    for (const [file, expected] of Object.entries(record.expect ?? {})) {
        const entry = tree.get(file);
        const actual = entry === undefined ? null : entry.kind === 'file' ? entry.content.toString('utf8') : undefined;
        if (actual !== expected)
            throw new ClaimLostError(`${file} changed on the branch since this beat read it`);
    }
    const next = new Map(tree);
    const changes = [];
    const put = (file, text, executable) => {
        const content = Buffer.from(text, 'utf8');
        const current = next.get(file);
        if (current?.kind === 'file' && current.executable === executable && current.content.equals(content))
            return;
        // A folder or link in the way is replaced: git cannot hold a file and a folder at one path.
        const parts = file.split('/');
        for (let i = 1; i < parts.length; i++)
            next.delete(parts.slice(0, i).join('/'));
        for (const inside of under(next, file).filter((key) => key !== file))
            next.delete(inside);
        next.set(file, { kind: 'file', content, executable });
        changes.push({ op: 'write', path: file, content, executable });
    };
    for (const [file, write] of Object.entries(record.files)) {
        statePath(file);
        if (next.get(file)?.kind === 'tail')
            throw new Error(`${file} is held only in part (it is long): a record can append to it, not write it`);
        const content = typeof write === 'function' ? write(textOf(next, file)) : write;
        if (content !== null) {
            put(file, content, record.executable?.includes(file) === true);
            continue;
        }
        const gone = under(next, file);
        for (const key of gone)
            next.delete(key);
        if (gone.length > 0)
            changes.push({ op: 'delete', path: file });
    }
    const journal = next.get(JOURNAL_FILE);
    if (record.journal.length > 0 && journal?.kind === 'tail') {
        if (journal.tail === undefined || journal.size === undefined)
            throw new Error(`the end of ${JOURNAL_FILE} was not read: a record cannot be appended to it`);
        const text = `${journal.tail.at(-1) === 0x0a ? '' : '\n'}${record.journal.join('\n')}\n`;
        const added = Buffer.from(text, 'utf8');
        const tail = Buffer.concat([journal.tail, added]);
        // The blob the append makes is named once git has written it.
        next.set(JOURNAL_FILE, { ...journal, tail: tail.subarray(Math.max(0, tail.length - TAIL_BYTES)), size: journal.size + added.length, blob: '' });
        changes.push({ op: 'append', path: JOURNAL_FILE, to: journal.blob, text, executable: journal.executable });
    }
    else if (record.journal.length > 0) {
        const current = textOf(next, JOURNAL_FILE);
        const prefix = current === null || current === '' ? JOURNAL_HEADER : current.endsWith('\n') ? current : `${current}\n`;
        put(JOURNAL_FILE, `${prefix}${record.journal.join('\n')}\n`, false);
    }
    return { tree: next, changes };
}
/**
 * Reads a folder (the template a branch is seeded from, a test's fixture) as a tree. A link in
 * it is an error: the template is the action's own, and nothing in it may point elsewhere.
 */
async function treeFromDir(root) {
    const tree = new Map();
    const walk = async (relative) => {
        const entries = await (0,promises_.readdir)(external_node_path_default().join(root, relative), { withFileTypes: true });
        await Promise.all(entries.map(async (entry) => {
            const file = relative === '' ? entry.name : `${relative}/${entry.name}`;
            const full = external_node_path_default().join(root, file);
            const info = await (0,promises_.lstat)(full);
            if (info.isSymbolicLink())
                throw new names/* UnsafePathError */.k0(`${full} is a symbolic link; the state template holds regular files only`);
            if (info.isDirectory())
                return walk(file);
            tree.set(file, { kind: 'file', content: await (0,promises_.readFile)(full), executable: (info.mode & 0o111) !== 0 });
        }));
    };
    await walk('');
    return tree;
}

;// CONCATENATED MODULE: ./src/steer/template.ts




/** Where the steer workflow lives on the state branch. */
const STEER_WORKFLOW_PATH = '.github/workflows/looop-steer.yml';
/**
 * Where a branch the action seeds carries it instead: a workflow token may not write under
 * .github/workflows/, so a person moves it there (the setup goal says how).
 */
const STEER_SEED_PATH = 'looop-steer.yml';
/** templates/looop-steer.yml with this loop's branch, beat workflow and action filled in; comments kept. */
function steerWorkflow(template, options) {
    const { parseDocument, isMap } = (0,yaml/* yaml */.oQ)();
    const doc = parseDocument(template);
    for (const trigger of ['pull_request', 'push'])
        doc.setIn(['on', trigger, 'branches'], doc.createNode([options.stateBranch], { flow: true }));
    for (const step of actionSteps(doc)) {
        if (options.uses !== undefined)
            step.set('uses', options.uses);
        const inputs = step.get('with');
        if (!isMap(inputs))
            continue;
        inputs.set('state-branch', options.stateBranch);
        if (inputs.has('beat-workflow'))
            inputs.set('beat-workflow', options.beatWorkflow);
    }
    return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
/** The steps that run looop-action: the ones whose `with` sets `mode`. */
function actionSteps(doc) {
    const jobs = doc.get('jobs');
    const { isMap, isSeq } = (0,yaml/* yaml */.oQ)();
    if (!isMap(jobs))
        return [];
    return jobs.items.flatMap((job) => {
        const steps = isMap(job.value) ? job.value.get('steps') : undefined;
        if (!isSeq(steps))
            return [];
        return steps.items.filter(isMap).filter((step) => {
            const inputs = step.get('with');
            return isMap(inputs) && inputs.has('mode');
        });
    });
}
/** The action's `uses:` from its own run (GITHUB_ACTION_REPOSITORY and _REF), when GitHub says. */
function actionUses(env) {
    const repository = env.GITHUB_ACTION_REPOSITORY?.trim();
    const ref = env.GITHUB_ACTION_REF?.trim();
    return repository && ref && /^[\w.-]+\/[\w.-]+$/.test(repository) && /^[\w./-]+$/.test(ref) ? `${repository}@${ref}` : undefined;
}
/** The beat's workflow file from GITHUB_WORKFLOW_REF (owner/repo/.github/workflows/looop.yml@refs/heads/main). */
function runningWorkflow(env) {
    return /\/\.github\/workflows\/([A-Za-z0-9._-]+\.ya?ml)@/.exec(env.GITHUB_WORKFLOW_REF ?? '')?.[1];
}
/**
 * The tree a new state branch starts from: loop-state/ and the steer workflow at `at` (its
 * place under .github/ when a person creates the branch, beside the state when the action does).
 */
async function stateTemplate(at, options) {
    const tree = await treeFromDir(packageFile('loop-state'));
    await (0,yaml/* loadYaml */.yv)();
    const workflow = steerWorkflow(await (0,promises_.readFile)(packageFile('templates/looop-steer.yml'), 'utf8'), options);
    tree.set(at, { kind: 'file', content: Buffer.from(workflow, 'utf8'), executable: false });
    return tree;
}

;// CONCATENATED MODULE: ./src/text/canonical.ts
/**
 * JSON with object keys sorted, so the same value always hashes the same whatever order a
 * sensor printed its keys in. Written out by hand rather than through JSON.stringify's replacer,
 * which is called for every value and rebuilds every object (a thousand goals' fingerprint took
 * a tenth of an idle beat); the text is the same, byte for byte: keys that are array indices
 * first, in number order, as an object rebuilt from sorted entries lists them, then the rest in
 * sorted order.
 */
function canonicalJson(value) {
    const pieces = [];
    canonicalPieces(value, (piece) => pieces.push(piece));
    // What JSON.stringify answers for a value it skips; callers pass JSON values.
    return (pieces.length === 0 ? undefined : pieces.join(''));
}
/**
 * canonicalJson's text in pieces, in order, for a hash to take one by one: a thousand goals'
 * text as one string took ~30 ms of an idle beat to write and hash, the more as one character
 * past Latin-1 anywhere (the starter goal's dash) made all of it two bytes a character.
 */
function canonicalPieces(value, emit) {
    const resolved = ownJson(value);
    if (!skipped(resolved))
        write(resolved, emit);
}
/**
 * canonicalJson's text hashed: the same digest as hashing the whole text, without making it.
 * Pieces are gathered to about 16 KB before each update, which has its own cost.
 */
function canonicalDigest(value, hash) {
    let pending = '';
    canonicalPieces(value, (piece) => {
        pending += piece;
        if (pending.length < 16_384)
            return;
        hash.update(pending);
        pending = '';
    });
    if (pending !== '')
        hash.update(pending);
}
const INDEX = /^(?:0|[1-9]\d{0,9})$/;
const isIndex = (key) => INDEX.test(key) && Number(key) < 2 ** 32 - 1;
/**
 * Strings in code-unit order: the same on every machine. Not localeCompare, whose order follows
 * the runner's LANG (Lithuanian puts y before j) and whose first call loads ICU's collator (~10
 * ms of a beat).
 */
const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function ownJson(raw) {
    return raw !== null && typeof raw === 'object' && typeof raw.toJSON === 'function' ? raw.toJSON() : raw;
}
/** What JSON leaves out of an object, and writes null for in an array. */
const skipped = (value) => value === undefined || typeof value === 'function' || typeof value === 'symbol';
/** A value whose toJSON, if any, was called already, and that JSON does not skip. */
function write(value, emit) {
    if (value === null || typeof value !== 'object') {
        emit(JSON.stringify(value));
        return;
    }
    if (Array.isArray(value)) {
        emit('[');
        // Array.from, not forEach: a hole is written null, as JSON.stringify writes it.
        Array.from(value, (item, i) => {
            if (i > 0)
                emit(',');
            // With no object inside, JSON.stringify writes the same text, natively.
            if (item === null || typeof item !== 'object' || plainArray(item)) {
                emit(skipped(item) ? 'null' : JSON.stringify(item));
                return;
            }
            const resolved = ownJson(item);
            if (skipped(resolved))
                emit('null');
            else
                write(resolved, emit);
        });
        emit(']');
        return;
    }
    const keys = Object.keys(value);
    const indices = keys.filter(isIndex).sort((a, b) => Number(a) - Number(b));
    const named = keys.filter((key) => !isIndex(key)).sort(byText);
    let first = true;
    emit('{');
    for (const key of [...indices, ...named]) {
        const member = ownJson(value[key]);
        if (skipped(member))
            continue;
        emit(`${first ? '' : ','}${JSON.stringify(key)}:`);
        write(member, emit);
        first = false;
    }
    emit('}');
}
/**
 * An array without a toJSON of its own that holds no object. Not looked into further: arrays
 * nested in arrays are each looked at by their own write, so a deep one costs its depth, once.
 */
function plainArray(value) {
    if (!Array.isArray(value) || typeof value.toJSON === 'function')
        return false;
    for (const item of value)
        if (item !== null && typeof item === 'object')
            return false;
    return true;
}
/**
 * How deep a reading's JSON may nest. Everything the loop does with a value (its canonical text,
 * redaction, the prompt, the summary) walks it one call a level: a sensor that printed a signal
 * some thousands of arrays deep made every beat fail with "Maximum call stack size exceeded".
 */
const MAX_NESTING = 64;
/** Whether JSON text nests deeper than `limit` arrays and objects, counted in one pass, strings skipped. */
function nestsDeeper(text, limit = MAX_NESTING) {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c)
                i++;
            else if (c === 0x22)
                inString = false;
        }
        else if (c === 0x22)
            inString = true;
        else if (c === 0x5b || c === 0x7b) {
            if (++depth > limit)
                return true;
        }
        else if (c === 0x5d || c === 0x7d)
            depth--;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/cli/init.ts









const INIT_USAGE = `looop-action init [--repo OWNER/NAME] [--state-branch B] [--workflow F] [--uses A] [--dry-run]

Creates the loop's state branch on GitHub (default loop-state) from the template, with the
steer workflow in it (.github/workflows/looop-steer.yml), which checks each pull request
against the branch and wakes the loop when one is merged. Run it once, with your own
credentials: GH_TOKEN, else GITHUB_TOKEN, else the gh CLI's login. A classic token needs the
"repo" and "workflow" scopes; a fine-grained one "Contents" and "Workflows" write access.

  --repo OWNER/NAME  the repository (default: this checkout's origin)
  --state-branch B   the state branch to create (default loop-state); it must not exist yet
  --workflow F       the workflow file that runs the beat, in .github/workflows/ (default looop.yml)
  --uses A           how the steer workflow names the action, e.g. octo/looop-action@v1
                     (default: the looop-action step of --workflow in this checkout)
  --dry-run          print what would be created, create nothing`;
const flags = {
    repo: { type: 'string' },
    'state-branch': { type: 'string', default: 'loop-state' },
    workflow: { type: 'string', default: 'looop.yml' },
    uses: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
};
/** A refusal the person can act on: printed as it is, with a non-zero exit. */
class InitError extends Error {
    name = 'InitError';
}
async function init(args, env = process.env, cwd = process.cwd()) {
    const { values } = (0,external_node_util_.parseArgs)({ args, options: flags, allowPositionals: false });
    if (values.help === true) {
        console.log(INIT_USAGE);
        return 0;
    }
    try {
        const stateBranch = valid(settings/* branchName */.at, values['state-branch'], '--state-branch');
        const workflow = valid((0,settings/* workflowFile */.EY)('looop.yml'), values.workflow, '--workflow');
        const repository = values.repo === undefined ? await originRepository(cwd, env) : parseRepository(values.repo);
        const uses = values.uses ?? (await usesIn(external_node_path_default().join(cwd, '.github/workflows', workflow), workflow));
        const tree = await stateTemplate(STEER_WORKFLOW_PATH, { stateBranch, beatWorkflow: workflow, uses });
        const where = `${repository.owner}/${repository.repo}`;
        if (values['dry-run']) {
            printPlan(tree, where, stateBranch);
            return 0;
        }
        const octokit = createOctokit({ token: await personToken(env, cwd), baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com', env });
        const sha = await createBranch(octokit, repository, stateBranch, tree);
        console.log(`Created ${stateBranch} in ${where} (commit ${sha.slice(0, 12)}) with ${tree.size} files, the steer workflow among them.\n`);
        console.log(nextSteps(where, stateBranch, workflow));
        return 0;
    }
    catch (error) {
        if (!(error instanceof InitError))
            throw error;
        console.error(`looop-action init: ${error.message}`);
        return 1;
    }
}
function valid(schema, value, flag) {
    const parsed = schema.safeParse(value);
    if (!parsed.success)
        throw new InitError(`${flag} ${JSON.stringify(value)}: ${parsed.error?.issues[0]?.message ?? 'not valid'}`);
    return String(parsed.data);
}
function parseRepository(text) {
    const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(text.trim());
    if (match === null)
        throw new InitError(`--repo ${JSON.stringify(text)}: expected OWNER/NAME, such as octo/project`);
    return { owner: match[1] ?? '', repo: (match[2] ?? '').replace(/\.git$/, '') };
}
/** OWNER/NAME from an origin URL: https://host/o/r(.git), git@host:o/r(.git), ssh://git@host/o/r(.git). */
function repositoryFromUrl(url) {
    const match = /^(?:[a-z+]+:\/\/(?:[^@/]+@)?[^/]+\/|[^@\s]+@[^:\s]+:)([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(url.trim());
    return match === null ? undefined : { owner: match[1] ?? '', repo: match[2] ?? '' };
}
async function originRepository(cwd, env) {
    const exit = await (0,io_process/* runProcess */.R)({ file: 'git', args: ['remote', 'get-url', 'origin'], cwd, env: plain(env), timeoutMs: 30_000 });
    const url = exit.stdout.trim();
    const found = exit.code === 0 ? repositoryFromUrl(url) : undefined;
    if (found === undefined) {
        throw new InitError(exit.code === 0 ? `this checkout's origin (${url}) is not a GitHub repository URL: pass --repo OWNER/NAME` : `no origin remote here (${exit.stderrTail.trim() || 'not a git checkout'}): run init in your repository's checkout, or pass --repo OWNER/NAME`);
    }
    return found;
}
function plain(env) {
    return Object.fromEntries(Object.entries(env).filter((entry) => entry[1] !== undefined));
}
/** The person's token: GH_TOKEN, GITHUB_TOKEN, or what the gh CLI is logged in with. */
async function personToken(env, cwd) {
    const set = [env.GH_TOKEN, env.GITHUB_TOKEN].map((token) => token?.trim()).find((token) => token !== undefined && token !== '');
    if (set !== undefined)
        return set;
    const exit = await (0,io_process/* runProcess */.R)({ file: 'gh', args: ['auth', 'token'], cwd, env: plain(env), timeoutMs: 30_000 });
    const token = exit.code === 0 ? exit.stdout.trim() : '';
    if (token !== '')
        return token;
    throw new InitError('no GitHub token: set GH_TOKEN (or GITHUB_TOKEN) to a token of yours, or log in with "gh auth login". ' +
        'A classic token needs the "repo" and "workflow" scopes; a fine-grained one "Contents" and "Workflows" read and write on this repository.');
}
/** The `uses:` of the step that runs looop-action in the beat's workflow, so the steer workflow runs the same version. */
async function usesIn(file, workflow) {
    const hint = `pass --uses OWNER/looop-action@vN, the same as your loop's workflow uses`;
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch {
        throw new InitError(`no ${external_node_path_default().join('.github/workflows', workflow)} in this checkout to read the action's version from: ${hint}`);
    }
    const jobs = (0,dist.parseDocument)(text).get('jobs');
    const uses = ((0,dist.isMap)(jobs) ? jobs.items : []).flatMap((job) => {
        const steps = (0,dist.isMap)(job.value) ? job.value.get('steps') : undefined;
        return ((0,dist.isSeq)(steps) ? steps.items : []).flatMap((step) => {
            const value = (0,dist.isMap)(step) ? step.get('uses') : undefined;
            return typeof value === 'string' && /(^|\/)looop-action(@|$)|^\.\/?$/.test(value) ? [value] : [];
        });
    });
    const found = uses.find((value) => value.includes('@'));
    if (found === undefined)
        throw new InitError(`found no "uses: OWNER/looop-action@vN" step in .github/workflows/${workflow}: ${hint}`);
    return found;
}
function printPlan(tree, where, branch) {
    console.log(`Would create the branch ${branch} in ${where}, one commit without parents, holding:\n`);
    for (const [file, entry] of [...tree].sort(([a], [b]) => byText(a, b))) {
        if (entry.kind === 'file')
            console.log(`  ${entry.executable ? '100755' : '100644'} ${file} (${entry.content.length} bytes)`);
    }
    const steer = tree.get(STEER_WORKFLOW_PATH);
    if (steer?.kind === 'file')
        console.log(`\n${STEER_WORKFLOW_PATH}:\n\n${steer.content.toString('utf8')}`);
}
function nextSteps(where, branch, workflow) {
    return [
        'Next:',
        `1. Make sure .github/workflows/${workflow} on the default branch runs the beat, with a "workflow_dispatch:" trigger (the steer workflow dispatches it).`,
        `2. Steer by pull request against ${branch}: goals/, sensors/, PLAYBOOK.md. Each one is checked; a merged one wakes the loop.`,
        `3. Protect ${branch} with a ruleset so only the loop and reviewed pull requests change it (Settings → Rules → Rulesets in ${where}).`,
        '4. Run the loop once (Actions → your workflow → Run workflow): it opens the setup issue.',
    ].join('\n');
}
/** The branch as one root commit, through the Git Data API; never over a branch that exists. */
async function createBranch(octokit, repository, branch, tree) {
    const where = `${repository.owner}/${repository.repo}`;
    const refuse = () => new InitError(`the branch "${branch}" already exists in ${where}; init only creates a new state branch and never overwrites one. ` +
        `To add the steer workflow to it, open a pull request against ${branch} adding ${STEER_WORKFLOW_PATH} (npx looop-action init --dry-run --state-branch ${branch} prints it), ` +
        'or name another branch with --state-branch.');
    const repo = await call(() => octokit.request('GET /repos/{owner}/{repo}', { ...repository }), `read ${where}`);
    if (repo.data.default_branch === branch)
        throw new InitError(`"${branch}" is ${where}'s default branch: the state branch must be a branch of its own, such as loop-state`);
    if (await branchExists(octokit, repository, branch))
        throw refuse();
    const entries = [];
    for (const [file, entry] of tree) {
        if (entry.kind !== 'file')
            continue;
        const mode = entry.executable ? '100755' : '100644';
        // Text goes inline in the tree: GitHub paces content-creating requests a second apart, and one per file adds up.
        const text = entry.content.toString('utf8');
        if (Buffer.from(text, 'utf8').equals(entry.content)) {
            entries.push({ path: file, mode, type: 'blob', content: text });
            continue;
        }
        const blob = await call(() => octokit.request('POST /repos/{owner}/{repo}/git/blobs', { ...repository, content: entry.content.toString('base64'), encoding: 'base64' }), `write ${file}`);
        entries.push({ path: file, mode, type: 'blob', sha: blob.data.sha });
    }
    const created = await call(() => octokit.request('POST /repos/{owner}/{repo}/git/trees', { ...repository, tree: entries }), 'write the tree');
    const commit = await call(() => octokit.request('POST /repos/{owner}/{repo}/git/commits', { ...repository, message: 'looop: create the state branch from loop-state/, with the steer workflow', tree: created.data.sha, parents: [] }), 'write the commit');
    try {
        await octokit.request('POST /repos/{owner}/{repo}/git/refs', { ...repository, ref: `refs/heads/${branch}`, sha: commit.data.sha });
    }
    catch (error) {
        if (statusOf(error) === 422 && /already exists/i.test(error.message))
            throw refuse();
        throw apiError(error, `create the branch ${branch}`);
    }
    return commit.data.sha;
}
async function branchExists(octokit, repository, branch) {
    try {
        await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...repository, ref: `heads/${branch}` });
        return true;
    }
    catch (error) {
        if (statusOf(error) === 404)
            return false;
        throw apiError(error, `look for the branch ${branch}`);
    }
}
async function call(request, what) {
    try {
        return await request();
    }
    catch (error) {
        throw apiError(error, what);
    }
}
function apiError(error, what) {
    const message = error.message;
    const status = statusOf(error);
    if (status === 401)
        return new InitError(`could not ${what}: GitHub refused the token (${message}); set GH_TOKEN to a valid token, or "gh auth login" again`);
    if (status === 403 || status === 404 || /workflow/i.test(message)) {
        return new InitError(`could not ${what}: ${message}. The token needs write access to the repository's contents and workflows: ` +
            'a classic token the "repo" and "workflow" scopes, a fine-grained one "Contents" and "Workflows" read and write');
    }
    return new InitError(`could not ${what}: ${message}`);
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
