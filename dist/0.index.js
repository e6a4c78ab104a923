export const id = 0;
export const ids = [0];
export const modules = {

/***/ 3000:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runWorker: () => (/* binding */ runWorker)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/io/checkout.ts
var io_checkout = __webpack_require__(7714);
// EXTERNAL MODULE: ./src/io/git.ts
var io_git = __webpack_require__(7500);
// EXTERNAL MODULE: ./src/io/github/lazy.ts
var lazy = __webpack_require__(4386);
// EXTERNAL MODULE: ./src/io/log.ts
var log = __webpack_require__(9334);
// EXTERNAL MODULE: ./src/io/state-branch.ts + 1 modules
var state_branch = __webpack_require__(5758);
// EXTERNAL MODULE: ./src/io/state-fetch.ts
var state_fetch = __webpack_require__(9992);
// EXTERNAL MODULE: ./src/io/wiring.ts + 1 modules
var wiring = __webpack_require__(8745);
// EXTERNAL MODULE: ./src/resources/workers/model.ts
var workers_model = __webpack_require__(6552);
// EXTERNAL MODULE: ./src/text/markdown.ts
var markdown = __webpack_require__(6590);
// EXTERNAL MODULE: ./src/io/environment.ts
var environment = __webpack_require__(5273);
// EXTERNAL MODULE: ./src/io/process.ts
var process = __webpack_require__(6397);
// EXTERNAL MODULE: ./src/runners/install.ts
var install = __webpack_require__(6692);
// EXTERNAL MODULE: ./src/settings.ts
var src_settings = __webpack_require__(8750);
;// CONCATENATED MODULE: ./src/worker/agent.ts






/**
 * The worker's agent: unlike a decision, it has tools and edits files, but only in the folder of
 * the branch's files it is given, with the runner environment (its API keys) and never a token.
 */
const PROMPT_PLACEHOLDER = '{{prompt_file}}';
const RAW_KEPT_BYTES = 256 * 1024;
/** An agent that printed its final result gets this long to exit on its own. */
const LINGER_MS = 5000;
function quote(text) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}
function withModel(args, flag, model) {
    return model === undefined ? [...args] : [...args, flag, model];
}
function streamFormat(settings) {
    return settings.streamFormat ?? (settings.runner === 'custom' || settings.runner === 'openai' ? 'text' : settings.runner);
}
/**
 * The agent's command line: worker-command when set, else the runner's preset with its tools
 * on, unattended, and kept off the web where the runner allows it (a page could carry
 * instructions; the work is in the repository).
 */
