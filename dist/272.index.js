export const id = 272;
export const ids = [272,386];
export const modules = {

/***/ 5386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createGitHub: () => (/* binding */ createGitHub)
});

// EXTERNAL MODULE: ./src/beat/github.ts
var github = __webpack_require__(6461);
// EXTERNAL MODULE: ./src/text/fit.ts
var fit = __webpack_require__(8600);
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
var promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/io/github/pace.ts

/** Writes: GitHub's one a second past the first ten. Issues and comments (they notify): one every three seconds past the first five. */
const WRITES = { burst: 10, everyMs: 1000 };
const NOTIFYING = { burst: 5, everyMs: 3000 };
const realClock = { now: () => Date.now(), sleep: (ms) => (0,promises_.setTimeout)(ms) };
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
        loaded ??= Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(499)]).then(__webpack_require__.bind(__webpack_require__, 3499)).then((utils) => {
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

;// CONCATENATED MODULE: ./src/io/github/client.ts



/** Logins compared as GitHub does: case aside, and a bot named with or without its "[bot]" (GraphQL drops it). */
function sameLogin(login) {
    return login.toLowerCase().replace(/\[bot\]$/, '');
}
/**
 * Octokit's errors (an HTTP refusal, a GraphQL error, a request that never got an answer) as
 * the port's one typed error, with the status when GitHub gave one.
 */
async function answered(call) {
    try {
        return await call();
    }
    catch (error) {
        if (error instanceof github/* GitHubError */.y_)
            throw error;
        throw new github/* GitHubError */.y_(error instanceof Error ? error.message : String(error), statusOf(error), { cause: error });
    }
}
function body(text) {
    return (0,fit/* fitted */.$5)(text, fit/* GITHUB_BODY_LIMIT */.nY, "cut to fit GitHub's limit");
}
function commentOf(c, issue) {
    return { id: c.id, issue, body: c.body ?? '', login: c.user?.login ?? '', isBot: c.user?.type === 'Bot', created: c.created_at };
}
function pullOf(pull) {
    return { number: pull.number, url: pull.html_url, open: pull.state === 'open', merged: pull.merged_at !== null, body: pull.body ?? '', head: pull.head.ref };
}
/** The run a dispatch started, when GitHub said (200 with return_run_details; 204 says nothing). */
function runDetails(data) {
    if (data === null || typeof data !== 'object')
        return {};
    const run = data;
    return {
        ...(typeof run.workflow_run_id === 'number' ? { runId: String(run.workflow_run_id) } : {}),
        ...(typeof run.html_url === 'string' ? { url: run.html_url } : {}),
    };
}
function refusesRunDetails(error) {
    const status = statusOf(error);
    return (status === 400 || status === 422) && /return_run_details/i.test(error instanceof Error ? error.message : '');
}
/** The GitHub port over the REST API, with one Octokit set-up and every refusal a GitHubError. */
function createGitHub(options) {
    let count = 0;
    const octokit = createOctokit(options);
    octokit.hook.before('request', () => {
        count++;
    });
    const repo = { owner: options.owner, repo: options.repo };
    let self;
    // The login the token acts as. REST has no "who am I" for an installation token (GET /user
    // is refused), GraphQL's viewer answers for every kind of token.
    const identity = () => (self ??= octokit.graphql('query { viewer { login } }').then((answer) => sameLogin(answer.viewer.login)));
    async function ensureLabel(label) {
        try {
            await octokit.request('GET /repos/{owner}/{repo}/labels/{name}', { ...repo, name: label.name });
        }
        catch (error) {
            if (statusOf(error) !== 404)
                throw error;
            try {
                await octokit.request('POST /repos/{owner}/{repo}/labels', { ...repo, ...label });
            }
            catch (raced) {
                // Another beat created it first: that is what we wanted.
                if (statusOf(raced) !== 422)
                    throw raced;
            }
        }
    }
    const port = {
        async findOwnIssue(label, marked) {
            // The newest hundred issues under a label hold any the loop just opened; only the loop's own count.
            const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues', { ...repo, labels: label, state: 'all', per_page: 100, sort: 'created', direction: 'desc' });
            const candidates = data.filter((issue) => marked(issue.body ?? ''));
            if (candidates.length === 0)
                return undefined;
            const me = await identity();
            const found = candidates.find((issue) => sameLogin(issue.user?.login ?? '') === me);
            return found === undefined ? undefined : { number: found.number, open: found.state === 'open', url: found.html_url, body: found.body ?? '' };
        },
        async createIssue(label, title, text) {
            await ensureLabel(label);
            // Never retried blindly: an issue created whose answer was lost would be created twice.
            const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues', { ...repo, title, body: body(text), labels: [label.name], request: { retries: 0 } });
            return { number: data.number, open: true, url: data.html_url, body: data.body ?? '' };
        },
        async updateIssue(issue, change) {
            await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
                ...repo,
                issue_number: issue,
                ...(change.body === undefined ? {} : { body: body(change.body) }),
                ...(change.state === undefined ? {} : { state: change.state }),
                ...(change.reason === undefined ? {} : { state_reason: change.reason }),
            });
        },
        async issueState(issue) {
            try {
                const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { ...repo, issue_number: issue });
                return { open: data.state === 'open', closedBy: data.closed_by?.login ?? undefined };
            }
            catch (error) {
                const status = statusOf(error);
                if (status === 404 || status === 410)
                    return undefined;
                throw error;
            }
        },
        async issuesSince(label, since, which) {
            const issues = [];
            for await (const page of octokit.paginate.iterator('GET /repos/{owner}/{repo}/issues', { ...repo, labels: label, state: which, since, sort: 'updated', direction: 'asc', per_page: 100 })) {
                for (const issue of page.data)
                    issues.push({ number: issue.number, open: issue.state === 'open' });
            }
            return issues;
        },
        async issueComments(issue) {
            const comments = [];
            for await (const page of octokit.paginate.iterator('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: issue, per_page: 100 })) {
                for (const c of page.data)
                    comments.push(commentOf(c, issue));
            }
            return comments;
        },
        async commentsSince(since) {
            let pages = 0;
            const comments = [];
            for await (const page of octokit.paginate.iterator('GET /repos/{owner}/{repo}/issues/comments', { ...repo, since, sort: 'created', direction: 'asc', per_page: 100 })) {
                pages++;
                for (const c of page.data)
                    comments.push(commentOf(c, Number(/\/issues\/(\d+)$/.exec(c.issue_url)?.[1])));
            }
            return { comments, pages };
        },
        async comment(issue, text) {
            await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: issue, body: body(text) });
        },
        async permission(login) {
            try {
                const { data } = await octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { ...repo, username: login });
                return data.role_name;
            }
            catch (error) {
                if (statusOf(error) === 404)
                    return 'none';
                throw error;
            }
        },
        async workflowRun(runId) {
            try {
                const { data } = await octokit.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { ...repo, run_id: Number(runId) });
                return data.status === 'completed' ? 'finished' : 'running';
            }
            catch (error) {
                const status = statusOf(error);
                if (status === 403 || status === 404)
                    return 'unknown';
                throw error;
            }
        },
        async dispatchWorkflow(workflow, ref, inputs) {
            const dispatch = { ...repo, workflow_id: workflow, ref, inputs, request: { retries: 0 } };
            try {
                const answer = await octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', { ...dispatch, return_run_details: true });
                const data = answer.data;
                return runDetails(data);
            }
            catch (error) {
                // A server older than the parameter (GitHub Enterprise Server) refuses it: dispatch without it.
                if (!refusesRunDetails(error))
                    throw error;
                await octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', dispatch);
                return {};
            }
        },
        async workflowRuns(workflow, since) {
            // GitHub's created filter takes whole seconds; dropping the fraction widens the window, never narrows it.
            const from = since.replace(/\.\d+(?=Z$)/, '');
            const { data } = await octokit.request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', { ...repo, workflow_id: workflow, created: `>=${from}`, per_page: 100 });
            return data.workflow_runs.map((run) => ({ id: String(run.id), name: run.display_title, status: run.status ?? 'queued', conclusion: run.conclusion ?? undefined, url: run.html_url, created: run.created_at }));
        },
        async cancelWorkflowRun(runId) {
            try {
                await octokit.request('POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel', { ...repo, run_id: Number(runId) });
                return 'cancelled';
            }
            catch (error) {
                const status = statusOf(error);
                if (status === 409)
                    return 'finished';
                if (status === 403 || status === 404)
                    return 'unknown';
                throw error;
            }
        },
        async defaultBranch() {
            const { data } = await octokit.request('GET /repos/{owner}/{repo}', repo);
            return data.default_branch;
        },
        async findOwnPullRequest(head, marked) {
            const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls', { ...repo, head: `${options.owner}:${head}`, state: 'all', sort: 'created', direction: 'desc', per_page: 100 });
            const candidates = data.filter((pull) => marked(pull.body ?? ''));
            if (candidates.length === 0)
                return undefined;
            const me = await identity();
            const found = candidates.find((pull) => sameLogin(pull.user?.login ?? '') === me);
            return found === undefined ? undefined : pullOf(found);
        },
        async createPullRequest(pull) {
            // Never retried blindly: a pull request created whose answer was lost would be opened twice.
            const { data } = await octokit.request('POST /repos/{owner}/{repo}/pulls', { ...repo, head: pull.head, base: pull.base, title: pull.title, body: body(pull.body), request: { retries: 0 } });
            return pullOf(data);
        },
        async updatePullRequest(pull, change) {
            await octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', {
                ...repo,
                pull_number: pull,
                ...(change.title === undefined ? {} : { title: change.title }),
                ...(change.body === undefined ? {} : { body: body(change.body) }),
            });
        },
        requests: () => count,
    };
    // Every operation answers with data or a GitHubError.
    const typed = Object.fromEntries(Object.entries(port).map(([name, operation]) => [name, name === 'requests' ? operation : (...args) => answered(() => operation(...args))]));
    return typed;
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

