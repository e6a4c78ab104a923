export const id = 386;
export const ids = [386];
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


/***/ })

};
