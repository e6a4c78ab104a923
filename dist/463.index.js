export const id = 463;
export const ids = [463];
export const modules = {

/***/ 1463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  streamParser: () => (/* binding */ streamParser)
});

// EXTERNAL MODULE: ../main/node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(233);
// EXTERNAL MODULE: ./src/runners/causes.ts
var causes = __webpack_require__(5373);
// EXTERNAL MODULE: ./src/runners/streams/lines.ts
var streams_lines = __webpack_require__(4804);
;// CONCATENATED MODULE: ./src/runners/streams/claude.ts



/**
 * `claude -p --output-format stream-json --verbose`. Only the closing `result` event's
 * `is_error: false` means success: spend limits and unknown models arrive as
 * `subtype: "success"` with `is_error: true`, and the exit code adds nothing the event lacks.
 */
// A malformed field becomes undefined rather than costing the rest of its event.
const count = schemas/* number */.aig().nonnegative().optional().catch(undefined);
const str = schemas/* string */.YjP().optional().catch(undefined);
const Init = schemas/* object */.Ikc({ subtype: str, model: str });
const Assistant = schemas/* object */.Ikc({
    // Set on a subagent's messages, which are never the run's answer.
    parent_tool_use_id: schemas/* string */.YjP().nullish().catch(undefined),
    message: schemas/* object */.Ikc({ id: str, content: schemas/* array */.YOg(schemas/* unknown */.L5J()).catch([]) }),
});
const TextBlock = schemas/* object */.Ikc({ type: schemas/* literal */.euz('text'), text: schemas/* string */.YjP() });
const Usage = schemas/* object */.Ikc({
    input_tokens: count,
    cache_creation_input_tokens: count,
    cache_read_input_tokens: count,
    output_tokens: count,
});
const ModelUsage = schemas/* object */.Ikc({
    inputTokens: count,
    cacheCreationInputTokens: count,
    cacheReadInputTokens: count,
    outputTokens: count,
    costUSD: count,
});
const Result = schemas/* object */.Ikc({
    is_error: schemas/* boolean */.zMY().optional().catch(undefined),
    subtype: str,
    result: str,
    errors: schemas/* array */.YOg(schemas/* unknown */.L5J()).optional().catch(undefined),
    terminal_reason: str,
    api_error_status: schemas/* number */.aig().optional().catch(undefined),
    total_cost_usd: count,
    usage: Usage.optional().catch(undefined),
    modelUsage: schemas/* record */.g1P(schemas/* string */.YjP(), ModelUsage).optional().catch(undefined),
});
/** Enough of an error for the journal and the next prompt, not a transcript. */
const MAX_MESSAGE_CHARS = 2000;
function claudeStream() {
    const state = {};
    const lines = new streams_lines/* JsonLines */.k4((event) => {
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
    return { ok: false, failure: { kind: 'error', message, ...(0,causes/* caused */.w9)({ status: result.api_error_status, text: message }) }, ...figures };
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
    const detail = said.length > 0 ? (0,streams_lines/* clip */.$Q)(said.join('; '), MAX_MESSAGE_CHARS) : 'no error text';
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
    const lines = new streams_lines/* JsonLines */.k4((event) => {
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
    const kept = (0,streams_lines/* clip */.$Q)(message, codex_MAX_MESSAGE_CHARS);
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
        return { ok: false, failure: { kind: 'error', message, ...(0,causes/* caused */.w9)({ text: message }) }, ...figures };
    }
    if (state.completed)
        return { ok: true, ...figures };
    const errors = state.errors.length > 0 ? `; errors before the end: ${state.errors.join('; ')}` : '';
    const message = `${lines.missing('turn.completed', 'codex exec --json events')}${errors}`;
    return { ok: false, failure: { kind: 'incomplete', message, ...(0,causes/* caused */.w9)({ text: state.errors.join('; ') }) }, ...figures };
}
/** Codex often repeats the failure as an `error` event first; say each thing once. */
function failedMessage({ failed, errors }) {
    const reason = failed?.message?.trim() ? (0,streams_lines/* clip */.$Q)(failed.message.trim(), codex_MAX_MESSAGE_CHARS) : undefined;
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
    const lines = new streams_lines/* JsonLines */.k4((event) => {
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
    state.end = { kind: 'error', message, ...(0,causes/* caused */.w9)({ status, text: message }) };
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
    const clipped = (0,streams_lines/* clip */.$Q)(text, opencode_MAX_MESSAGE_CHARS);
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
    const lines = new streams_lines/* JsonLines */.k4((event) => {
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
        return { ok: false, failure: { kind: 'error', message: failed, ...(0,causes/* caused */.w9)({ text: last?.errorMessage }) }, ...figures };
    return { ok: true, ...figures };
}
function callError(last, retries) {
    const said = last.errorMessage?.trim();
    const detail = said ? (0,streams_lines/* clip */.$Q)(said, pi_MAX_MESSAGE_CHARS) : 'no errorMessage';
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