/***/ 5272:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runSteer: () => (/* binding */ runSteer)
});

// UNUSED EXPORTS: CheckFailed

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
// EXTERNAL MODULE: ./src/state/layout.ts
var layout = __webpack_require__(1719);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/state/goals.ts
var goals = __webpack_require__(8169);
// EXTERNAL MODULE: ./src/text/markdown.ts
var markdown = __webpack_require__(6590);
// EXTERNAL MODULE: ./src/text/yaml.ts
var yaml = __webpack_require__(9816);
// EXTERNAL MODULE: ./src/prompt/build.ts + 2 modules
var build = __webpack_require__(26);
// EXTERNAL MODULE: ./src/state/identity.ts
var identity = __webpack_require__(4243);
// EXTERNAL MODULE: ./src/state/names.ts
var names = __webpack_require__(3641);
// EXTERNAL MODULE: ./src/state/read.ts
var read = __webpack_require__(5517);
// EXTERNAL MODULE: ./src/state/tree.ts
var state_tree = __webpack_require__(8337);
;// CONCATENATED MODULE: ./src/steer/check.ts










/** Files only the loop writes: a steering change that edits them rewrites its memory. */
const LOOP_FILES = new Set([layout/* JOURNAL_FILE */.RD, layout/* BUDGET_FILE */.vw, layout/* MEMORY_FILE */.F0]);
const LOOP_DIRS = [layout/* ASKS_DIR */.pZ, layout/* FAILURES_DIR */.e3, layout/* WORKERS_DIR */.Sc, layout/* SNAPSHOTS_DIR */.ST, layout/* RUNS_DIR */.z4];
function isLoopOwned(file) {
    return LOOP_FILES.has(file) || LOOP_DIRS.some((dir) => file.startsWith(`${dir}/`));
}
/** Problems the beat reports start with the file they are about (whose name may hold spaces). */
function fileOf(problem, tree) {
    let found = '';
    for (const file of tree.keys()) {
        if (file.length > found.length && problem.startsWith(file) && /^[\s:]/.test(problem.slice(file.length)))
            found = file;
    }
    return found === '' ? (/^([^\s:]+)/.exec(problem)?.[1] ?? '') : found;
}
const error = (file, message) => ({ file, message, level: 'error' });
const warning = (file, message) => ({ file, message, level: 'warning' });
/**
 * The tree as a pull request leaves it. `changed` lists the files the pull request touches,
 * when the base commit could be seen; the loop's own files must not be among them.
 */