function agentInvocation(settings, prompt) {
    const format = streamFormat(settings);
    const { workerCommand, model } = settings;
    if (workerCommand !== undefined) {
        return { file: 'bash', args: ['-c', workerCommand.replaceAll(PROMPT_PLACEHOLDER, quote(prompt.file))], stdin: !workerCommand.includes(PROMPT_PLACEHOLDER), format };
    }
    switch (settings.runner) {
        case 'claude':
            // acceptEdits: file edits go through unasked; anything else a -p run would need to ask for is refused.
            return {
                file: 'claude',
                args: withModel(['-p', '--output-format', 'stream-json', '--verbose', '--max-turns', '40', '--permission-mode', 'acceptEdits', '--disallowedTools', 'WebFetch,WebSearch'], '--model', model),
                stdin: true,
                format,
            };
        case 'codex':
            // workspace-write lets it write the folder only, and keeps the network off by default.
            return { file: 'codex', args: [...withModel(['exec', '--json', '--sandbox', 'workspace-write', '--skip-git-repo-check'], '--model', model), prompt.text], stdin: false, format };
        case 'opencode':
            return { file: 'opencode', args: [...withModel(['run', '--format', 'json', '--title', 'looop worker'], '-m', model), prompt.text], stdin: false, format };
        case 'pi':
            return { file: 'pi', args: [...withModel(['-p', '--mode', 'json', '--no-session'], '--model', model), prompt.text], stdin: false, format };
        case 'custom':
        case 'openai':
            throw new src_settings/* SettingsError */.GN(`runner "${settings.runner}" has no agent to work with: set input "worker-command" to an agent CLI that edits files in its working folder.`);
    }
}
/** Runs the agent once, bounded by worker-timeout (its whole process group is killed then). */
async function runAgent(request) {
    const { settings, env } = request;
    const promptFile = external_node_path_default().join(request.scratch, 'worker-prompt.md');
    await (0,promises_.writeFile)(promptFile, request.prompt);
    const how = agentInvocation(settings, { file: promptFile, text: request.prompt });
    const program = await (0,install/* runnerLauncher */.j)((0,install/* runnerSource */.oA)({ runner: settings.runner, runnerVersion: settings.runnerVersion, tickCommand: settings.workerCommand }, how.file), env, request.scratch)();
    const parser = (await __webpack_require__.e(/* import() */ 885).then(__webpack_require__.bind(__webpack_require__, 8885))).streamParser(how.format);
    let raw = '';
    const exit = await (0,process/* runProcess */.R)({
        file: program.file,
        args: [...program.args, ...how.args],
        cwd: request.folder,
        env: { ...(0,environment/* runnerEnvironment */.i)(env), ...how.env },
        timeoutMs: settings.workerTimeoutMs,
        ...(how.stdin ? { stdin: request.prompt } : {}),
        onStdout: (chunk) => {
            raw = (raw + chunk).slice(-RAW_KEPT_BYTES);
            parser.push(chunk);
        },
        isFinished: () => parser.finished(),
        lingerMs: LINGER_MS,
    });
    const parsed = parser.end();
    const stderr = exit.stderrTail.trim().slice(-500);
    const failed = (message) => ({ ...parsed, ok: false, failure: { kind: 'exit', message: stderr === '' ? message : `${message}; stderr: ${stderr}` } });
    if (exit.timedOut && !parsed.ok)
        return { result: { ...parsed, ok: false, failure: { kind: 'timeout', message: `killed at its timeout (worker-timeout, ${(0,process/* describeExit */.K)(exit, settings.workerTimeoutMs)})` } }, timedOut: true, durationMs: exit.durationMs };
    if (exit.spawnError !== undefined)
        return { result: failed((0,process/* describeExit */.K)(exit, settings.workerTimeoutMs)), timedOut: false, durationMs: exit.durationMs };
    if (how.format === 'text')
        return { result: exit.code === 0 ? { ...parsed, ok: true } : failed((0,process/* describeExit */.K)(exit, settings.workerTimeoutMs)), timedOut: false, durationMs: exit.durationMs };
    if (!parsed.ok && parsed.failure !== undefined && stderr !== '')
        return { result: { ...parsed, failure: { ...parsed.failure, message: `${parsed.failure.message}; stderr: ${stderr}` } }, timedOut: false, durationMs: exit.durationMs };
    return { result: parsed, timedOut: false, durationMs: exit.durationMs };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/state/identity.ts
var state_identity = __webpack_require__(4243);
;// CONCATENATED MODULE: ./src/worker/branch.ts







/**
 * A worker's branch. The agent works in a plain folder of the branch's files, without a .git:
 * nothing it writes can become a hook, a config or a filter that the action's git runs later.
 * The action's own repository exists only while git runs, made anew each time under the
 * scratch folder, so not even a file the agent planted there between two git steps is read.
 */
const WORK_REF = 'refs/looop/work';
const FETCH_ATTEMPTS = 3;
/** Fetches one ref's tip into the repository; undefined when the remote has no such ref. */
async function fetchTip(place, repo, ref) {
    let stderr = '';
    for (let attempt = 1; attempt <= FETCH_ATTEMPTS; attempt++) {
        const result = await place.git.tryRun(['fetch', '--no-tags', '--no-write-fetch-head', '--depth=1', place.url, `+${ref}:${WORK_REF}`], { cwd: repo, repo, remote: place.url });
        if (result.ok)
            return (await place.git.run(['rev-parse', '--verify', `${WORK_REF}^{commit}`], { cwd: repo, repo })).stdout.trim();
        if (/couldn't find remote ref/i.test(result.stderr))
            return undefined;
        stderr = result.stderr;
        if (/authentication failed|could not read (username|password)|\b40[13]\b/i.test(stderr))
            break;
        if (attempt < FETCH_ATTEMPTS)
            await (0,external_node_timers_promises_.setTimeout)(500 * attempt);
    }
    throw new io_git/* GitError */.XS(`could not fetch ${ref} from the checkout's origin: ${stderr}. The workflow needs "permissions: contents: write" and a token that can read the repository.`, stderr);
}
/** The worker's branch as it stands on origin, else `base` (the default branch), written out as plain files. */
async function openWorkFolder(place, base) {
    const folder = await (0,promises_.mkdtemp)(external_node_path_default().join(place.scratch, 'work-'));
    return (0,state_fetch/* withRepo */.vf)(place.scratch, async (repo) => {
        let parent = await fetchTip(place, repo, `refs/heads/${place.branch}`);
        const resumed = parent !== undefined;
        parent ??= await fetchTip(place, repo, `refs/heads/${base}`);
        if (parent === undefined)
            throw new io_git/* GitError */.XS(`the default branch "${base}" is not on the checkout's origin: a worker branches from it`, '');
        await place.git.run(['read-tree', parent], { cwd: repo, repo });
        await place.git.run(['checkout-index', '--all', '--force', `--prefix=${folder}${(external_node_path_default()).sep}`], { cwd: repo, repo });
        return { folder, parent, resumed };
    });
}
/**
 * Paths a worker's commit never carries. Workflow files would run with the repository's
 * secrets once merged, and a workflow token cannot push them anyway; a .git anywhere is git's
 * own (git never adds one, but the pull request says it was there).
 */
function isRefusedPath(file) {
    return /^\.github\/workflows\//.test(file) || /(^|\/)\.git(\/|$)/.test(file);
}
/**
 * Commits the folder as it now stands on top of `parent` and pushes it to the worker's branch,
 * never forced: a branch someone else pushed to meanwhile is theirs, and the worker fails.
 */
async function saveWork(place, work, message) {
    return (0,state_fetch/* withRepo */.vf)(place.scratch, async (repo) => {
        const { git } = place;
        const call = { cwd: repo, repo };
        // By its id: GitHub serves any commit of the repository, and the tip may have moved.
        const fetched = await git.tryRun(['fetch', '--no-tags', '--no-write-fetch-head', '--depth=1', place.url, work.parent], { ...call, remote: place.url });
        if (!fetched.ok)
            throw new io_git/* GitError */.XS(`could not fetch the worker's starting commit ${work.parent} again: ${fetched.stderr}`, fetched.stderr);
        await git.run(['read-tree', work.parent], call);
        const inTree = ['--work-tree', work.folder];
        await git.run([...inTree, 'add', '--all', '--force', '--', '.'], call);
        const changed = changedEntries((await git.run(['diff', '--cached', '--raw', '--no-renames', '-z', work.parent], call)).stdout);
        // A .git folder below the top is added as an embedded repository (a gitlink): never the worker's to commit.
        const refused = changed.filter((entry) => isRefusedPath(entry.file) || entry.mode === '160000').map((entry) => entry.file);
        if (refused.length > 0)
            await git.run(['reset', '--quiet', work.parent, '--', ...refused], call);
        if ((0,external_node_fs_.existsSync)(external_node_path_default().join(work.folder, '.git')))
            refused.push('.git');
        const tree = (await git.run(['write-tree'], call)).stdout.trim();
        const parentTree = (await git.run(['rev-parse', `${work.parent}^{tree}`], call)).stdout.trim();
        // A resumed branch with nothing new stays as it is; a new one is pushed even empty, so a person finds the worker's branch.
        if (tree === parentTree && work.resumed)
            return { sha: work.parent, committed: false, refused };
        const identity = ['-c', `user.name=${state_identity/* LOOP_IDENTITY */.e.name}`, '-c', `user.email=${state_identity/* LOOP_IDENTITY */.e.email}`];
        const sha = tree === parentTree ? work.parent : (await git.run([...identity, 'commit-tree', tree, '-p', work.parent, '-m', message], { ...call, stdin: '' })).stdout.trim();
        const pushed = await git.tryRun(['push', '--porcelain', place.url, `${sha}:refs/heads/${place.branch}`], { ...call, remote: place.url });
        if (!pushed.ok) {
            const rejected = /\[rejected\]|non-fast-forward|fetch first/i.test(`${pushed.stdout}\n${pushed.stderr}`);
            throw new io_git/* GitError */.XS(rejected
                ? `branch ${place.branch} moved while the worker ran (someone else pushed to it): its work was not pushed, and the branch is left as they left it`
                : `could not push branch ${place.branch}: ${pushed.stderr}. The workflow needs "permissions: contents: write" (a workflow token cannot push files under .github/workflows)`, pushed.stderr);
        }
        return { sha, committed: tree !== parentTree, refused };
    });
}
/** `git diff --raw -z` entries: ":old new oldsha newsha status\0path\0". */
function changedEntries(raw) {
    const fields = raw.split('\0');
    const entries = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
        const [, mode = ''] = (fields[i] ?? '').split(' ');
        const file = fields[i + 1] ?? '';
        if (file !== '')
            entries.push({ mode, file });
    }
    return entries;
}

// EXTERNAL MODULE: ./src/beat/github.ts
var github = __webpack_require__(6461);
// EXTERNAL MODULE: ./src/beat/record.ts
var record = __webpack_require__(1279);
// EXTERNAL MODULE: ./src/moves/allow.ts
var allow = __webpack_require__(943);
// EXTERNAL MODULE: ./src/resources/asks/reconcile.ts + 1 modules
var reconcile = __webpack_require__(1486);
// EXTERNAL MODULE: ./src/state/budget.ts
var budget = __webpack_require__(2864);
// EXTERNAL MODULE: ./src/state/journal.ts
var state_journal = __webpack_require__(8742);
// EXTERNAL MODULE: ./src/state/layout.ts
var layout = __webpack_require__(1719);
// EXTERNAL MODULE: ./src/text/fit.ts
var fit = __webpack_require__(8600);
;// CONCATENATED MODULE: ./src/worker/outcome.ts

/**
 * The worker record at each step of its run, worked out without I/O: the mode writes these
 * through workerWrite, which keeps whatever a beat wrote meanwhile when it is further along.
 */
const SUMMARY_CHARS = 4000;
const REASON_CHARS = 1000;
/** What a person reads the goal as: its first heading, else its slug. */
function goalTitle(goal, slug) {
    const heading = goal === undefined ? undefined : /^#\s+(.+)$/m.exec(goal.text)?.[1];
    return heading === undefined ? slug : (0,fit/* oneLine */.TN)(heading, 120);
}
/** The goal's body without its front matter. */
function goalBody(goal) {
    return goal?.text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '');
}
/** The worker without fields of an earlier step: a round's record says only what is true of it. */
function without(worker, fields) {
    return Object.fromEntries(Object.entries(worker).filter(([field]) => !fields.includes(field)));
}
/** The round taken by this run. */
function claimed(worker, run, at) {
    return { ...without(worker, ['reason', 'error', 'ended', 'question']), status: 'running', run: { id: run.id, ...(run.url === undefined ? {} : { url: run.url }), at: at.toISOString() } };
}
function summed(worker, spend) {
    const add = (before, now) => (before === undefined && now === undefined ? undefined : (before ?? 0) + (now ?? 0));
    const costUsd = add(worker.costUsd, spend.usd);
    const tokensIn = add(worker.tokensIn, spend.tokensIn);
    const tokensOut = add(worker.tokensOut, spend.tokensOut);
    return { ...(costUsd === undefined ? {} : { costUsd }), ...(tokensIn === undefined ? {} : { tokensIn }), ...(tokensOut === undefined ? {} : { tokensOut }) };
}
/** Done: its work is pushed and its pull request says what it did. */
function done(worker, end) {
    return {
        ...without(worker, ['question', 'reason']),
        ...summed(worker, end.spend),
        status: 'done',
        ...(end.pr === undefined ? {} : { pr: end.pr }),
        ...(end.verified === undefined ? {} : { verified: end.verified }),
        ...(end.summary === undefined ? {} : { summary: (0,fit/* oneLine */.TN)(end.summary, SUMMARY_CHARS) }),
        ended: end.at.toISOString(),
    };
}
/** Failed, with why: the loop sees it and decides what next (a worker is never retried by itself). */
function failed(worker, end) {
    return {
        ...without(worker, ['question']),
        ...summed(worker, end.spend),
        status: 'failed',
        reason: (0,fit/* oneLine */.TN)(end.reason, REASON_CHARS),
        ...(end.summary === undefined ? {} : { summary: (0,fit/* oneLine */.TN)(end.summary, SUMMARY_CHARS) }),
        ended: end.at.toISOString(),
    };
}
/** Waiting for a person: the ask carries the question, and a beat dispatches it again with the answer. */
function waiting(worker, end) {
    return {
        ...worker,
        ...summed(worker, end.spend),
        status: 'waiting',
        question: { text: end.question, ask: end.ask, round: worker.round },
        ...(end.summary === undefined ? {} : { summary: (0,fit/* oneLine */.TN)(end.summary, SUMMARY_CHARS) }),
    };
}

