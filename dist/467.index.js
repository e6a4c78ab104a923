export const id = 467;
export const ids = [467];
export const modules = {

/***/ 4379:
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

/***/ 1467:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GITHUB_MODELS_URL: () => (/* binding */ GITHUB_MODELS_URL),
/* harmony export */   chatRequest: () => (/* binding */ chatRequest),
/* harmony export */   isGitHubModels: () => (/* binding */ isGitHubModels),
/* harmony export */   openaiDecider: () => (/* binding */ openaiDecider),
/* harmony export */   readChatResponse: () => (/* binding */ readChatResponse),
/* harmony export */   retryAfterMs: () => (/* binding */ retryAfterMs)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(233);
/* harmony import */ var _io_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4379);
/* harmony import */ var _causes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5373);
/* harmony import */ var _streams_lines_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4804);





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
    const cause = (0,_causes_js__WEBPACK_IMPORTED_MODULE_2__/* .caused */ .w9)({ status, text: said });
    if (cause.cause === 'auth')
        return { result: failed(`${said}; ${authHint(context.githubModels === true)}`, 'error', cause) };
    if (status !== 408 && status !== 429 && status < 500)
        return { result: failed(said, 'error', cause) };
    const now = context.now ?? Date.now();
    const afterMs = retryAfterMs(headers, now);
    const when = afterMs === undefined ? '' : `; the API asks to wait ${duration(afterMs)} (until ${new Date(now + afterMs).toISOString()})`;
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
const count = zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int().nonnegative().optional().catch(undefined);
const text = zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().nullish().catch(undefined);
const Message = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ content: zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J().optional(), refusal: text }).nullish().catch(undefined);
const Completion = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    model: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional().catch(undefined),
    choices: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ message: Message, finish_reason: text })),
    usage: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ prompt_tokens: count, completion_tokens: count }).nullish().catch(undefined),
});
function readCompletion(body) {
    const json = parseJson(body);
    if (json === undefined)
        return failed(`the API answered with a body that is not JSON: ${quote(body)}`);
    const parsed = Completion.safeParse(json);
    if (!parsed.success) {
        // Some gateways answer 200 with an OpenAI error body.
        const error = apiError(json);
        if (error !== undefined)
            return failed(`the API answered with an error${error}`, 'error', (0,_causes_js__WEBPACK_IMPORTED_MODULE_2__/* .caused */ .w9)({ text: error }));
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
        return failed(`the model refused: ${(0,_streams_lines_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(refusal, MAX_MESSAGE_CHARS)}`);
    return failed(`the answer has no text (finish_reason ${JSON.stringify(reason ?? null)}): ${quote(body)}`);
}
const ErrorFields = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    message: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional().catch(undefined),
    code: zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig()]).optional().catch(undefined),
    type: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional().catch(undefined),
});
const ErrorBody = ErrorFields.extend({ error: zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J().optional() });
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
        return `: ${(0,_streams_lines_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(error, MAX_MESSAGE_CHARS)}`;
    const inner = ErrorFields.safeParse(error);
    const { message, code, type } = inner.success ? inner.data : outer.data;
    if (message === undefined && code === undefined && type === undefined)
        return undefined;
    return `${code === undefined && type === undefined ? '' : ` (${String(code ?? type)})`}: ${(0,_streams_lines_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(message ?? 'no message', MAX_MESSAGE_CHARS)}`;
}
function httpError(status, body) {
    return `HTTP ${status}${apiError(parseJson(body)) ?? `: ${quote(body)}`}`;
}
function parseJson(body) {
    try {
        return JSON.parse(body);
    }
    catch {
        return undefined;
    }
}
/** A bounded, escaped piece of a body, so a failure says what came back without a transcript. */
function quote(body) {
    return body.trim() === '' ? '(an empty body)' : JSON.stringify((0,_streams_lines_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(body.trim(), QUOTED_BODY_CHARS));
}
function duration(ms) {
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
    const sleep = options.sleep ?? ((ms, signal) => (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(ms, undefined, { signal }));
    const signal = AbortSignal.timeout(timeoutMs);
    const deadline = Date.now() + timeoutMs;
    const timedOut = () => failed(`no answer from ${new URL(request.url).host} within tick-timeout (${duration(timeoutMs)})`, 'timeout');
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
        const stop = waitMs > maxWaitMs ? `that is longer than the ${duration(maxWaitMs)} this runner waits, so the decision fails now: try again after then`
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
    return (0,_io_http_js__WEBPACK_IMPORTED_MODULE_1__/* .postJson */ .B2)(request.url, request.headers, request.body, { signal, maxBytes: RAW_KEPT_BYTES });
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
    const proxy = (0,_io_http_js__WEBPACK_IMPORTED_MODULE_1__/* .proxied */ .IY)(url, env) && env.NODE_USE_ENV_PROXY !== '1' ? '; behind a proxy, set NODE_USE_ENV_PROXY=1 in the step\'s env so Node\'s fetch uses it' : '';
    return { result: failed(`could not reach ${new URL(url).host}: ${reason}${proxy}`), retry: { afterMs: undefined } };
}
function withNote(result, note) {
    return result.failure === undefined ? result : { ...result, failure: { ...result.failure, message: `${result.failure.message}; ${note}` } };
}


/***/ }),

/***/ 4804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   k4: () => (/* binding */ JsonLines)
/* harmony export */ });
/* unused harmony exports MAX_LINE_CHARS, LineSplitter */
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


/***/ })

};