function checkTree(tree, changed) {
    const findings = [];
    const state = (0,read/* readState */.un)(tree);
    for (const problem of state.problems) {
        const file = fileOf(problem, tree);
        // Links are said below in a check's words.
        if (!state.links.includes(file))
            findings.push(error(file, problem));
    }
    for (const link of state.links)
        findings.push(error(link, `${link} is a symbolic link: the loop never reads or writes through one; commit a regular file instead`));
    findings.push(...checkPlaybook(tree), ...checkGoals(tree));
    for (const file of changed ?? []) {
        if (isLoopOwned(file)) {
            findings.push(error(file, `${file} is the loop's own record, and a steering change must not edit it: leave it out of the pull request (steer through goals/, sensors/, schedules/ and PLAYBOOK.md)`));
        }
        if ((0,names/* isPeoplesPath */.iC)(file))
            findings.push(warning(file, `${file} changes a workflow on the state branch, perhaps this very check (which runs as the pull request has it): read it yourself before merging, this check does not vouch for it`));
    }
    return dedupe(findings);
}
function checkPlaybook(tree) {
    const playbook = (0,state_tree/* textOf */.b6)(tree, layout/* PLAYBOOK_FILE */.Ld);
    if (playbook === null) {
        return tree.get(layout/* PLAYBOOK_FILE */.Ld)?.kind === 'link' ? [] : [error('PLAYBOOK.md', 'PLAYBOOK.md is missing: the loop reads its guidance there (the template has a starter one)')];
    }
    if (playbook.length > build/* PROMPT_CAPS */.L.playbook) {
        return [error('PLAYBOOK.md', `PLAYBOOK.md has ${playbook.length} characters, and a decision reads only the first ${build/* PROMPT_CAPS */.L.playbook}: shorten it (move detail into goals)`)];
    }
    return [];
}
/** What a beat forgives (a goal without front matter reads as active), a check asks to be said outright. */
function checkGoals(tree) {
    const findings = [];
    for (const [file] of tree) {
        if (!/^goals\/[^/]+\.md$/.test(file))
            continue;
        const text = (0,state_tree/* textOf */.b6)(tree, file);
        if (text === null)
            continue;
        const match = yaml/* FRONT_MATTER */.UN.exec(text);
        if (match === null) {
            findings.push(error(file, `${file} has no front matter: start it with "---", "status: active", "priority: 1", "---"`));
            continue;
        }
        const read = (0,yaml/* readYaml */.gM)({ parseDocument: dist.parseDocument }, match[1] ?? '');
        const fields = read.ok ? read.value : undefined;
        if (fields === null || typeof fields !== 'object')
            continue;
        const { status, priority } = fields;
        if (status === undefined)
            findings.push(error(file, `${file}: front matter has no status (one of ${goals/* goalStatuses */.Qh.join(', ')})`));
        if (priority !== undefined && (typeof priority !== 'number' || !Number.isFinite(priority))) {
            findings.push(error(file, `${file}: priority ${JSON.stringify(priority)} is not a number (lower comes first)`));
        }
    }
    return findings;
}
/**
 * A sensor's dry run. Printing anything but one reading, or running out of time, is the
 * sensor's fault wherever it runs. Failing is only a warning: the dry run has neither the
 * project's checkout nor the variables of sensor-env, which a sensor may well need.
 */