// EXTERNAL MODULE: ./src/prompt/fence.ts
var fence = __webpack_require__(3767);
;// CONCATENATED MODULE: ./src/worker/prompt.ts

/**
 * What a worker's agent is told, and how its final answer is read. Pure: the mode writes the
 * prompt to a file and hands the agent's final text back here.
 */
/** The goal's body, the loop's instructions, every answer a person gave so far, and how to finish. */
function workerPrompt(worker, goalBody) {
    const parts = [
        `You are worker "${worker.id}" of an autonomous loop. You work in the current folder, a copy of branch ${worker.branch} of this repository; what you change there is committed and offered to people as a pull request. Nothing is merged without a person.`,
        '',
        `## The goal (${worker.goal})`,
        '',
        goalBody === undefined ? '(The goal file is gone from the state branch; work from the instructions below.)' : (0,fence/* fence */.EU)(goalBody, 'markdown'),
        '',
        '## Your instructions',
        '',
        (0,fence/* fence */.EU)(worker.prompt, 'text'),
    ];
    if (worker.answers.length > 0) {
        parts.push('', '## Questions you asked and their answers', '');
        for (const answer of worker.answers)
            parts.push(`Question: ${(0,fence/* fence */.EU)(answer.question, 'text')}`, `Answer (from @${answer.by}): ${(0,fence/* fence */.EU)(answer.answer, 'text')}`, '');
    }
    if (worker.verify !== undefined)
        parts.push('', `After you finish, the loop runs \`${worker.verify}\` in the folder and shows its result on the pull request.`);
    parts.push('', '## How to finish', '', 'Edit the files in this folder; there is no git repository here, so do not commit or push: the loop does. Files under .github/workflows are not accepted.', 'End with a short summary of what you changed and why: it becomes the pull request description.', 'If you cannot go on without a person, end your answer with exactly one JSON object on its own line, {"ask": "your question"}: the loop keeps your work, asks, and starts you again with the answer.');
    return `${parts.join('\n')}\n`;
}
/** A trailing {"ask": "…"} object: the last `{` whose text to the end parses as one. */
function readFinalAnswer(text) {
    const trimmed = (text ?? '').trimEnd();
    if (!trimmed.endsWith('}'))
        return { summary: trimmed };
    for (let at = trimmed.lastIndexOf('{'); at >= 0; at = at === 0 ? -1 : trimmed.lastIndexOf('{', at - 1)) {
        const question = askOf(trimmed.slice(at));
        if (question !== undefined)
            return { summary: trimmed.slice(0, at).trimEnd(), ask: question };
    }
    return { summary: trimmed };
}
function askOf(candidate) {
    let value;
    try {
        value = JSON.parse(candidate);
    }
    catch {
        return undefined;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return undefined;
    const keys = Object.keys(value);
    const ask = value.ask;
    return keys.length === 1 && typeof ask === 'string' && ask.trim() !== '' ? ask.trim() : undefined;
}

;// CONCATENATED MODULE: ./src/worker/pull-request.ts


/**
 * A worker's one pull request: found by its head branch and a hidden marker in its body, then
 * updated, or opened when there is none. The agent's words are untrusted: they are quoted in a
 * fence, never read as the body's Markdown, so they cannot mention, link or close anything.
 */
function workerMarker(id) {
    return `<!-- looop:worker ${id} -->`;
}
function pullRequestTitle(goalTitle, id) {
    return (0,fit/* oneLine */.TN)(`looop ${id}: ${goalTitle}`, 200);
}
const pull_request_SUMMARY_CHARS = 20_000;
const TAIL_CHARS = 6_000;
function pullRequestBody(content) {
    const { worker } = content;
    const lines = [
        workerMarker(worker.id),
        `Worker \`${worker.id}\` of the loop, toward goal \`${worker.goal}\` (round ${worker.round}). Review it like any other change: nothing here is merged without a person.`,
        '',
        '### What the agent says it did',
        '',
        (0,fence/* fence */.EU)((0,fit/* fitted */.$5)(content.summary === '' ? '(no summary)' : content.summary, pull_request_SUMMARY_CHARS, 'the worker record on the state branch has it'), 'text'),
        '',
        '### Verify',
        '',
    ];
    const verified = content.verified;
    if (verified === undefined)
        lines.push('No verify command was set for this worker.');
    else {
        lines.push(`${verified.ok ? 'Passed' : 'Failed'} (${verified.outcome}):`, '', (0,fence/* fence */.EU)(worker.verify ?? '', 'sh'));
        if (verified.tail.trim() !== '')
            lines.push('', (0,fence/* fence */.EU)((0,fit/* fitted */.$5)(verified.tail, TAIL_CHARS, 'the run log has the rest'), 'text'));
    }
    if (content.refused.length > 0) {
        lines.push('', '### Left out', '', 'The agent wrote these, and the commit does not carry them (workflow files and git\'s own files are never a worker\'s):', '', (0,fence/* fence */.EU)(content.refused.join('\n'), 'text'));
    }
    const cost = content.costUsd === undefined ? 'not reported' : `$${content.costUsd.toFixed(4)}`;
    const tokens = content.tokensIn === undefined && content.tokensOut === undefined ? '' : `, ${content.tokensIn ?? 0} tokens in, ${content.tokensOut ?? 0} out`;
    lines.push('', `Cost over its rounds: ${cost}${tokens}.${content.runUrl === undefined ? '' : ` [The run](${content.runUrl}).`}`);
    return (0,fit/* fitted */.$5)(lines.join('\n'), fit/* GITHUB_BODY_LIMIT */.nY - 100, 'cut to GitHub\'s limit');
}
/** One pull request per worker: an open one found by its marker is updated, else one is opened. */
async function upsertPullRequest(github, pull, id) {
    const marker = workerMarker(id);
    const found = await github.findOwnPullRequest(pull.head, (body) => body.includes(marker));
    if (found?.open === true) {
        await github.updatePullRequest(found.number, { title: pull.title, body: pull.body });
        return { pull: found, did: 'updated' };
    }
    // A merged or closed one is history: the branch's new work is a new pull request.
    return { pull: await github.createPullRequest(pull), did: 'created' };
}

;// CONCATENATED MODULE: ./src/worker/run.ts











/** Why a round stops early, with what the record says. */
class RoundFailed extends Error {
    name = 'RoundFailed';
}
async function runWorkerRound(ports, context) {
    const { id } = context;
    const state = await ports.store.load();
    const loaded = state.workers.find((w) => w.worker.id === id);
    if (loaded === undefined) {
        if (state.unreadableWorkers.includes(id))
            throw new Error(`${(0,workers_model/* workerPath */.El)(id)} on the state branch cannot be read: fix its front matter, or delete it and let the loop spawn the worker again`);
        return { id, status: 'missing', message: `worker ${id} has no record on the state branch: nothing to do`, warnings: [] };
    }
    if (loaded.worker.status !== 'dispatched')
        return { id, status: loaded.worker.status, message: `worker ${id} is ${loaded.worker.status}: nothing to do`, warnings: [] };
    const running = claimed(loaded.worker, { id: context.runId ?? context.beat, ...(context.runUrl === undefined ? {} : { url: context.runUrl }) }, ports.now());
    const runningText = (0,workers_model/* formatWorker */.yQ)(running);
    // A compare-and-swap on the file as read: of two runs dispatched for one round, one works.
    const took = await (0,record/* claimFile */.bZ)(ports.store, { file: (0,workers_model/* workerPath */.El)(id), text: runningText, expected: loaded.text, message: `looop: worker ${id}: round ${running.round} running in ${context.beat}` });
    if (!took)
        return { id, status: 'running', message: `worker ${id}: another run took round ${running.round} first: nothing to do`, warnings: [] };
    const round = new Round(ports, context, state, running, runningText);
    return round.work();
}
class Round {
    spend = { usd: 0, metered: true };
    warnings = [];
    base = '';
    ports;
    context;
    state;
    worker;
    /** The file as this run's claim left it: what workerWrite compares against. */
    written;
    constructor(ports, context, state, worker, written) {
        this.ports = ports;
        this.context = context;
        this.state = state;
        this.worker = worker;
        this.written = written;
    }
    async work() {
        let summary;
        try {
            this.base = await this.ports.defaultBranch();
            const work = await this.ports.openFolder(this.base);
            const goal = this.state.goals.find((g) => g.slug === this.worker.goal);
            const agent = await this.ports.runAgent(work.folder, workerPrompt(this.worker, goalBody(goal)));
            this.spend = (0,budget/* costOf */.ho)(agent.result, this.context.settings.prices, this.context.settings.model);
            const final = readFinalAnswer(agent.result.text);
            summary = final.summary;
            // A failed or killed agent's half-done edits are not pushed: nothing there is for a person to review.
            if (!agent.result.ok)
                throw new RoundFailed(agent.timedOut ? 'killed at its timeout (worker-timeout); not retried' : `the agent failed: ${agent.result.failure?.message ?? 'no reason given'}`);
            const saved = await this.ports.saveWork(work, commitMessage(this.worker, final.summary));
            if (final.ask !== undefined)
                return await this.ask(final.ask, final.summary);
            const verified = await this.verify(work.folder);
            if (await this.killed())
                return await this.finish(done(this.worker, { spend: this.spend, summary: final.summary, verified, at: this.ports.now() }), 'was killed while it ran: its branch is pushed, its pull request left alone', { killed: true });
            const pull = await this.pullRequest(goalTitle(goal, this.worker.goal), final.summary, verified, saved.refused);
            const next = done(this.worker, { spend: this.spend, summary: final.summary, verified, at: this.ports.now(), pr: { number: pull.pull.number, url: pull.pull.url } });
            return await this.finish(next, `done: pull request #${pull.pull.number} ${pull.did}${verified === undefined ? '' : `, verify ${verified.ok ? 'passed' : 'failed'}`}`, { pr: { number: pull.pull.number, url: pull.pull.url, did: pull.did } });
        }
        catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            return this.finish(failed(this.worker, { spend: this.spend, reason, ...(summary === undefined ? {} : { summary }), at: this.ports.now() }), `failed: ${reason}`);
        }
    }
    /** verify only when allow matches it, run in the folder: the loop proposes it, the workflow's allow permits it. */
    async verify(folder) {
        const command = this.worker.verify;
        if (command === undefined)
            return undefined;
        const verdict = (0,allow/* checkAllowed */.FM)(command, this.context.settings.allow);
        if (!verdict.allowed)
            return { ok: false, outcome: 'refused: not matched by allow', tail: verdict.why };
        const run = await this.ports.runVerify(folder)({ kind: 'allowed', argv: verdict.argv, pattern: verdict.pattern });
        return { ok: run.ok, outcome: run.outcome, tail: run.tail.slice(-4000) };
    }
    async killed() {
        const text = await this.ports.readWorkerFile();
        const current = text === null ? undefined : (0,workers_model/* parseWorker */.AI)(text);
        return current?.ok === true && current.worker.status === 'killed';
    }
    async pullRequest(title, summary, verified, refused) {
        const pulls = this.ports.pulls;
        if (pulls === undefined)
            throw new RoundFailed('there is no github-token (or worker-token) to open its pull request with');
        const totals = done(this.worker, { spend: this.spend, at: this.ports.now() });
        const body = pullRequestBody({ worker: this.worker, goalTitle: title, summary, verified, costUsd: totals.costUsd, tokensIn: totals.tokensIn, tokensOut: totals.tokensOut, runUrl: this.context.runUrl, refused });
        try {
            return await upsertPullRequest(pulls, { head: this.worker.branch, base: this.base, title: pullRequestTitle(title, this.worker.id), body }, this.worker.id);
        }
        catch (error) {
            if (!(0,github/* isRefused */.H0)(error))
                throw error;
            throw new RoundFailed(`its work is pushed to ${this.worker.branch}, but GitHub refused its pull request: ${error.message}. Give the worker's workflow "permissions: pull-requests: write" and turn on the repository setting "Allow GitHub Actions to create and approve pull requests" (Settings > Actions > General), or set input worker-token to a GitHub App token that may open pull requests.`);
        }
    }
    /** The agent asked a person: its work is pushed already; the ask carries the question, and the worker waits. */
    async ask(question, summary) {
        const github = this.ports.github;
        if (github === undefined)
            throw new RoundFailed(`the agent asked "${question}", and there is no github-token to ask a person through`);
        if (await this.killed())
            return this.finish(failed(this.worker, { spend: this.spend, reason: 'killed', at: this.ports.now() }), 'was killed while it ran: its question is not asked', { killed: true });
        const at = this.ports.now();
        const refuse = () => Promise.resolve({ ok: false, outcome: 'refused: a worker runs no move', tail: '' });
        const askContext = {
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
        const opened = await (0,reconcile/* openAsk */.i)(this.state, { question, why: 'the worker needs a person', worker: this.worker.id }, `worker ${this.worker.id} needs a person to go on`, [], askContext);
        const next = waiting(this.worker, { spend: this.spend, summary, question, ask: opened.ask.id, at });
        const issue = opened.ask.issue === undefined ? '' : ` in #${opened.ask.issue}`;
        return this.finish(next, `waiting: asked${issue} (ask ${opened.ask.id})`, { files: opened.file === undefined ? {} : { [(0,layout/* askPath */.l8)(opened.ask.id)]: opened.file }, journal: opened.journal });
    }
    /** The one record of the round: the worker, the settled charge, a journal line; then one beat to see it. */
    async finish(next, outcome, extra = {}) {
        const { pr, files = {}, journal = [] } = extra;
        const at = this.ports.now();
        const { usd, tokensIn, tokensOut, model, metered } = this.spend;
        const settled = {
            id: (0,budget/* workerChargeId */.i5)(this.worker.id, this.worker.round),
            at: at.toISOString(),
            ...(usd === undefined ? {} : { usd }),
            ...(tokensIn === undefined ? {} : { tokensIn }),
            ...(tokensOut === undefined ? {} : { tokensOut }),
            ...(model === undefined ? {} : { model }),
            ...(metered === undefined ? {} : { metered }),
            worker: this.worker.id,
        };
        const line = (0,state_journal/* formatJournalLine */.Rx)({ at, beat: this.context.beat, move: 'worker', summary: `worker ${this.worker.id} round ${this.worker.round}: ${outcome}`, outcome: next.status, ...(usd === undefined ? {} : { costUsd: usd }) });
        await this.ports.store.commit({
            files: { ...files, [(0,workers_model/* workerPath */.El)(this.worker.id)]: (0,workers_model/* workerWrite */.Kx)(next, this.written), [budget/* BUDGET_FILE */.vw]: (0,budget/* charge */.Ji)([settled], at) },
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
    async wakeTheLoop() {
        if (this.ports.github === undefined) {
            this.warnings.push('no github-token: the loop was not woken, and sees this worker at its next scheduled beat');
            return;
        }
        const ref = this.base === '' ? await this.ports.defaultBranch() : this.base;
        try {
            await this.ports.github.dispatchWorkflow(this.context.settings.beatWorkflow, ref, {});
        }
        catch (error) {
            this.warnings.push(`could not dispatch the beat workflow ${this.context.settings.beatWorkflow} (input beat-workflow): ${error instanceof Error ? error.message : String(error)}. The worker's workflow needs "permissions: actions: write"; the loop sees this worker at its next scheduled beat.`);
        }
    }
}
function commitMessage(worker, summary) {
    const first = summary.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'work';
    return `looop worker ${worker.id} (round ${worker.round}): ${first.slice(0, 72)}\n\n${summary.slice(0, 4000)}`.trimEnd();
}

// EXTERNAL MODULE: ./src/text/yaml.ts
var yaml = __webpack_require__(9816);
;// CONCATENATED MODULE: ./src/worker/mode.ts
var __addDisposableResource = (undefined && undefined.__addDisposableResource) || function (env, value, async) {
    if (value !== null && value !== void 0) {
        if (typeof value !== "object" && typeof value !== "function") throw new TypeError("Object expected.");
        var dispose, inner;
        if (async) {
            if (!Symbol.asyncDispose) throw new TypeError("Symbol.asyncDispose is not defined.");
            dispose = value[Symbol.asyncDispose];
        }
        if (dispose === void 0) {
            if (!Symbol.dispose) throw new TypeError("Symbol.dispose is not defined.");
            dispose = value[Symbol.dispose];
            if (async) inner = dispose;
        }
        if (typeof dispose !== "function") throw new TypeError("Object not disposable.");
        if (inner) dispose = function() { try { inner.call(this); } catch (e) { return Promise.reject(e); } };
        env.stack.push({ value: value, dispose: dispose, async: async });
    }
    else if (async) {
        env.stack.push({ async: true });
    }
    return value;
};
var __disposeResources = (undefined && undefined.__disposeResources) || (function (SuppressedError) {
    return function (env) {
        function fail(e) {
            env.error = env.hasError ? new SuppressedError(e, env.error, "An error was suppressed during disposal.") : e;
            env.hasError = true;
        }
        var r, s = 0;
        function next() {
            while (r = env.stack.pop()) {
                try {
                    if (!r.async && s === 1) return s = 0, env.stack.push(r), Promise.resolve().then(next);
                    if (r.dispose) {
                        var result = r.dispose.call(r.value);
                        if (r.async) return s |= 2, Promise.resolve(result).then(next, function(e) { fail(e); return next(); });
                    }
                    else s |= 1;
                }
                catch (e) {
                    fail(e);
                }
            }
            if (s === 1) return env.hasError ? Promise.reject(env.error) : Promise.resolve();
            if (env.hasError) throw env.error;
        }
        return next();
    };
})(typeof SuppressedError === "function" ? SuppressedError : function (error, suppressed, message) {
    var e = new Error(message);
    return e.name = "SuppressedError", e.error = error, e.suppressed = suppressed, e;
});















/**
 * Mode worker: one round of one worker, in a workflow run of its own that a beat dispatched.
 * This wires the real adapters; the round itself is src/worker/run.ts.
 */
async function runWorker(settings, env, context, core, redact, secrets) {
    const id = settings.workerId;
    if (id === undefined)
        throw new Error('mode worker needs input "worker-id"');
    // A worker reads the state's files, which people may write in YAML.
    await (0,yaml/* loadYaml */.yv)();
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(context.tempDir, 'looop-worker-'));
    try {
        const env_1 = { stack: [], error: void 0, hasError: false };
        try {
            const git = (0,io_git/* createGit */.lD)({ env, ...(settings.githubToken === undefined ? {} : { token: settings.githubToken }) });
            // The worker's branch is pushed with worker-token when set, so its pull request's CI runs (see the README).
            const pushToken = settings.workerToken ?? settings.githubToken;
            const branchGit = (0,io_git/* createGit */.lD)({ env, ...(pushToken === undefined ? {} : { token: pushToken }) });
            const checkout = await (0,io_checkout/* readCheckout */.b$)(git, context.workspace, secrets);
            const stateBranch = __addDisposableResource(env_1, await (0,state_branch/* openStateBranch */.Iw)({
                git,
                url: checkout.url,
                branch: settings.stateBranch,
                tempDir: dir,
                template: () => Promise.reject(new state_branch/* StateBranchError */.a(`the state branch "${settings.stateBranch}" does not exist, so worker ${id} has no record: a worker is spawned by a beat, which writes it there first`)),
                dryRun: false,
                now: () => new Date(),
            }), true);
            const github = githubFor(settings.githubToken, context, env, redact);
            const pulls = settings.workerToken === undefined ? github : githubFor(settings.workerToken, context, env, redact);
            const place = { git: branchGit, url: checkout.url, branch: (0,workers_model/* workerBranch */.De)(id), scratch: dir };
            const report = await runWorkerRound({
                store: (0,wiring/* branchStore */.q$)(stateBranch, redact),
                readWorkerFile: () => readTipFile(git, checkout.url, settings.stateBranch, (0,workers_model/* workerPath */.El)(id), dir),
                defaultBranch: () => defaultBranch(github, git, checkout.url, dir),
                openFolder: (base) => openWorkFolder(place, base),
                saveWork: (work, message) => saveWork(place, work, redact(message)),
                runAgent: (folder, prompt) => runAgent({ settings, env, folder, scratch: dir, prompt: redact(prompt) }),
                runVerify: (folder) => (0,wiring/* commandRunner */.cd)(settings, env, folder),
                github,
                pulls,
                now: () => new Date(),
            }, {
                id,
                beat: context.beat,
                runId: context.runId,
                runUrl: context.runUrl,
                askFileUrl: context.repositoryUrl === undefined ? undefined : (ask) => `${context.repositoryUrl ?? ''}/blob/${settings.stateBranch.split('/').map(encodeURIComponent).join('/')}/asks/${ask}.md`,
                settings,
            });
            await reportRound(report, core, redact, env);
            if (report.status === 'failed')
                core.setFailed(redact(report.message));
        }
        catch (e_1) {
            env_1.error = e_1;
            env_1.hasError = true;
        }
        finally {
            const result_1 = __disposeResources(env_1);
            if (result_1)
                await result_1;
        }
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
function githubFor(token, context, env, redact) {
    if (token === undefined || context.repository === undefined)
        return undefined;
    return (0,wiring/* redactingGitHub */.pL)((0,lazy/* lazyGitHub */.e)({ token, ...context.repository, baseUrl: context.apiUrl, env }), redact);
}
/** The repository's default branch from GitHub, else what the origin's HEAD points at. */
async function defaultBranch(github, git, url, dir) {
    if (github !== undefined)
        return github.defaultBranch();
    return (0,state_fetch/* withRepo */.vf)(dir, async (repo) => {
        const listed = await git.run(['ls-remote', '--symref', url, 'HEAD'], { cwd: repo, repo, remote: url });
        const branch = /^ref: refs\/heads\/(\S+)\s+HEAD$/m.exec(listed.stdout)?.[1];
        if (branch === undefined)
            throw new Error("could not tell the repository's default branch: GitHub was not asked (no github-token), and the checkout's origin names no HEAD");
        return branch;
    });
}
/** One file as the state branch's tip holds it now, fetched anew (a beat may have written it since). */
async function readTipFile(git, url, branch, file, dir) {
    return (0,state_fetch/* withRepo */.vf)(dir, async (repo) => {
        const sha = await (0,state_fetch/* fetchHead */.FY)({ git, url, branch }, repo);
        if (sha === undefined)
            return null;
        const shown = await git.tryRun(['cat-file', 'blob', `${sha}:${file}`], { cwd: repo, repo });
        return shown.ok ? shown.stdout : null;
    });
}
/** The step's outputs, log lines and job summary; every word from the agent passes the redactor. */
async function reportRound(report, core, redact, env) {
    core.setOutput('worker', report.id);
    core.setOutput('status', report.status);
    core.setOutput('pr', report.pr?.url ?? '');
    for (const warning of report.warnings)
        core.warning(redact(warning), { title: 'looop worker' });
    if (report.status === 'failed')
        core.error(redact(report.message), { title: 'looop worker failed' });
    else if (report.pr === undefined)
        core.notice(redact(report.message), { title: 'looop worker' });
    (0,log/* printUntrusted */.Q)(redact(report.message), core);
    const lines = [`### looop worker ${(0,markdown/* plainText */.w)(report.id)}: ${report.status}`, '', (0,markdown/* plainText */.w)(redact(report.message))];
    if (report.pr !== undefined)
        lines.push('', `Pull request: [#${report.pr.number}](${encodeURI(report.pr.url)}) (${report.pr.did})`);
    if (report.verified !== undefined)
        lines.push('', `Verify: ${report.verified.ok ? 'passed' : 'failed'} (${(0,markdown/* plainText */.w)(redact(report.verified.outcome))})`);
    if (report.costUsd !== undefined)
        lines.push('', `Cost over its rounds: $${report.costUsd.toFixed(4)}`);
    if (report.summary !== undefined && report.summary !== '')
        lines.push('', '#### What the agent says it did', '', (0,markdown/* plainText */.w)(redact(report.summary)));
    const summary = `${lines.join('\n')}\n`;
    if (env.GITHUB_STEP_SUMMARY !== undefined)
        await core.appendSummary(summary);
    else
        (0,log/* printUntrusted */.Q)(summary, core);
}


/***/ })

};