function checkReadings(sensors, readings) {
    return readings.flatMap((reading, index) => {
        const sensor = sensors[index];
        if (reading.error === undefined || sensor === undefined || sensor.problem !== undefined)
            return [];
        const message = `${sensor.file} ${reading.error} in a dry run`;
        const sensorsFault = /JSON|timed out|printed more than/.test(reading.error);
        return [
            {
                file: sensor.file,
                message: sensorsFault ? `${message}: a sensor prints one JSON object {"signal": …, "detail": …} within sensor-timeout` : `${message}; it ran without the project's checkout and without sensor-env, which it may need`,
                level: sensorsFault ? 'error' : 'warning',
                ...(reading.detail === undefined ? {} : { printed: JSON.stringify(reading.detail).slice(0, 1000) }),
            },
        ];
    });
}
function dedupe(findings) {
    const seen = new Set();
    return findings.filter((finding) => {
        const key = `${finding.file}\0${finding.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** The check's job summary: what passed, or each finding. */
function checkSummary(findings, checked) {
    const errors = findings.filter((f) => f.level === 'error');
    const head = errors.length === 0
        ? `The steering change is good: ${checked.goals} goal${checked.goals === 1 ? '' : 's'} and ${checked.sensors} sensor${checked.sensors === 1 ? '' : 's'} checked, the PLAYBOOK fits, no links.`
        : `The steering change has ${errors.length} problem${errors.length === 1 ? '' : 's'}, in ${[...new Set(errors.map((f) => f.file))].map(markdown/* plainText */.w).join(', ')}.`;
    const rows = findings.map((f) => {
        const printed = f.printed === undefined ? '' : `<pre>${(0,markdown/* plainText */.w)(f.printed)}</pre>`;
        return `- ${f.level === 'error' ? '❌' : '⚠️'} <code>${(0,markdown/* plainText */.w)(f.file)}</code>: ${(0,markdown/* plainText */.w)(f.message)}${printed}`;
    });
    return [`## looop: steering check`, '', head, ...(rows.length === 0 ? [] : ['', ...rows]), ''].join('\n');
}
/**
 * True when every commit a push brought is the loop's own record. Pushed with the workflow
 * token they start no workflow at all; pushed with another token they would, and a beat
 * woken by its own record would only find nothing new.
 */
function onlyLoopCommits(commits) {
    return commits.length > 0 && commits.every((commit) => commit.committer?.email === identity/* LOOP_IDENTITY */.e.email);
}

// EXTERNAL MODULE: ./src/io/log.ts
var log = __webpack_require__(9334);
// EXTERNAL MODULE: ./src/beat/github.ts
var beat_github = __webpack_require__(6461);
// EXTERNAL MODULE: ./src/io/github/client.ts + 2 modules
var client = __webpack_require__(5386);
// EXTERNAL MODULE: ./src/beat/sense.ts
var sense = __webpack_require__(7394);
// EXTERNAL MODULE: ./src/settings.ts
var src_settings = __webpack_require__(8750);
// EXTERNAL MODULE: ./src/io/git.ts
var io_git = __webpack_require__(7500);
// EXTERNAL MODULE: ./src/io/state-branch.ts + 1 modules
var state_branch = __webpack_require__(5758);
// EXTERNAL MODULE: ./src/io/tree-read.ts
var tree_read = __webpack_require__(27);
// EXTERNAL MODULE: ./src/io/wiring.ts + 1 modules
var wiring = __webpack_require__(8745);
;// CONCATENATED MODULE: ./src/steer/mode.ts















/** What mode check reads of the event that started it. */
const eventSchema = schemas/* object */.Ikc({
    ref: schemas/* string */.YjP().optional(),
    deleted: schemas/* boolean */.zMY().optional(),
    commits: schemas/* array */.YOg(schemas/* object */.Ikc({ id: schemas/* string */.YjP().optional(), committer: schemas/* object */.Ikc({ email: schemas/* string */.YjP().nullish() }).nullish() })).optional(),
    pull_request: schemas/* object */.Ikc({ base: schemas/* object */.Ikc({ ref: schemas/* string */.YjP() }) }).optional(),
    sender: schemas/* object */.Ikc({ type: schemas/* string */.YjP().optional() }).nullish(),
    repository: schemas/* object */.Ikc({ default_branch: schemas/* string */.YjP() }).partial().optional(),
});
class CheckFailed extends Error {
    name = 'CheckFailed';
}
async function readEvent(env) {
    if (env.GITHUB_EVENT_PATH === undefined)
        return {};
    const parsed = eventSchema.safeParse(JSON.parse(await (0,promises_.readFile)(env.GITHUB_EVENT_PATH, 'utf8')));
    return parsed.success ? parsed.data : {};
}
/**
 * Mode check, as the steer workflow runs it: on a pull request against the state branch it
 * checks the change; on a push to the state branch it dispatches one beat.
 */
async function runSteer(settings, env, context, core) {
    const event = await readEvent(env);
    const name = env.GITHUB_EVENT_NAME ?? '';
    // A steering change is people's writing: YAML front matter is theirs to use.
    await (0,yaml/* loadYaml */.yv)();
    if (name === 'push')
        return wake(settings, env, context, event, core);
    if (name === 'pull_request_target') {
        throw new src_settings/* SettingsError */.GN("mode check runs a pull request's sensors, so never on pull_request_target, where they would run with the base repository's token and secrets: use on: pull_request");
    }
    if (name === 'pull_request' || name === '')
        return checkChange(settings, env, context, event, core);
    throw new src_settings/* SettingsError */.GN(`mode check runs on pull_request (to check a steering change) or push (to wake the loop) events, not on ${name}: see the steer workflow, templates/looop-steer.yml`);
}
async function checkChange(settings, env, context, event, core) {
    const base = event.pull_request?.base.ref;
    if (base !== undefined && base !== settings.stateBranch) {
        throw new src_settings/* SettingsError */.GN(`this pull request is against "${base}", not the state branch "${settings.stateBranch}" (input state-branch): mode check only checks steering changes; limit the workflow to "on: pull_request: branches: [${settings.stateBranch}]"`);
    }
    const git = (0,io_git/* createGit */.lD)({ env });
    const gitDir = external_node_path_default().join(context.workspace, '.git');
    const { tree } = await (0,tree_read/* readTree */.Zc)(git, gitDir, 'HEAD').catch((error) => {
        throw new CheckFailed(`could not read the checked-out commit in ${context.workspace} (${error.message}): run actions/checkout before this step`);
    });
    const changed = await changedFiles(git, gitDir);
    if (changed === undefined)
        core.notice('The base of this pull request is not in the checkout, so edits to the loop\'s own files are not looked for: check out with "fetch-depth: 2".', { title: 'looop' });
    const state = (0,read/* readState */.un)(tree);
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(context.tempDir, 'looop-check-'));
    try {
        const view = await (0,state_branch/* materialize */.O9)(tree, dir);
        // The same runner a beat uses: the scrubbed environment, no token, bounded time and output.
        const readings = await (0,sense/* sense */.Ze)(state.sensors, (0,wiring/* sensorRunner */.Zi)(settings, env, context.workspace, view), settings.sensorTimeoutMs);
        const findings = [...checkTree(tree, changed), ...checkReadings(state.sensors, readings)];
        await report(findings, { goals: state.goals.length, sensors: state.sensors.length }, env, core);
        const errors = findings.filter((f) => f.level === 'error');
        if (errors.length > 0)
            throw new CheckFailed(`the steering change has ${errors.length} problem${errors.length === 1 ? '' : 's'}, in ${[...new Set(errors.map((f) => f.file))].join(', ')}: see the annotations`);
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
/** The files the pull request changes: its merge commit against the first parent, the base. */
async function changedFiles(git, gitDir) {
    const call = { cwd: gitDir, repo: gitDir };
    const merge = await git.tryRun(['rev-parse', '--verify', '--quiet', 'HEAD^2'], call);
    const parent = await git.tryRun(['cat-file', '-e', 'HEAD^1^{commit}'], call);
    if (!merge.ok || !parent.ok)
        return undefined;
    const diff = await git.run(['diff-tree', '-r', '--no-commit-id', '--name-only', '-z', 'HEAD^1', 'HEAD'], call);
    return diff.stdout.split('\0').filter((file) => file !== '');
}
async function report(findings, checked, env, core) {
    for (const finding of findings) {
        const annotate = finding.level === 'error' ? core.error : core.warning;
        annotate(finding.message, { file: finding.file, title: 'looop: steering check' });
    }
    const summary = checkSummary(findings, checked);
    if (env.GITHUB_STEP_SUMMARY !== undefined)
        await core.appendSummary(summary);
    else
        (0,log/* printUntrusted */.Q)(summary, core);
}
/** A change landed on the state branch: one beat of beat-workflow, on the default branch. */
async function wake(settings, env, context, event, core) {
    if (event.ref !== undefined && event.ref !== `refs/heads/${settings.stateBranch}`) {
        throw new src_settings/* SettingsError */.GN(`this push is to ${event.ref}, not to the state branch "${settings.stateBranch}" (input state-branch): limit the workflow to "on: push: branches: [${settings.stateBranch}]"`);
    }
    if (event.deleted === true) {
        core.info('The state branch was deleted: there is nothing to wake.');
        return;
    }
    // The committer is whatever the commit says; the sender is who GitHub saw push, and a bot.
    if (event.sender?.type === 'Bot' && onlyLoopCommits(event.commits ?? [])) {
        core.info("Every pushed commit is the loop's own record: no beat is dispatched (a beat woken by its own record would find nothing new).");
        return;
    }
    const ref = event.repository?.default_branch;
    if (settings.githubToken === undefined || context.repository === undefined || ref === undefined) {
        throw new src_settings/* SettingsError */.GN('mode check on a push dispatches a beat through the API: it needs github-token (the default), GITHUB_REPOSITORY and the push event\'s repository');
    }
    const github = (0,client.createGitHub)({ token: settings.githubToken, ...context.repository, baseUrl: context.apiUrl, env });
    const target = `${settings.beatWorkflow} (input beat-workflow) on ${ref} of ${context.repository.owner}/${context.repository.repo}`;
    try {
        await github.dispatchWorkflow(settings.beatWorkflow, ref, {});
    }
    catch (error) {
        throw new CheckFailed(dispatchError((0,beat_github/* githubStatus */.AV)(error), error.message, target));
    }
    core.info(`Dispatched one beat: ${target}.`);
}
function dispatchError(status, message, target) {
    switch (status) {
        case 404:
            return `could not dispatch ${target}: GitHub found no such workflow. Set beat-workflow to the file name of the workflow that runs the beat (in .github/workflows/ on the default branch)`;
        case 403:
            return `could not dispatch ${target}: the token may not (${message}). Give the job "permissions: actions: write"`;
        case 422:
            return `could not dispatch ${target}: ${message}. The beat's workflow needs a "workflow_dispatch:" trigger`;
        default:
            return `could not dispatch ${target}: ${message}`;
    }
}


/***/ })

};
