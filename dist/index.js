import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4822:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ describeExit)
/* harmony export */ });
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


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _io_handoff_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6922);
/* harmony import */ var _io_prefetch_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8881);


// Before anything else runs: no process of the user can read a secret in this one's environment.
const env = (0,_io_handoff_js__WEBPACK_IMPORTED_MODULE_0__/* .handOff */ .VW)();
// Git fetches the state branch on one core while Node loads the bundle on the other.
const early = (0,_io_prefetch_js__WEBPACK_IMPORTED_MODULE_1__/* .prefetch */ .y)(env);
await early?.started;
const [{ run }, { ownCommands }] = await Promise.all([Promise.all(/* import() */[__nccwpck_require__.e(377), __nccwpck_require__.e(77)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6077)), __nccwpck_require__.e(/* import() */ 500).then(__nccwpck_require__.bind(__nccwpck_require__, 5119))]);
await run(env, ownCommands, early);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7714:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cy: () => (/* binding */ originIn),
/* harmony export */   Xg: () => (/* binding */ readConfig),
/* harmony export */   b$: () => (/* binding */ readCheckout)
/* harmony export */ });
/* unused harmony exports CheckoutError, plainConfig */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


class CheckoutError extends Error {
    name = 'CheckoutError';
}
const PERSIST_HINT = 'Set "persist-credentials: false" on the actions/checkout step: sensors and commands run in the checkout, and could read it. ' +
    'looop-action authenticates its own git with input github-token, without writing it anywhere.';
/**
 * Why a config entry is a credential that a sensor or command could read, or undefined. The
 * header actions/checkout writes (in .git/config up to v5, in an included file under
 * RUNNER_TEMP from v6), a password in a URL, a credential helper, an SSH key command, or any
 * value holding a known secret.
 */
function credentialIn(key, value, secrets) {
    const name = key.toLowerCase();
    if (/^http\.(.*\.)?extraheader$/.test(name))
        return 'an HTTP header with the token (actions/checkout leaves it when persist-credentials is on)';
    if (/^includeif\..*\.path$|^include\.path$/.test(name) && /git-credentials-[0-9a-f-]+\.config$/i.test(value))
        return "an include of actions/checkout's credentials file";
    if (/\.(url|pushurl|insteadof)$/.test(name) && /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+@/i.test(value) && !/^ssh:/i.test(value))
        return 'a URL with a user name or password in it';
    // A URL is a key too: url.<base>.insteadOf names the base, which may carry a password.
    if (/^(url|http|credential)\.[a-z][a-z0-9+.-]*:\/\/[^/@\s]+@/i.test(key) && !/^url\.ssh:/i.test(key))
        return 'a URL with a user name or password in its name';
    if (secrets.some((secret) => key.includes(secret)))
        return 'a secret the action was given, in its name';
    if (/^credential\.(.*\.)?helper$/.test(name) && value.trim() !== '')
        return 'a credential helper';
    if (name === 'core.sshcommand' && /\s-i\s/.test(value))
        return 'an SSH command with a key file';
    if (secrets.some((secret) => value.includes(secret)))
        return 'a secret the action was given';
    return undefined;
}
/**
 * The checkout's git config, as git reads it: from .git/config when the file states it
 * plainly (no git to start, so the state branch's fetch starts at once), else from git. Only
 * read, nothing is written.
 */
async function readConfig(git, workspace) {
    const plain = plainConfig(workspace);
    if (plain !== undefined)
        return { ok: true, entries: plain };
    // safe.directory: in a container job the checkout may belong to another user; reading its config is all we do.
    const listed = await git.tryRun(['-c', `safe.directory=${workspace}`, 'config', '--list', '-z', '--show-scope'], { cwd: workspace });
    return listed.ok ? { ok: true, entries: entriesOf(listed) } : { ok: false, why: listed.stderr.trim() || 'git config failed' };
}
/** "<scope>\0<key>\n<value>\0" per entry; the action's own "-c" settings are scope "command". */
function entriesOf(listed) {
    const fields = listed.stdout.split('\0');
    return fields
        .flatMap((field, i) => (i % 2 === 1 && fields[i - 1] !== 'command' ? [field] : []))
        .map((entry) => {
        const newline = entry.indexOf('\n');
        return newline < 0 ? { key: entry, value: '' } : { key: entry.slice(0, newline), value: entry.slice(newline + 1) };
    });
}
/** The origin's URL in a listing, unchecked: what a fetch may start with before the checkout is checked. */
function originIn(listing) {
    if (!listing.ok)
        return undefined;
    const url = listing.entries.find(({ key }) => key === 'remote.origin.url')?.value;
    return url === '' ? undefined : url;
}
/** A line of a config file that this reading takes exactly as git does; anything else gives up. */
const CONFIG_LINE = /^(?:$|[#;].*|\[([A-Za-z0-9-]+)(?: "([^"\\]*)")?\]|([A-Za-z][A-Za-z0-9-]*)\s*=\s*([A-Za-z0-9:/._@%+~=*,-]*))$/;
/**
 * The settings of the checkout's .git/config, read without starting git, when the file states
 * them so plainly that git could not read them otherwise; the action's git reads no global or
 * system config, so the file is all of it. Undefined, for git to read, when it holds anything
 * else: an include, a worktree's own config, quoting, escapes, a continued line, a comment after
 * a value, a section in the old dotted syntax, a key without a value, a value with a space, a
 * second origin URL; and where .git is not a plain repository (a worktree's or submodule's
 * file, a commondir).
 */
function plainConfig(workspace) {
    let text;
    try {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workspace, '.git', 'commondir')))
            return undefined;
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workspace, '.git', 'config'), 'utf8');
    }
    catch {
        return undefined;
    }
    const entries = [];
    let prefix;
    for (const line of text.split('\n')) {
        const parsed = CONFIG_LINE.exec(line.trim());
        if (parsed === null)
            return undefined;
        const [, section, subsection, key, value = ''] = parsed;
        if (section !== undefined) {
            if (/^include/i.test(section))
                return undefined;
            prefix = subsection === undefined ? section.toLowerCase() : `${section.toLowerCase()}.${subsection}`;
        }
        else if (key !== undefined) {
            if (prefix === undefined || /^worktreeconfig$/i.test(key))
                return undefined;
            entries.push({ key: `${prefix}.${key.toLowerCase()}`, value });
        }
    }
    // Git takes the last of two; which one a reader means is not plain.
    return entries.filter(({ key }) => key === 'remote.origin.url').length > 1 ? undefined : entries;
}
/**
 * Reads the checkout's origin and refuses a checkout whose git config carries a credential.
 * Only reads: nothing is written to the user's repository. `listed` is the config when it was
 * read already (the entry starts that before the bundle loads).
 */
async function readCheckout(git, workspace, secrets, listed = readConfig(git, workspace)) {
    const listing = await listed;
    if (!listing.ok)
        throw new CheckoutError(`${workspace} is not a git checkout (${listing.why}). Run actions/checkout before this action.`);
    const found = listing.entries.flatMap(({ key, value }) => {
        const why = credentialIn(key, value, secrets);
        return why === undefined ? [] : [`${key} (${why})`];
    });
    if (found.length > 0)
        throw new CheckoutError(`the checkout's git config holds a credential: ${found.join('; ')}. ${PERSIST_HINT}`);
    const url = originIn(listing);
    if (url === undefined)
        throw new CheckoutError(`${workspace} is a git checkout without an "origin" remote. Run actions/checkout before this action.`);
    return { url };
}


/***/ }),

/***/ 2641:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qi: () => (/* binding */ COMMIT_REF),
/* harmony export */   Y8: () => (/* binding */ writeCommits),
/* harmony export */   ob: () => (/* binding */ blobTail),
/* harmony export */   vh: () => (/* binding */ writeAndPush)
/* harmony export */ });
/* unused harmony export quoted */
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7500);
/* harmony import */ var _state_identity_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4243);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _state_tree_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8337);




/**
 * Writing the state branch's commits in a repository of the action's own, without an index or
 * a worktree; and the one read that is not the tree's (io/tree-read.ts): a long file's end.
 */
/** The ref the commits are written to, in the action's own repository (and pushed from). */
const COMMIT_REF = 'refs/looop/commit';
/** Keeps the last `bytes` of what is written to it. */
class TailKeeper extends node_stream__WEBPACK_IMPORTED_MODULE_2__.Writable {
    kept = Buffer.alloc(0);
    seen = 0;
    bytes;
    constructor(bytes) {
        super();
        this.bytes = bytes;
    }
    _write(chunk, _encoding, done) {
        this.seen += chunk.length;
        const joined = Buffer.concat([this.kept, chunk]);
        this.kept = joined.subarray(Math.max(0, joined.length - this.bytes));
        done();
    }
    tail() {
        return Buffer.from(this.kept);
    }
}
/** The last TAIL_BYTES of a blob, which passes through this process only in chunks. */
async function blobTail(git, repo, blob) {
    const keeper = new TailKeeper(_state_tree_js__WEBPACK_IMPORTED_MODULE_3__/* .TAIL_BYTES */ .dd);
    await git.run(['cat-file', 'blob', blob], { cwd: repo, repo, stdoutTo: keeper });
    return { tail: keeper.tail(), size: keeper.seen };
}
/** A path as fast-import reads it: always C-quoted, so no name can break the stream. */
function quoted(path) {
    let escaped = '';
    for (const c of path) {
        const code = c.charCodeAt(0);
        escaped += c === '"' || c === '\\' ? `\\${c}` : code < 0x20 || code === 0x7f ? `\\${code.toString(8).padStart(3, '0')}` : c;
    }
    return `"${escaped}"`;
}
function data(content) {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    return [Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')];
}
/**
 * A blob that is `to` with `text` after it, written by git: the old blob streams from one git
 * into the other and never whole through this process.
 */
async function appendedBlob(git, repo, to, text) {
    const body = new node_stream__WEBPACK_IMPORTED_MODULE_2__.PassThrough();
    const hashing = git.run(['hash-object', '-w', '--stdin'], { cwd: repo, repo, stdin: body });
    try {
        await git.run(['cat-file', 'blob', to], { cwd: repo, repo, stdoutTo: body });
    }
    catch (error) {
        // With an error, so that hash-object's stdin ends and it does not wait out git's timeout.
        body.destroy(error instanceof Error ? error : new Error(String(error)));
        await hashing.catch(() => undefined);
        throw error;
    }
    body.end(text);
    const sha = (await hashing).stdout.trim();
    if (!/^[0-9a-f]{40,64}$/.test(sha))
        throw new Error(`git hash-object did not say which blob it wrote (it printed ${JSON.stringify(sha.slice(0, 200))})`);
    return sha;
}
/**
 * Writes commits from in-memory changes with one `git fast-import`: each on the one before it,
 * the first on its parent. One process, no index, no worktree, the identity in the stream itself
 * (and one more pair of processes for each append to a long file). Returns what each became.
 */
async function writeCommits(git, repo, commits) {
    const { written, result } = await fastImport(git, repo, commits);
    if (written === undefined)
        throw new _git_js__WEBPACK_IMPORTED_MODULE_0__/* .GitError */ .XS(`git fast-import failed: ${result.stderr || 'no message'}`, result.stderr);
    return written;
}
/**
 * Writes a commit as writeCommits does and, in the same process once it is written, runs
 * `push`: a commit and its push cost the action one process to start, not two. The answer is
 * the push's, which does not run when the commit could not be written (that throws).
 */
async function writeAndPush(git, repo, commit, push) {
    const { written, result } = await fastImport(git, repo, [commit], push);
    const [first] = written ?? [];
    // fast-import says each commit as it reads the stream: it may still fail after (a ref it cannot lock, a full disk).
    if (first === undefined || result.firstFailed === true)
        throw new _git_js__WEBPACK_IMPORTED_MODULE_0__/* .GitError */ .XS(`git fast-import failed: ${result.stderr || 'no message'}`, result.stderr);
    return { written: first, pushed: { ...result, stdout: result.stdout.split('\n').slice(1).join('\n') } };
}
/** The commits as written (undefined when fast-import did not say it wrote them all), and git's answer. */
async function fastImport(git, repo, commits, then) {
    const appends = [];
    for (const commit of commits) {
        const appended = new Map();
        for (const change of commit.changes)
            if (change.op === 'append')
                appended.set(change.path, await appendedBlob(git, repo, change.to, change.text));
        appends.push(appended);
    }
    const stream = commits.flatMap((commit, i) => commitStream(commit, i + 1, appends[i] ?? new Map()));
    stream.push(Buffer.from(`\n${commits.map((_, i) => `get-mark :${i + 1}\n`).join('')}done\n`));
    // unpackLimit 0: the pack is kept as written, not unpacked by another process into loose objects.
    const result = await git.tryRun(['-c', 'fastimport.unpackLimit=0', 'fast-import', '--quiet', '--done', '--force'], {
        cwd: repo,
        repo,
        stdin: Buffer.concat(stream),
        ...(then === undefined ? {} : { then: then.args, remote: then.remote }),
    });
    // fast-import answers each get-mark as it reads it, before what runs after it prints anything.
    const shas = result.stdout.split('\n').slice(0, commits.length);
    if (shas.length !== commits.length || !shas.every((sha) => /^[0-9a-f]{40,64}$/.test(sha))) {
        if (!result.ok)
            return { written: undefined, result };
        throw new Error(`git fast-import did not say which commits it wrote (it printed ${JSON.stringify(result.stdout.slice(0, 200))})`);
    }
    return { written: shas.map((sha, i) => ({ sha, appended: appends[i] ?? new Map() })), result };
}
/** One commit of a fast-import stream, marked `mark`: on its parent when first, else on the commit marked before it. */
function commitStream(commit, mark, appended) {
    const when = `${Math.floor(commit.at.getTime() / 1000)} +0000`;
    const from = mark === 1 ? commit.parent : `:${mark - 1}`;
    const stream = [
        Buffer.from(`commit ${COMMIT_REF}\nmark :${mark}\ncommitter ${_state_identity_js__WEBPACK_IMPORTED_MODULE_1__/* .LOOP_IDENTITY */ .e.name} <${_state_identity_js__WEBPACK_IMPORTED_MODULE_1__/* .LOOP_IDENTITY */ .e.email}> ${when}\n`),
        ...data(commit.message),
        Buffer.from(from === undefined ? '' : `from ${from}\n`),
    ];
    for (const change of commit.changes) {
        const mode = change.op === 'delete' ? '' : change.executable ? '100755' : '100644';
        if (change.op === 'delete')
            stream.push(Buffer.from(`D ${quoted(change.path)}\n`));
        else if (change.op === 'append')
            stream.push(Buffer.from(`M ${mode} ${appended.get(change.path) ?? ''} ${quoted(change.path)}\n`));
        else
            stream.push(Buffer.from(`M ${mode} inline ${quoted(change.path)}\n`), ...data(change.content));
    }
    return stream;
}


/***/ }),

/***/ 7500:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   XS: () => (/* binding */ GitError),
/* harmony export */   lD: () => (/* binding */ createGit)
/* harmony export */ });
/* unused harmony export GitMissingError */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6397);
/* harmony import */ var _programs_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7279);
/* harmony import */ var _state_identity_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4243);




/**
 * The credential helper git runs when a server asks for a password: it prints the user name and
 * copies what the action wrote to file descriptor 3. The token is never in a config file, in
 * git's environment or in any command line, all of which other processes of the user can read.
 * It answers only the host of the URL the action named (the first line on descriptor 3): a
 * repository config rewritten meanwhile (an `insteadOf` to another host) gets no token.
 */
const CREDENTIAL_HELPER = '!f() { test "$1" = get || return 0; host=; while IFS= read -r line && test -n "$line"; do case "$line" in host=*) host="${line#host=}";; esac; done; IFS= read -r want <&3; test -n "$want" && test "$host" = "$want" || return 0; echo username=x-access-token; IFS= read -r line <&3; printf "%s\\n" "$line"; }; f';
/** The host of an http(s) URL: the only one the token is for ('' for another kind of URL, which gets none). */
function tokenHost(url) {
    if (!/^https?:\/\//.test(url))
        return '';
    try {
        return new URL(url).host;
    }
    catch {
        return '';
    }
}
/**
 * Settings passed with every git command. No hooks, fsmonitor or signing: they would run code
 * or prompt inside the loop's own git. Helpers from any config are dropped before ours is set.
 */
const perCommandConfig = [
    'core.hooksPath=/dev/null',
    'core.fsmonitor=false',
    'commit.gpgsign=false',
    'tag.gpgsign=false',
    'advice.detachedHead=false',
    'core.quotePath=false',
    'protocol.ext.allow=never',
    'maintenance.auto=false',
    'gc.auto=0',
    'credential.helper=',
    `credential.helper=${CREDENTIAL_HELPER}`,
].flatMap((setting) => ['-c', setting]);
const GIT_TIMEOUT_MS = 120_000;
class GitError extends Error {
    name = 'GitError';
    stderr;
    constructor(message, stderr) {
        super(message);
        this.stderr = stderr;
    }
}
/** How CHAIN ends when its first command failed: git itself exits with 1, 128 or 129, never this. */
const FIRST_FAILED = 125;
/**
 * Runs its first N arguments as a command and, when that succeeds, the rest (when it fails,
 * exits FIRST_FAILED): POSIX sh has no arrays, so the first command is rebuilt from positional
 * parameters by number (only "${k}" references are evaluated, never an argument's text).
 */
const CHAIN = String.raw `n=$1; shift; first=; i=1; while [ "$i" -le "$n" ]; do first="$first \"\${$i}\""; i=$((i + 1)); done; eval "$first" || exit ${String(FIRST_FAILED)}; shift "$n"; exec "$@"`;
class GitMissingError extends Error {
    name = 'GitMissingError';
}
function createGit(options) {
    const git = (0,_programs_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveProgram */ .d)('git', options.env);
    if (git === undefined)
        throw new GitMissingError('git is not on PATH: the action needs git (GitHub\'s runners have it; in a container job, install it before this step)');
    const base = gitEnvironment(options.env, node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(git));
    const tryRun = async (args, call) => {
        const command = [...perCommandConfig, ...args];
        const exit = await (0,_process_js__WEBPACK_IMPORTED_MODULE_1__/* .runProcess */ .R)({
            ...(call.then === undefined
                ? { file: git, args: command }
                : { file: '/bin/sh', args: ['-c', CHAIN, 'looop-git', String(command.length + 1), git, ...command, git, ...perCommandConfig, ...call.then] }),
            ...(call.maxStdoutBytes === undefined ? {} : { maxStdoutBytes: call.maxStdoutBytes }),
            cwd: call.cwd,
            env: call.repo === undefined ? base : { ...base, GIT_DIR: call.repo, GIT_COMMON_DIR: call.repo },
            timeoutMs: GIT_TIMEOUT_MS,
            ...(call.stdin === undefined ? {} : { stdin: call.stdin }),
            ...(call.stdoutTo === undefined ? {} : { stdoutTo: call.stdoutTo }),
            ...(call.remote !== undefined && options.token !== undefined ? { secretFd: `${tokenHost(call.remote)}\npassword=${options.token}\n` } : {}),
        });
        // stdout stays undecoded until read (see runProcess).
        if (exit.code === 0)
            return { ok: true, get stdout() { return exit.stdout; }, stdoutBytes: exit.stdoutBytes, stderr: exit.stderrTail };
        const why = exit.code === null || exit.spawnError !== undefined ? ` (${(0,_process_js__WEBPACK_IMPORTED_MODULE_1__/* .describeExit */ .K)(exit, GIT_TIMEOUT_MS)})` : '';
        const firstFailed = call.then !== undefined && exit.code === FIRST_FAILED;
        return { ok: false, get stdout() { return exit.stdout; }, stdoutBytes: exit.stdoutBytes, stderr: `${exit.stderrTail.trim()}${why}`, ...(firstFailed ? { firstFailed } : {}) };
    };
    return {
        tryRun,
        async run(args, call) {
            const result = await tryRun(args, call);
            if (!result.ok) {
                throw new GitError(`git ${args.join(' ')} failed: ${result.stderr || 'no message'}`, result.stderr);
            }
            return result;
        },
    };
}
/** What git may take from the step's environment: where certificates are, proxies, locale. */
const passed = /^(TMPDIR|TZ|LANG|LANGUAGE|LC_[A-Z]+|https?_proxy|HTTPS?_PROXY|no_proxy|NO_PROXY|all_proxy|ALL_PROXY|SSL_CERT_FILE|SSL_CERT_DIR|CURL_CA_BUNDLE|GIT_SSL_CAINFO|GIT_SSL_CAPATH)$/;
/**
 * An allowlist, so no GIT_* variable (GIT_DIR, GIT_SSH_COMMAND, GIT_CONFIG_PARAMETERS…) and no
 * secret passes; global and system config are off, and git never stops to ask for anything.
 * HOME is /dev/null: a home nobody can put a .gitconfig, .netrc or .ssh/config into. PATH is
 * git's own folder and the system's: the credential helper uses shell builtins only, and
 * nothing git starts is looked up where a sensor could have put a program.
 */
function gitEnvironment(env, gitDir) {
    const out = {};
    for (const [name, value] of Object.entries(env)) {
        if (value !== undefined && passed.test(name))
            out[name] = value;
    }
    return {
        ...out,
        PATH: [...new Set([gitDir, '/usr/bin', '/bin'])].join(':'),
        HOME: '/dev/null',
        XDG_CONFIG_HOME: '/dev/null',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_TERMINAL_PROMPT: '0',
        GIT_ASKPASS: 'true',
        GIT_EDITOR: 'true',
        LC_ALL: 'C',
    };
}


/***/ }),

/***/ 6922:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   VW: () => (/* binding */ handOff)
/* harmony export */ });
/* unused harmony exports HandoffError, scrubInPlace */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _proc_stat_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4557);





/**
 * The step starts the action with its secrets in the environment (the token as
 * INPUT_GITHUB-TOKEN, API keys, the runner's own tokens), and any process of the same user can
 * read a process's initial environment through /proc/<pid>/environ. So before anything else
 * runs, the action takes its environment into memory and leaves nothing secret where /proc
 * shows it.
 *
 * On Linux it overwrites its own initial environment in place: /proc/<pid>/environ is the
 * memory between the kernel's env_start and env_end, which the process may write through
 * /proc/self/mem, and it checks that /proc then shows nothing. Where that cannot be done (not
 * Linux, or a kernel that refuses), it replaces itself (execve, same pid) with a process whose
 * environment holds nothing secret; the environment travels in a file encrypted with a key
 * that only the new process's environment holds, read and deleted at once, and a file left by
 * a kill at the wrong moment is noise, its key gone with the process. Either way no sensor,
 * command or runner has started yet.
 */
const HANDOFF = 'LOOOP_HANDOFF';
/**
 * What the process keeps in its own environment: where things are, never a secret. The step's
 * file commands (GITHUB_OUTPUT, GITHUB_ENV…) are not among them: they come back in memory only
 * (see FILE_COMMANDS), so a sensor reading its parent's environment does not learn where to
 * forge outputs.
 */
const KEPT = /^(PATH|HOME|USER|LOGNAME|SHELL|TMPDIR|TZ|LANG|LANGUAGE|LC_[A-Z]+|TERM|CI|RUNNER_(OS|ARCH|NAME|TEMP|ENVIRONMENT|DEBUG)|GITHUB_ACTIONS|https?_proxy|HTTPS?_PROXY|no_proxy|NO_PROXY|NODE_USE_ENV_PROXY|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR)$/;
/** The variables @actions/core reads from process.env to write the step's outputs and summary. */
const FILE_COMMANDS = ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH'];
class HandoffError extends Error {
    name = 'HandoffError';
}
/**
 * Returns the step's environment, which from then on lives in memory only. When it cannot be
 * scrubbed in place, the step's process saves it and re-executes (and does not return); the
 * re-executed one returns it.
 */
function handOff(env = process.env, scrub = scrubInPlace) {
    const sealed = env[HANDOFF];
    if (sealed !== undefined)
        return receive(sealed);
    const saved = { ...env };
    if (scrub(saved))
        return saved;
    return reExecute(saved);
}
/** The kernel's bounds of this process's initial environment (fields 50 and 51 of /proc/self/stat), or undefined. */
function environmentBounds() {
    const field = (0,_proc_stat_js__WEBPACK_IMPORTED_MODULE_4__/* .procStat */ .j)('self');
    const [start, end] = [Number(field(50)), Number(field(51))];
    return Number.isSafeInteger(start) && Number.isSafeInteger(end) && start > 0 && end > start ? { start, end } : undefined;
}
/**
 * Overwrites the initial environment where /proc shows it, and keeps in the process's own
 * environment only what KEPT and FILE_COMMANDS name. False, with nothing changed, when this is
 * not Linux or the kernel refuses; false after the change when /proc still shows anything, and
 * then the caller re-executes.
 */
function scrubInPlace(env) {
    if (process.platform !== 'linux')
        return false;
    let memory;
    let bounds;
    try {
        bounds = environmentBounds();
        memory = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)('/proc/self/mem', 'r+');
    }
    catch {
        return false;
    }
    try {
        if (bounds === undefined)
            return false;
        // libc's list of variables points into that memory: it is emptied first, so nothing reads what is overwritten.
        for (const name of Object.keys(process.env))
            Reflect.deleteProperty(process.env, name);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeSync)(memory, Buffer.alloc(bounds.end - bounds.start), 0, bounds.end - bounds.start, bounds.start);
    }
    catch {
        return false;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(memory);
        keepOnly(env);
    }
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)('/proc/self/environ').every((byte) => byte === 0);
}
/** The process's own environment becomes the kept variables and the file commands. */
function keepOnly(env) {
    for (const name of Object.keys(process.env))
        Reflect.deleteProperty(process.env, name);
    for (const [name, value] of Object.entries(env))
        if (value !== undefined && KEPT.test(name))
            process.env[name] = value;
    for (const name of FILE_COMMANDS) {
        const value = env[name];
        if (value !== undefined)
            process.env[name] = value;
    }
}
function reExecute(env) {
    if (typeof process.execve !== 'function') {
        throw new HandoffError(`looop-action needs Node.js 24 on Linux or macOS (process.execve); this is Node.js ${process.version} on ${process.platform}`);
    }
    const key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(32);
    const iv = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(12);
    const cipher = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createCipheriv)('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(env), 'utf8'), cipher.final()]);
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(env.RUNNER_TEMP ?? node_os__WEBPACK_IMPORTED_MODULE_2___default().tmpdir(), 'looop-handoff-'));
    const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'env');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(file, Buffer.concat([iv, cipher.getAuthTag(), body]), { flag: 'wx', mode: 0o600 });
    const clean = { [HANDOFF]: `${file}#${key.toString('base64url')}` };
    for (const [name, value] of Object.entries(env))
        if (value !== undefined && KEPT.test(name))
            clean[name] = value;
    process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], clean);
    throw new HandoffError('process.execve returned');
}
/** Only a file this action could have written is read, and only its folder is ever removed. */
function isOurs(file) {
    if (node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(file) !== 'env' || !node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(file)).startsWith('looop-handoff-'))
        return false;
    try {
        const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(file);
        return info.isFile() && (info.mode & 0o077) === 0 && info.uid === process.getuid?.();
    }
    catch {
        return false;
    }
}
function receive(sealed) {
    const at = sealed.lastIndexOf('#');
    const file = sealed.slice(0, Math.max(0, at));
    if (at < 0 || !isOurs(file))
        throw new HandoffError(`${HANDOFF} is the action's own variable, and ${JSON.stringify(file)} is not the file it writes; do not set it in the workflow`);
    try {
        const data = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file);
        const decipher = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createDecipheriv)('aes-256-gcm', Buffer.from(sealed.slice(at + 1), 'base64url'), data.subarray(0, 12));
        decipher.setAuthTag(data.subarray(12, 28));
        const env = JSON.parse(Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8'));
        keepOnly(env);
        return env;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(file), { recursive: true, force: true });
    }
}


/***/ }),

/***/ 8881:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ prefetch)
/* harmony export */ });
/* harmony import */ var _checkout_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7714);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7500);
/* harmony import */ var _scratch_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6386);
/* harmony import */ var _state_branch_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5758);




/** Names a branch can have (the settings check them again, and more closely). */
const BRANCH = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;
function input(env, name) {
    const value = env[`INPUT_${name.toUpperCase()}`]?.trim();
    return value === undefined || value === '' ? undefined : value;
}
/** Git as the beat makes it; undefined without git on PATH (the beat says so itself). */
function gitOf(env, token) {
    try {
        return (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .createGit */ .lD)({ env, ...(token === undefined ? {} : { token }) });
    }
    catch {
        return undefined;
    }
}
/**
 * Starts the fetch a beat is about to make, or undefined when the step is not a beat that would.
 * With the checkout's origin read from its config file, git fetches at once; otherwise git
 * reads the config first.
 */
function prefetch(env) {
    const branch = input(env, 'state-branch') ?? 'loop-state';
    if ((input(env, 'mode') ?? 'beat') !== 'beat' || !BRANCH.test(branch) || branch.includes('..'))
        return undefined;
    const token = input(env, 'github-token');
    const git = gitOf(env, token);
    if (git === undefined)
        return undefined;
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    let scratch;
    try {
        scratch = (0,_scratch_js__WEBPACK_IMPORTED_MODULE_2__/* .makeScratch */ .lP)(env);
    }
    catch {
        // The beat makes its own and says what stands in the way.
        return undefined;
    }
    let begun = () => undefined;
    const started = new Promise((resolve) => {
        begun = resolve;
    });
    const fetch = (url) => (url === undefined ? Promise.resolve(undefined) : (0,_state_branch_js__WEBPACK_IMPORTED_MODULE_3__/* .fetchTip */ .mC)({ git, url, branch }, scratch.dir, begun));
    // A plain config file is read at once, and git starts fetching before the bundle loads.
    const config = (0,_checkout_js__WEBPACK_IMPORTED_MODULE_0__/* .readConfig */ .Xg)(git, workspace);
    const tip = config.then((listing) => fetch((0,_checkout_js__WEBPACK_IMPORTED_MODULE_0__/* .originIn */ .Cy)(listing))).finally(begun);
    // What the beat does not wait for must not end the process as an unhandled rejection.
    for (const promise of [config, tip])
        promise.catch(() => undefined);
    return {
        workspace,
        branch,
        token,
        config,
        started,
        tip,
        dispose: async () => {
            await tip.catch(() => undefined);
            await scratch[Symbol.asyncDispose]();
        },
    };
}


/***/ }),

/***/ 4557:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ procStat)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * A process's /proc/<pid>/stat, each field by the number proc(5) gives it (1 is the pid). The
 * command's name (field 2) may hold spaces and parentheses: the fields after it are counted from
 * its last ")". Throws when /proc has no such process.
 */
function procStat(pid) {
    const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${String(pid)}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).trim().split(' ');
    return (field) => fields[field - 3];
}


/***/ }),

/***/ 6397:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* reexport safe */ _beat_exit_js__WEBPACK_IMPORTED_MODULE_0__.K),
/* harmony export */   R: () => (/* binding */ runProcess)
/* harmony export */ });
/* harmony import */ var _beat_exit_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4822);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_1__);


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
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_1__.spawn)(request.file, [...request.args], {
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

/***/ 7279:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ resolveProgram)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * A program's absolute path, looked up on PATH once, when the action starts. Sensors and
 * commands run as the same user and could put a `git` or `claude` of their own early on PATH
 * (a user-writable ~/.local/bin); found before any of them ran, the action's programs are the
 * ones that were there when the step began.
 */
function resolveProgram(name, env) {
    if (name.includes('/'))
        return name;
    for (const dir of (env.PATH ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_1___default().delimiter))) {
        if (dir === '' || !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(dir))
            continue;
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(candidate, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(candidate).isFile())
                return candidate;
        }
        catch {
            // Not here: the next folder on PATH.
        }
    }
    return undefined;
}


/***/ }),

/***/ 6386:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   dM: () => (/* binding */ removeTree),
/* harmony export */   l3: () => (/* binding */ roomHint),
/* harmony export */   lP: () => (/* binding */ makeScratch)
/* harmony export */ });
/* unused harmony exports MEMORY_DIR, TMPFS_MAGIC, MIN_FREE_BYTES, MIN_FREE_INODES, memoryBase, sweep, mountOptionsIn, realProbe */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



const MEMORY_DIR = '/dev/shm';
const TMPFS_MAGIC = 0x01021994;
/**
 * Below this much free, the beat stays on disk: Docker gives a container job 64 MiB of
 * /dev/shm, and a state's repository and files must not run a memory filesystem out of room.
 */
const MIN_FREE_BYTES = 512 * 1024 * 1024;
/** A tmpfs can run out of inodes before bytes (its nr_inodes): a beat makes one a state file. */
const MIN_FREE_INODES = 65_536;
/** `dir` when it is a tmpfs this process may write in, where folder names can say whose they are. */
function memoryFs(probe, dir) {
    if (process.platform !== 'linux')
        return undefined;
    const namespace = probe.pidNamespace();
    const fs = probe.statfs(dir);
    if (namespace === undefined || fs?.type !== TMPFS_MAGIC || !probe.writable(dir))
        return undefined;
    const options = probe.mountOptions(dir);
    const fit = fs.freeBytes >= MIN_FREE_BYTES && fs.freeInodes >= MIN_FREE_INODES && options !== undefined && !options.includes('noexec');
    return { dir, namespace, fit };
}
/** /dev/shm when a beat may keep its scratch there now, with the namespace its folders are named for. */
function memoryBase(probe = realProbe, dir = MEMORY_DIR) {
    const memory = memoryFs(probe, dir);
    return memory?.fit === true ? { dir: memory.dir, namespace: memory.namespace } : undefined;
}
/** Every scratch folder this process made, for an error that says where the room ran out. */
const made = [];
/**
 * The beat's scratch folder, made at once (the entry makes one before the bundle loads). Killed
 * beats' folders are swept first, even when memory is now too short for this one: they are
 * what may have made it short.
 */
function makeScratch(env, places = { probe: realProbe, memoryDir: MEMORY_DIR }) {
    const memory = memoryFs(places.probe, places.memoryDir);
    if (memory !== undefined)
        sweepOnce(memory);
    const inMemory = memory?.fit === true ? inMemoryFolder(memory) : undefined;
    return scratchAt(inMemory ?? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(env.RUNNER_TEMP ?? node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(), 'looop-')), inMemory !== undefined);
}
/** A folder made in memory, or undefined when it cannot be made there (full since the check). */
function inMemoryFolder(memory) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(memory.dir, `looop-${memory.namespace}-${String(process.pid)}-`));
    }
    catch {
        return undefined;
    }
}
/** The scratch at `dir`; one in memory is also removed on the signals that end a step. */
function scratchAt(dir, inMemory) {
    made.push(dir);
    if (inMemory) {
        live.add(dir);
        watchSignals();
    }
    return {
        dir,
        [Symbol.asyncDispose]: () => {
            removeTree(dir);
            live.delete(dir);
            return Promise.resolve();
        },
    };
}
/** Memory filesystems whose killed beats' folders this process swept: a beat makes two scratch folders (the entry's and its own), and sweeps once. */
const swept = new Set();
function sweepOnce(memory) {
    if (swept.has(memory.dir))
        return;
    swept.add(memory.dir);
    sweep(memory.dir, memory.namespace);
}
/**
 * What to add to an error's message when the disk or memory the beat writes in was full: where
 * its files were, and what decides the place.
 */
function roomHint(error) {
    const code = error?.code;
    if (code !== 'ENOSPC' && code !== 'EDQUOT')
        return '';
    return (` (the beat's scratch folder: ${made.join(', ') || 'not made yet'}. It is in ${MEMORY_DIR} when that has ` +
        `${String(MIN_FREE_BYTES / 1024 ** 2)} MiB free as the beat starts, else under RUNNER_TEMP: a sensor or command may have filled it, or the state is larger than the room)`);
}
/**
 * Removed in one call (fs.promises.rm walks a tree from JavaScript, four times slower for a
 * thousand files). A folder a sensor made read-only inside it is made writable first: the
 * scratch and the view in it are the action's to remove, whatever was planted in them.
 */
function removeTree(dir) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
    }
    catch {
        writableFolders(dir);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
    }
}
/** Every folder under `dir` (links are not followed) made writable by this user. */
function writableFolders(dir) {
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir).isDirectory())
            return;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(dir, 0o700);
        for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true }))
            if (entry.isDirectory())
                writableFolders(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, entry.name));
    }
    catch {
        // Not ours to change: the removal that follows says so.
    }
}
/** Scratch folders in memory that this process has not yet removed. */
const live = new Set();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let watching = false;
/**
 * A signal that ends the beat first removes what it holds in memory, then ends the process as
 * the signal would have (the runner reads how its step ended). The kernel ignores such a signal
 * sent to the first process of a pid namespace (a container's main process): that one exits
 * with the shell's code for it instead.
 */
function watchSignals() {
    if (watching)
        return;
    watching = true;
    const handler = (signal) => {
        for (const dir of live) {
            try {
                removeTree(dir);
            }
            catch (error) {
                process.stderr.write(`looop: could not remove the scratch folder ${dir}: ${error instanceof Error ? error.message : String(error)}\n`);
            }
        }
        live.clear();
        // With no listener left, Node gives the signal back its default: the kill ends the process.
        for (const watched of SIGNALS)
            process.removeListener(watched, handler);
        if (process.pid === 1)
            process.exit(128 + (node_os__WEBPACK_IMPORTED_MODULE_1___default().constants).signals[signal]);
        process.kill(process.pid, signal);
    };
    for (const signal of SIGNALS)
        process.on(signal, handler);
}
const OWNED = /^looop-(\d+)-(\d+)-[A-Za-z0-9]{6}$/;
/**
 * Removes the scratch folders of beats of this pid namespace whose process is gone (a SIGKILL,
 * an out-of-memory kill). A folder of a live process, of another namespace (whose pids mean
 * other processes) or of another user is left alone.
 */
function sweep(base, namespace) {
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(base);
    }
    catch {
        return;
    }
    const uid = process.getuid?.();
    for (const name of names) {
        const match = OWNED.exec(name);
        if (match?.[1] !== namespace || isAlive(Number(match[2])))
            continue;
        const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(base, name);
        try {
            const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir);
            if (info.isDirectory() && info.uid === uid)
                removeTree(dir);
        }
        catch {
            // Another beat removed it first, or it is not ours to remove: either way, not this beat's concern.
        }
    }
}
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        // EPERM: a process of another user holds the pid.
        return error.code !== 'ESRCH';
    }
}
/** Per-mount options of the last mount at `dir` in /proc/self/mountinfo (proc(5): the fifth field is the mount point, the sixth its options). */
function mountOptionsIn(mountinfo, dir) {
    let options;
    for (const line of mountinfo.split('\n')) {
        const fields = line.split(' ');
        if (fields[4] === dir && fields[5] !== undefined)
            options = fields[5].split(',');
    }
    return options;
}
const realProbe = {
    statfs(dir) {
        try {
            const fs = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statfsSync)(dir);
            // A tmpfs mounted without a limit (size=0, nr_inodes=0) reports no blocks or inodes at all.
            return { type: fs.type, freeBytes: fs.blocks === 0 ? Infinity : fs.bavail * fs.bsize, freeInodes: fs.files === 0 ? Infinity : fs.ffree };
        }
        catch {
            return undefined;
        }
    },
    mountOptions(dir) {
        try {
            return mountOptionsIn((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)('/proc/self/mountinfo', 'utf8'), dir);
        }
        catch {
            return undefined;
        }
    },
    writable(dir) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(dir, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.W_OK | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
            return true;
        }
        catch {
            return false;
        }
    },
    pidNamespace() {
        try {
            return /^pid:\[(\d+)\]$/.exec((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)('/proc/self/ns/pid'))?.[1];
        }
        catch {
            return undefined;
        }
    },
};


/***/ }),

/***/ 5758:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* reexport */ state_fetch/* StateBranchError */.a),
  mC: () => (/* binding */ fetchTip),
  O9: () => (/* binding */ materialize),
  Iw: () => (/* binding */ openStateBranch)
});

// EXTERNAL MODULE: ./src/state/layout.ts
var layout = __nccwpck_require__(1719);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __nccwpck_require__(8500);
// EXTERNAL MODULE: ./src/io/git.ts
var git = __nccwpck_require__(7500);
// EXTERNAL MODULE: ./src/io/scratch.ts
var scratch = __nccwpck_require__(6386);
// EXTERNAL MODULE: ./src/io/state-fetch.ts
var state_fetch = __nccwpck_require__(9992);
// EXTERNAL MODULE: ./src/io/git-tree.ts
var git_tree = __nccwpck_require__(2641);
;// CONCATENATED MODULE: ./src/io/replica.ts


/** The objects of a repository just fetched into: everything under objects/, and the shallow list. */
function captureReplica(repo, base, filtered) {
    const files = new Map();
    for (const entry of (0,external_node_fs_.readdirSync)(external_node_path_default().join(repo, 'objects'), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile())
            continue;
        const file = external_node_path_default().relative(repo, external_node_path_default().join(entry.parentPath, entry.name));
        files.set(file, (0,external_node_fs_.readFileSync)(external_node_path_default().join(repo, file)));
    }
    try {
        files.set('shallow', (0,external_node_fs_.readFileSync)(external_node_path_default().join(repo, 'shallow')));
    }
    catch {
        // A fetch of a branch's only commit leaves no shallow list.
    }
    return { files, base, filtered, commits: [] };
}
/** A replica of a branch this beat seeded: nothing fetched, its one commit written again. */
function seededReplica(seed) {
    return { files: new Map(), base: undefined, filtered: false, commits: [seed] };
}
function withCommit(replica, commit) {
    return { ...replica, commits: [...replica.commits, commit] };
}
/**
 * Writes the replica's objects into a new, empty repository; returns the commits to write again
 * on them, in one stream with the next (io/git-tree.ts): the same changes give the same commits.
 */
function writeReplica(repo, replica) {
    for (const [file, content] of replica.files) {
        (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(external_node_path_default().join(repo, file)), { recursive: true });
        (0,external_node_fs_.writeFileSync)(external_node_path_default().join(repo, file), content, { flag: 'wx' });
    }
    return replica.commits;
}

// EXTERNAL MODULE: ./src/io/tree-read.ts
var tree_read = __nccwpck_require__(27);
// EXTERNAL MODULE: ./src/state/record.ts
var state_record = __nccwpck_require__(388);
// EXTERNAL MODULE: ./src/state/tree.ts
var state_tree = __nccwpck_require__(8337);
// EXTERNAL MODULE: ./src/state/journal.ts
var journal = __nccwpck_require__(8742);
// EXTERNAL MODULE: ./src/text/yaml.ts
var yaml = __nccwpck_require__(9816);
;// CONCATENATED MODULE: ./src/io/state-branch.ts















const DEFAULT_PUSH_ATTEMPTS = 6;

async function openStateBranch(options) {
    const early = await adopted(options);
    const view = early?.view ?? (await (0,promises_.mkdtemp)(external_node_path_default().join(options.tempDir, 'view-')));
    try {
        let fetched = early === undefined ? await (0,state_fetch/* withRepo */.vf)(options.tempDir, (repo) => fetchTree(options, repo)) : early.head;
        // A tip read early is in its view already.
        let written = fetched !== undefined && early !== undefined;
        if (fetched !== undefined && !fetched.tree.has(layout/* PLAYBOOK_FILE */.Ld) && !fetched.tree.has(layout/* JOURNAL_FILE */.RD)) {
            throw new state_fetch/* StateBranchError */.a(`the branch "${options.branch}" (input state-branch) exists but is not a state branch: it has no PLAYBOOK.md and no journal.md. ` +
                'The loop writes its journal and records there: name a branch of its own (the default is loop-state).');
        }
        let seeded = false;
        const template = fetched === undefined ? await templateOf(options) : new Map();
        for (let attempt = 1; fetched === undefined; attempt++) {
            seeded = true;
            if (options.dryRun)
                break;
            // The seed is pushed at once: of several first beats one seeds, and the others load its branch.
            const seed = { changes: seedChanges(template), message: 'looop: seed the state branch from loop-state/', at: options.now() };
            const sha = await (0,state_fetch/* withRepo */.vf)(options.tempDir, async (repo) => {
                const written = await pushCommit(options, repo, seed);
                return typeof written === 'string' ? undefined : written.sha;
            });
            if (sha !== undefined) {
                fetched = { sha, tree: template, replica: seededReplica(seed) };
                break;
            }
            seeded = false;
            fetched = await (0,state_fetch/* withRepo */.vf)(options.tempDir, (repo) => fetchTree(options, repo));
            written = false;
            if (attempt >= state_fetch/* FETCH_ATTEMPTS */.CB && fetched === undefined)
                throw new state_fetch/* StateBranchError */.a(`could not seed or read the state branch "${options.branch}"`);
        }
        if (!written)
            await materialize(fetched?.tree ?? template, view);
        return stateBranch(options, fetched, seeded, view, template);
    }
    catch (error) {
        (0,scratch/* removeTree */.dM)(view);
        throw error;
    }
}
/**
 * Fetches the branch's tip and writes its view, in a new folder under `dir`: a beat's first git
 * work, which the entry starts before the bundle loads. `fetching` is told when git has begun.
 */
async function fetchTip(remote, dir, fetching) {
    // Made at once, so git starts before anything else waits on the event loop.
    const view = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(dir, 'view-'));
    const head = await (0,state_fetch/* withRepo */.vf)(dir, (repo) => fetchTree(remote, repo, fetching));
    if (head !== undefined)
        await materialize(head.tree, view);
    return { url: remote.url, view, head };
}
/** The tip read early, when it is of this origin; one of another is thrown away. */
async function adopted(options) {
    const early = await options.prefetched;
    if (early === undefined || early.url === options.url)
        return early;
    (0,scratch/* removeTree */.dM)(early.view);
    return undefined;
}
/** The seed, built only for a branch that is missing: a beat on an existing branch never needs it. */
async function templateOf(options) {
    return typeof options.template === 'function' ? options.template() : options.template;
}
function seedChanges(template) {
    return [...template].flatMap(([file, entry]) => (entry.kind === 'file' ? [{ op: 'write', path: file, content: entry.content, executable: entry.executable }] : []));
}
function stateBranch(options, start, seeded, view, template) {
    let head = start;
    let tree = start?.tree ?? template;
    return {
        seeded,
        view,
        tree: () => tree,
        async commit(record) {
            const attempts = options.maxPushAttempts ?? DEFAULT_PUSH_ATTEMPTS;
            return (0,state_fetch/* withRepo */.vf)(options.tempDir, async (repo) => {
                // The first try writes on the head as the beat holds it, from the objects it holds; when
                // that cannot be done it fetches instead, in the same try. A refused push fetches the head that won.
                let replaying = true;
                for (let attempt = 1; attempt <= attempts; attempt++) {
                    const replay = replaying && attempt === 1 ? replayable(repo, head, record) : undefined;
                    const remote = replay === undefined ? await (0,state_fetch/* fetchHead */.FY)(options, repo) : head?.sha;
                    if (remote === undefined && head !== undefined) {
                        throw new state_fetch/* StateBranchError */.a(`the state branch "${options.branch}" was deleted while this beat ran; its record was not saved, and the next beat seeds the branch again`);
                    }
                    if (remote !== undefined && replay === undefined) {
                        // A fetch brings the head's objects whole: the beat's next records are written from them.
                        const replica = captureReplica(repo, remote, false);
                        if (remote === head?.sha)
                            head = { ...head, replica };
                        else {
                            head = { sha: remote, tree: (await (0,tree_read/* readTree */.Zc)(options.git, repo, remote, { tails: TAILS })).tree, replica };
                            // The record's writes read what another beat or a person wrote: YAML, perhaps.
                            await (0,yaml/* loadYaml */.yv)();
                        }
                    }
                    if (head !== undefined && record.journal.length > 0)
                        head = { ...head, tree: await withJournalEnd(options.git, repo, head.tree) };
                    const base = head?.tree ?? template;
                    const applied = (0,state_tree/* applyRecord */.S7)(base, record);
                    const changes = head === undefined ? seedChanges(applied.tree) : applied.changes;
                    if (changes.length === 0)
                        return { sha: undefined, attempts: attempt - 1 };
                    const next = { ...(head === undefined ? {} : { parent: head.sha }), changes, message: record.message, at: options.now() };
                    const written = await pushCommit(options, repo, next, replay);
                    if (written === 'replay failed') {
                        replaying = false;
                        attempt -= 1;
                        continue;
                    }
                    if (written !== 'moved') {
                        const replica = head?.replica === undefined ? undefined : withCommit(head.replica, next);
                        head = { sha: written.sha, tree: withBlobs(applied.tree, written.appended), ...(replica === undefined ? {} : { replica }) };
                        tree = head.tree;
                        return { sha: written.sha, attempts: attempt };
                    }
                    // Another beat landed first: the next pass fetches its head and writes this record again on top.
                    await (0,external_node_timers_promises_.setTimeout)(50 * attempt + Math.random() * 100 * attempt);
                }
                throw new state_fetch/* StateBranchError */.a(`gave up pushing to "${options.branch}" after ${attempts} attempts: other pushes kept landing first. ` +
                    ((0,state_record/* isEmptyRecord */.DM)(record) ? '' : "This beat's record was not saved; the next beat senses again."));
            });
        },
        async journalTail() {
            const read = head;
            if (read === undefined || !(0,state_tree/* isUnread */.KJ)(tree, layout/* JOURNAL_FILE */.RD))
                return (0,journal/* journalLines */.nQ)((0,state_tree/* endOf */.pJ)(tree, layout/* JOURNAL_FILE */.RD));
            return (0,state_fetch/* withRepo */.vf)(options.tempDir, async (repo) => {
                const remote = await (0,state_fetch/* fetchHead */.FY)(options, repo);
                if (remote === read.sha) {
                    tree = await withJournalEnd(options.git, repo, read.tree);
                    head = { sha: read.sha, tree, replica: captureReplica(repo, remote, false) };
                    return (0,journal/* journalLines */.nQ)((0,state_tree/* endOf */.pJ)(tree, layout/* JOURNAL_FILE */.RD));
                }
                // The branch moved meanwhile: its journal's last lines as they now stand.
                const now = remote === undefined ? undefined : (await (0,tree_read/* readTree */.Zc)(options.git, repo, remote, { tails: TAILS })).tree;
                return (0,journal/* journalLines */.nQ)(now === undefined ? null : (0,state_tree/* endOf */.pJ)(now, layout/* JOURNAL_FILE */.RD));
            });
        },
        [Symbol.asyncDispose]: () => {
            (0,scratch/* removeTree */.dM)(view);
            return Promise.resolve();
        },
    };
}
/**
 * The tree with the journal's end read, when a fetch left it out: the repository must hold the
 * blob (an unfiltered fetch). A record appends to the journal knowing how it ends.
 */
async function withJournalEnd(git, repo, tree) {
    const entry = tree.get(layout/* JOURNAL_FILE */.RD);
    if (entry?.kind !== 'tail' || entry.tail !== undefined)
        return tree;
    const { tail, size } = await (0,git_tree/* blobTail */.ob)(git, repo, entry.blob);
    return new Map(tree).set(layout/* JOURNAL_FILE */.RD, { ...entry, tail, size });
}
/** Files held only by their end when long: the journal grows with every move, and a beat reads its last lines. */
const TAILS = new Set([layout/* JOURNAL_FILE */.RD]);
/**
 * The branch's tip, fetched without long blobs: the journal's end is read only when a decision
 * needs it. Any other file the loop reads that the fetch left out (a long sensor script) is
 * fetched whole, in a repository of its own (a second fetch into the first would bring nothing:
 * it has the tip).
 */
async function fetchTree(remote, repo, fetching = () => undefined, tempDir = external_node_path_default().dirname(repo)) {
    const started = (0,state_fetch/* fetchObjects */.rt)(remote, repo);
    fetching();
    const fetched = await started;
    if (fetched === undefined)
        return undefined;
    const { sha } = fetched;
    const replica = captureReplica(repo, sha, true);
    const read = (fetched.objects === undefined ? undefined : (0,tree_read/* treeOfObjects */.mW)(fetched.objects, sha, { tails: TAILS })) ?? (await (0,tree_read/* readTree */.Zc)(remote.git, repo, sha, { tails: TAILS }));
    if (read.missing.length === 0)
        return { sha, tree: read.tree, replica };
    return (0,state_fetch/* withRepo */.vf)(tempDir, async (whole) => {
        const again = await (0,state_fetch/* fetchHead */.FY)(remote, whole);
        return again === undefined ? undefined : { sha: again, tree: (await (0,tree_read/* readTree */.Zc)(remote.git, whole, again, { tails: TAILS })).tree, replica: captureReplica(whole, again, false) };
    });
}
/** The tree with the blobs git named for the appends it wrote. */
function withBlobs(tree, appended) {
    if (appended.size === 0)
        return tree;
    const named = new Map(tree);
    for (const [file, blob] of appended) {
        const entry = named.get(file);
        if (entry?.kind === 'tail')
            named.set(file, { ...entry, blob });
    }
    return named;
}
/**
 * The head's objects written into `repo` from what the beat holds, and the commits of this beat
 * to write again on them: undefined when it must fetch instead (no replica, a long journal the
 * record appends to that the fetch left out, or the objects could not be written).
 */
function replayable(repo, head, record) {
    const replica = head?.replica;
    if (head === undefined || replica === undefined)
        return undefined;
    if (replica.filtered && record.journal.length > 0 && head.tree.get(layout/* JOURNAL_FILE */.RD)?.kind === 'tail')
        return undefined;
    try {
        return writeReplica(repo, replica);
    }
    catch {
        // A fetch writes the same objects, or says what stands in the way.
        return undefined;
    }
}
/**
 * Writes `commit` and pushes it: what it wrote when it landed, 'moved' when the branch was not
 * where the commit's parent says. With `replay`, the repository holds only the objects the
 * beat's fetch brought, and this beat's commits since are written again first, in the same
 * stream: one that fails or does not come out at the commit's parent is 'replay failed', and
 * nothing is pushed (the caller fetches instead).
 */
async function pushCommit(options, repo, commit, replay) {
    // A compare-and-swap: the push lands only where the branch is the commit's parent (missing, for
    // a seed). A plain push would also land where a person rewound the branch to an older commit,
    // and bring back what they took away.
    const lease = `--force-with-lease=refs/heads/${options.branch}:${commit.parent ?? ''}`;
    const push = (source) => ['push', '--porcelain', lease, options.url, `${source}:refs/heads/${options.branch}`];
    if (replay === undefined) {
        const { written, pushed } = await (0,git_tree/* writeAndPush */.vh)(options.git, repo, commit, { args: push(git_tree/* COMMIT_REF */.Qi), remote: options.url });
        return landed(options, written, pushed);
    }
    const commits = [...replay, commit];
    const all = await (0,git_tree/* writeCommits */.Y8)(options.git, repo, commits).catch(() => undefined);
    const written = all?.at(-1);
    if (all === undefined || written === undefined || (commits.length > 1 && all.at(-2)?.sha !== commit.parent))
        return 'replay failed';
    return landed(options, written, await options.git.tryRun(push(written.sha), { cwd: repo, repo, remote: options.url }));
}
/** What a push of `written` came to: it, when it landed; 'moved' when the branch was not at the commit's parent. */
function landed(options, written, result) {
    if (result.ok)
        return written;
    const text = `${result.stdout}\n${result.stderr}`;
    if (/\[rejected\]|non-fast-forward|fetch first|\[remote rejected\].*(cannot lock ref|failed to update ref)/i.test(text))
        return 'moved';
    throw new git/* GitError */.XS(`could not push the state branch "${options.branch}": ${result.stderr}. ` +
        'The workflow needs "permissions: contents: write", and branch protection must let github-actions[bot] push to it.', result.stderr);
}
/**
 * Writes the state's files into a new, empty folder for sensors. Only regular files are
 * written (a link on the branch is not), each created exclusively, so nothing is followed. The
 * journal is not among them: it only grows, and a beat does not fetch a long one.
 */
function materialize(tree, dir) {
    const files = [...tree].flatMap(([file, entry]) => (entry.kind === 'file' && file !== layout/* JOURNAL_FILE */.RD ? [[file, entry]] : []));
    const folders = [...new Set(files.map(([file]) => external_node_path_default().posix.dirname(file)).filter((folder) => folder !== '.'))];
    // In one go, without the thread pool: a thousand small files are written in a tenth of the
    // time, and nothing else of the beat runs until they are there.
    for (const folder of folders)
        (0,external_node_fs_.mkdirSync)(external_node_path_default().join(dir, folder), { recursive: true });
    for (const [file, entry] of files)
        (0,external_node_fs_.writeFileSync)(external_node_path_default().join(dir, file), entry.content, { flag: 'wx', mode: entry.executable ? 0o755 : 0o644 });
    return Promise.resolve(dir);
}


/***/ }),

/***/ 9992:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CB: () => (/* binding */ FETCH_ATTEMPTS),
/* harmony export */   FY: () => (/* binding */ fetchHead),
/* harmony export */   a: () => (/* binding */ StateBranchError),
/* harmony export */   rt: () => (/* binding */ fetchObjects),
/* harmony export */   vf: () => (/* binding */ withRepo)
/* harmony export */ });
/* unused harmony export makeRepo */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _state_tree_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8337);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__nccwpck_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _git_tree_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(2641);






/**
 * Fetching the state branch's tip into a repository of the action's own: the first git work
 * of a beat, kept apart from the rest of the state branch's so that the entry can start it
 * before the bundle is loaded (io/prefetch.ts) without loading the state's schemas.
 */
const FETCH_ATTEMPTS = 3;
const HEAD_REF = 'refs/looop/head';
class StateBranchError extends Error {
    name = 'StateBranchError';
}
/**
 * A fresh bare repository for one piece of git work. Its name is random and made exclusively
 * (nothing can be waiting there), and what `git init --bare` would write is written here, each
 * file created anew, so the config is the action's own and short.
 */
function makeRepo(tempDir) {
    const repo = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(tempDir, 'repo-'));
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(repo, 'objects'));
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(repo, 'refs', 'heads'), { recursive: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(repo, 'HEAD'), 'ref: refs/heads/main\n', { flag: 'wx' });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(repo, 'config'), REPO_CONFIG, { flag: 'wx' });
    return repo;
}
const REPO_CONFIG = '[core]\n\trepositoryformatversion = 0\n\tbare = true\n';
/** A fresh repository for `work`, removed when it is done. */
async function withRepo(tempDir, work) {
    const repo = makeRepo(tempDir);
    try {
        return await work(repo);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(repo, { recursive: true, force: true });
    }
}
/**
 * Blobs a beat's fetch leaves out: as long as the end of a file the loop keeps (the journal, which
 * only grows). The server leaves them out (GitHub does; a server that does not sends everything).
 */
const FILTER = `--filter=blob:limit=${_state_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .TAIL_BYTES */ .dd}`;
/** More than the objects of any state worth holding at once: past this, the tree is read file by file. */
const OBJECTS_CAP = 64 * 1024 * 1024;
/**
 * Fetches only the branch's tip: a beat never needs its history. Undefined when it does not
 * exist. A fetch is a network call (and may meet a lock held by another), so it is retried.
 */
async function fetchHead(remote, repo) {
    return (await fetchTip(remote, repo, false, undefined))?.sha;
}
/**
 * Fetches the branch's tip without long blobs and then, in the same process, prints every
 * object the repository holds (`cat-file --batch-all-objects`): git goes from the fetch to the
 * read without waiting for the action, whose main thread is busy loading the bundle meanwhile.
 * The repository is new, so they are the tip's objects and nothing else.
 */
async function fetchObjects(remote, repo) {
    return fetchTip(remote, repo, true, ['cat-file', '--batch-all-objects', '--batch', '--buffer', '--unordered']);
}
async function fetchTip(remote, repo, filtered, then) {
    const { git, url, branch } = remote;
    let stderr = '';
    let filter = filtered ? [FILTER] : [];
    for (let attempt = 1; attempt <= FETCH_ATTEMPTS; attempt++) {
        // unpackLimit 1 keeps the pack as it came: unpacking it would compress every object again, a long journal too.
        // A filtered fetch names its remote (git names one after a URL, and refuses a path as a
        // name); it makes the repository a partial clone, whose git fetches what is missing when
        // asked for it: the config is put back after, so a missing object is only missing.
        const from = filter.length > 0 ? ['-c', `remote.origin.url=${url}`, 'fetch', ...filter, 'origin'] : ['fetch', url];
        // The ref says this attempt's fetch landed, whatever the read after it did. A commit this
        // beat wrote and did not land would be offered to the remote as held, with all it holds:
        // a long journal a filtered fetch left out would then be sent by nobody.
        for (const ref of [HEAD_REF, _git_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .COMMIT_REF */ .Qi])
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(repo, ref), { force: true });
        const result = await git.tryRun(['-c', 'fetch.unpackLimit=1', ...from, '--no-tags', '--no-write-fetch-head', '--depth=1', `+refs/heads/${branch}:${HEAD_REF}`], {
            cwd: repo,
            repo,
            remote: url,
            ...(then === undefined ? {} : { then, maxStdoutBytes: OBJECTS_CAP }),
        });
        if (filter.length > 0)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(repo, 'config'), REPO_CONFIG);
        const sha = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(repo, HEAD_REF), 'utf8').then((text) => text.trim(), () => undefined);
        // The fetch landed even when the read after it did not (past its cap): the tree is then read file by file.
        if (sha !== undefined)
            return { sha, objects: result.ok && then !== undefined ? result.stdoutBytes : undefined };
        if (/couldn't find remote ref/i.test(result.stderr))
            return undefined;
        stderr = result.stderr;
        // A refused credential does not get better by asking again.
        if (/authentication failed|could not read (username|password)|\b40[13]\b/i.test(stderr))
            break;
        // A git or server that cannot filter fetches everything instead.
        if (filter.length > 0 && /filter/i.test(stderr)) {
            filter = [];
            continue;
        }
        if (attempt < FETCH_ATTEMPTS)
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_4__.setTimeout)(500 * attempt + Math.random() * 500);
    }
    throw new StateBranchError(`could not fetch the state branch "${branch}" from the checkout's origin: ${stderr}. ` +
        'Check that the workflow grants "permissions: contents: write" and passes github-token.');
}


/***/ }),

/***/ 27:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Zc: () => (/* binding */ readTree),
/* harmony export */   mW: () => (/* binding */ treeOfObjects)
/* harmony export */ });
/* unused harmony exports MAX_FILE_BYTES, MAX_TREE_BYTES */
/* harmony import */ var _state_layout_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1719);
/* harmony import */ var _state_names_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3641);
/* harmony import */ var _state_tree_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8337);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_3__);




/** No state file is this big; reading one would cost the beat its memory. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Nor the state all together: past this, files are left unread (and reported), whatever their number. */
const MAX_TREE_BYTES = 256 * 1024 * 1024;
/**
 * `git cat-file --batch`, asked object by object: "<name>\n" in, "<sha> <type> <size>\n
 * <content>\n" or "<name> missing\n" out, in order. Content streams through: what is not kept
 * is never held, and a kept end holds at most TAIL_BYTES.
 */
class BatchOutput extends node_stream__WEBPACK_IMPORTED_MODULE_3__.Writable {
    pending = [];
    header = [];
    body;
    expect(request) {
        this.pending.push(request);
    }
    /** Every request still waiting gets no object: git ended (or failed) before answering it. */
    abandon() {
        for (const request of this.pending.splice(0))
            request.resolve(undefined);
        this.body?.request.resolve(undefined);
        this.body = undefined;
    }
    _write(chunk, _encoding, done) {
        try {
            let at = 0;
            while (at < chunk.length)
                at = this.body === undefined ? this.readHeader(chunk, at) : this.readBody(chunk, at);
            done();
        }
        catch (error) {
            done(error);
        }
    }
    readHeader(chunk, at) {
        const newline = chunk.indexOf(0x0a, at);
        if (newline < 0) {
            this.header.push(chunk.subarray(at));
            return chunk.length;
        }
        const line = this.header.length === 0 ? chunk.toString('latin1', at, newline) : Buffer.concat([...this.header, chunk.subarray(at, newline)]).toString('latin1');
        this.header = [];
        const request = this.pending.shift();
        if (request === undefined)
            throw new Error(`git cat-file answered more than it was asked: ${JSON.stringify(line.slice(0, 100))}`);
        const found = /^([0-9a-f]{40}|[0-9a-f]{64}) (\w+) (\d+)$/.exec(line);
        if (found === null) {
            if (!/ (missing|ambiguous)$/.test(line))
                throw new Error(`git cat-file printed ${JSON.stringify(line.slice(0, 100))}, not an object header`);
            request.resolve(undefined);
            return newline + 1;
        }
        const [, sha = '', type = '', sizeText = ''] = found;
        const size = Number(sizeText);
        // The body is followed by one newline, read as part of it.
        this.body = { request, sha, type, size, left: size + 1, keep: request.keep(type, size), parts: [], held: 0 };
        return newline + 1;
    }
    readBody(chunk, at) {
        const body = this.body;
        const end = Math.min(chunk.length, at + body.left);
        const piece = chunk.subarray(at, Math.min(end, at + Math.max(0, body.left - 1)));
        body.left -= end - at;
        if (body.keep !== 'none' && piece.length > 0) {
            body.parts.push(piece);
            body.held += piece.length;
            if (body.keep === 'tail' && body.held > 2 * _state_tree_js__WEBPACK_IMPORTED_MODULE_2__/* .TAIL_BYTES */ .dd) {
                const joined = Buffer.concat(body.parts);
                body.parts = [joined.subarray(joined.length - _state_tree_js__WEBPACK_IMPORTED_MODULE_2__/* .TAIL_BYTES */ .dd)];
                body.held = _state_tree_js__WEBPACK_IMPORTED_MODULE_2__/* .TAIL_BYTES */ .dd;
            }
        }
        if (body.left === 0) {
            this.body = undefined;
            const joined = body.keep === 'none' ? undefined : Buffer.concat(body.parts);
            const content = joined === undefined || body.keep === 'whole' ? joined : Buffer.from(joined.subarray(Math.max(0, joined.length - _state_tree_js__WEBPACK_IMPORTED_MODULE_2__/* .TAIL_BYTES */ .dd)));
            body.request.resolve({ sha: body.sha, type: body.type, size: body.size, ...(content === undefined ? {} : { content }) });
        }
        return end;
    }
}
function openObjectReader(git, repo) {
    const input = new node_stream__WEBPACK_IMPORTED_MODULE_3__.PassThrough();
    const output = new BatchOutput();
    let failure;
    const running = git
        .run(['cat-file', '--batch'], { cwd: repo, repo, stdin: input, stdoutTo: output })
        .catch((error) => {
        failure = error;
    })
        .finally(() => { output.abandon(); });
    return {
        async read(names, keep) {
            const answers = Promise.all(names.map((_name, index) => new Promise((resolve) => { output.expect({ keep: (type, size) => keep(index, type, size), resolve }); })));
            input.write(names.map((name) => `${name}\n`).join(''));
            const objects = await answers;
            if (failure !== undefined)
                throw failure;
            return objects;
        },
        async close() {
            input.end();
            await running;
            if (failure !== undefined)
                throw failure;
        },
    };
}
/** A tree object's entries: "<mode> <name>\0<hash>" one after another, the hash in bytes. */
function entriesOf(tree, hashBytes, folder) {
    const entries = [];
    let at = 0;
    while (at < tree.length) {
        const space = tree.indexOf(0x20, at);
        const nul = tree.indexOf(0, space);
        if (space < 0 || nul < 0 || nul + 1 + hashBytes > tree.length)
            throw new Error('a tree object of the state branch is damaged');
        const name = tree.subarray(space + 1, nul).toString('utf8');
        entries.push({ mode: tree.subarray(at, space).toString('latin1'), sha: tree.subarray(nul + 1, nul + 1 + hashBytes).toString('hex'), path: folder === '' ? name : `${folder}/${name}` });
        at = nul + 1 + hashBytes;
    }
    return entries;
}
/** Every entry below the commit's root, folders walked level by level: one round of the reader each. */
async function listTree(reader, commit) {
    const keepTrees = (_index, type) => (type === 'tree' ? 'whole' : 'none');
    const [root] = await reader.read([`${commit}^{tree}`], keepTrees);
    if (root?.content === undefined)
        throw new Error(`${commit} is not a commit with a tree in the fetched objects`);
    const hashBytes = root.sha.length / 2;
    const listed = [];
    let level = [{ path: '', content: root.content }];
    while (level.length > 0) {
        const folders = [];
        for (const tree of level) {
            for (const entry of entriesOf(tree.content, hashBytes, tree.path))
                (entry.mode === '40000' ? folders : listed).push(entry);
        }
        const trees = folders.length === 0 ? [] : await reader.read(folders.map((folder) => folder.sha), keepTrees);
        level = folders.flatMap((folder, i) => {
            const content = trees[i]?.content;
            if (content === undefined)
                throw new Error(`the folder ${folder.path} of the state branch is not in the fetched objects`);
            return [{ path: folder.path, content }];
        });
    }
    return listed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
const isRegular = (mode) => mode === '100644' || mode === '100755';
/** The loop reads only regular files under its own roots; runs/ is written, never read back. */
function wanted(entry) {
    return isRegular(entry.mode) && (0,_state_names_js__WEBPACK_IMPORTED_MODULE_1__/* .isStatePath */ .rX)(entry.path) && !entry.path.startsWith(`${_state_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .RUNS_DIR */ .z4}/`);
}
/**
 * A commit's whole tree, with the content of the files the loop reads, from one `git cat-file`
 * however many files there are. Nothing is checked out, so no link in it can be followed, and
 * an object the repository lacks is never fetched by the reading.
 */
async function readTree(git, repo, commit, reading = {}) {
    const reader = openObjectReader(git, repo);
    try {
        const listing = await listTree(reader, commit);
        const files = listing.filter(wanted);
        const keep = keeper(files, reading);
        const objects = await reader.read(files.map((file) => file.sha), (index, _type, size) => keep(index, size));
        return treeOf(listing, files, objects, reading);
    }
    finally {
        await reader.close();
    }
}
/**
 * The same reading of a commit's tree from every object of a repository printed at once
 * (`cat-file --batch-all-objects --batch`, after a fetch into a new repository): no round trip
 * to git. Undefined when a folder of the tree is not among them (the caller reads file by file).
 */
function treeOfObjects(printed, commit, reading = {}) {
    const objects = new Map();
    for (let at = 0; at < printed.length;) {
        const newline = printed.indexOf(0x0a, at);
        const found = /^([0-9a-f]{40}|[0-9a-f]{64}) (\w+) (\d+)$/.exec(printed.toString('latin1', at, newline));
        if (newline < 0 || found === null)
            return undefined;
        const [, sha = '', type = '', size = ''] = found;
        objects.set(sha, { type, content: printed.subarray(newline + 1, newline + 1 + Number(size)) });
        at = newline + 1 + Number(size) + 1;
    }
    const root = /^tree ([0-9a-f]+)$/m.exec(objects.get(commit)?.content.toString('latin1') ?? '')?.[1];
    const listing = [];
    let level = root === undefined ? [] : [{ path: '', sha: root }];
    if (root === undefined)
        return undefined;
    while (level.length > 0) {
        const folders = [];
        for (const tree of level) {
            const content = objects.get(tree.sha)?.content;
            if (content === undefined)
                return undefined;
            for (const entry of entriesOf(content, tree.sha.length / 2, tree.path))
                (entry.mode === '40000' ? folders : listing).push(entry);
        }
        level = folders;
    }
    listing.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const files = listing.filter(wanted);
    const keep = keeper(files, reading);
    const kept = files.map((file, index) => {
        const object = objects.get(file.sha);
        if (object === undefined)
            return undefined;
        const size = object.content.length;
        const how = keep(index, size);
        // Copied out: the printed objects (runs/, a long file a server did not leave out) are let go.
        const content = how === 'whole' ? Buffer.from(object.content) : how === 'tail' ? Buffer.from(object.content.subarray(size - _state_tree_js__WEBPACK_IMPORTED_MODULE_2__/* .TAIL_BYTES */ .dd)) : undefined;
        return { sha: file.sha, type: object.type, size, ...(content === undefined ? {} : { content }) };
    });
    return treeOf(listing, files, kept, reading);
}
/** What is kept of each wanted file, by its size: the files in order, their total capped. */
function keeper(files, reading) {
    let total = 0;
    return (index, size) => {
        if (reading.tails?.has(files[index]?.path ?? '') === true && size > _state_tree_js__WEBPACK_IMPORTED_MODULE_2__/* .TAIL_BYTES */ .dd)
            return 'tail';
        if (size > MAX_FILE_BYTES)
            return 'none';
        total += size;
        return total <= MAX_TREE_BYTES ? 'whole' : 'none';
    };
}
function treeOf(listing, files, objects, reading) {
    const tree = new Map();
    for (const listed of listing)
        tree.set(listed.path, listed.mode === '120000' ? { kind: 'link' } : { kind: 'opaque' });
    const missing = [];
    files.forEach((file, i) => {
        const entry = entryOf(file, objects[i], reading);
        if (entry === undefined)
            missing.push(file.path);
        tree.set(file.path, entry ?? { kind: 'opaque', problem: 'is not in the objects fetched' });
    });
    return { tree, missing };
}
/** A wanted file's entry from what the reader kept of its blob; undefined when the blob is missing. */
function entryOf(file, object, reading) {
    const executable = file.mode === '100755';
    const long = reading.tails?.has(file.path) === true;
    if (object === undefined)
        return long ? { kind: 'tail', blob: file.sha, executable } : undefined;
    if (long && object.size > _state_tree_js__WEBPACK_IMPORTED_MODULE_2__/* .TAIL_BYTES */ .dd && object.content !== undefined)
        return { kind: 'tail', tail: object.content, size: object.size, blob: file.sha, executable };
    if (object.size > MAX_FILE_BYTES)
        return { kind: 'opaque', problem: `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB: the loop does not read it` };
    if (object.content === undefined)
        return { kind: 'opaque', problem: `is past the ${MAX_TREE_BYTES / 1024 / 1024} MiB the loop reads of a state branch: it is not read` };
    return { kind: 'file', content: object.content, executable };
}


/***/ }),

/***/ 4243:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ LOOP_IDENTITY)
/* harmony export */ });
/** Who the loop commits as: GitHub's own bot, so commits read as the workflow's. */
const LOOP_IDENTITY = {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com',
};


/***/ }),

/***/ 8742:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Rx: () => (/* binding */ formatJournalLine),
/* harmony export */   SK: () => (/* binding */ utcTime),
/* harmony export */   WG: () => (/* binding */ JOURNAL_HEADER),
/* harmony export */   nQ: () => (/* binding */ journalLines),
/* harmony export */   pS: () => (/* binding */ journalRows)
/* harmony export */ });
/* harmony import */ var _text_fit_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8600);

const JOURNAL_HEADER = '# Journal\n\n| time (UTC) | beat | move | summary | outcome | cost |\n| --- | --- | --- | --- | --- | --- |\n';
const MAX_CELL = 300;
/** A table cell cannot hold a newline or an unescaped pipe; an LLM's summary may hold both. */
function cell(text) {
    return (0,_text_fit_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(text.replace(/\|/g, '\\|'), MAX_CELL);
}
function utcTime(at) {
    return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
function formatJournalLine(entry) {
    const cost = entry.costUsd === undefined ? '' : `$${entry.costUsd.toFixed(4)}`;
    return `| ${utcTime(entry.at)} | ${cell(entry.beat)} | ${cell(entry.move)} | ${cell(entry.summary)} | ${cell(entry.outcome)} | ${cost} |`;
}
/** The journal's rows among its last lines (the header and blank lines are not moves). */
function journalRows(lines) {
    return lines.filter((line) => /^\| \d{4}-/.test(line));
}
/** How many of the journal's last lines a beat holds: more than any prompt shows. */
const TAIL_LINES = 200;
/** The journal's last lines, from its text or its end (a long journal is read by its end only). */
function journalLines(text) {
    const whole = text ?? '';
    let start = whole.length;
    for (let n = 0; n <= TAIL_LINES && start > 0; n++)
        start = whole.lastIndexOf('\n', start - 1);
    return whole.slice(Math.max(0, start + 1)).split('\n').filter((line) => line !== '');
}


/***/ }),

/***/ 1719:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ parseSnapshot),
/* harmony export */   Ed: () => (/* binding */ stateFile),
/* harmony export */   El: () => (/* binding */ workerPath),
/* harmony export */   F0: () => (/* binding */ MEMORY_FILE),
/* harmony export */   JE: () => (/* binding */ goalPath),
/* harmony export */   Ki: () => (/* binding */ runsPath),
/* harmony export */   Ld: () => (/* binding */ PLAYBOOK_FILE),
/* harmony export */   Q: () => (/* binding */ formatSnapshot),
/* harmony export */   RD: () => (/* binding */ JOURNAL_FILE),
/* harmony export */   S0: () => (/* binding */ STATE_ROOTS),
/* harmony export */   ST: () => (/* binding */ SNAPSHOTS_DIR),
/* harmony export */   Sc: () => (/* binding */ WORKERS_DIR),
/* harmony export */   YA: () => (/* binding */ failurePath),
/* harmony export */   a_: () => (/* binding */ sensorPath),
/* harmony export */   c0: () => (/* binding */ snapshotPath),
/* harmony export */   e3: () => (/* binding */ FAILURES_DIR),
/* harmony export */   eC: () => (/* binding */ SENSORS_DIR),
/* harmony export */   h9: () => (/* binding */ GOALS_DIR),
/* harmony export */   l8: () => (/* binding */ askPath),
/* harmony export */   pZ: () => (/* binding */ ASKS_DIR),
/* harmony export */   vw: () => (/* binding */ BUDGET_FILE),
/* harmony export */   z4: () => (/* binding */ RUNS_DIR)
/* harmony export */ });
/* unused harmony export SCHEDULES_DIR */
/* harmony import */ var _text_canonical_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7749);

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
    if ((0,_text_canonical_js__WEBPACK_IMPORTED_MODULE_0__/* .nestsDeeper */ .RK)(text))
        return { ok: false, problem: `nests deeper than ${String(_text_canonical_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_NESTING */ .M1)} levels` };
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
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BQ: () => (/* binding */ statePath),
/* harmony export */   Eo: () => (/* binding */ isName),
/* harmony export */   Vh: () => (/* binding */ NAME_PATTERN),
/* harmony export */   iC: () => (/* binding */ isPeoplesPath),
/* harmony export */   k0: () => (/* binding */ UnsafePathError),
/* harmony export */   rX: () => (/* binding */ isStatePath)
/* harmony export */ });
/* harmony import */ var _text_characters_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3243);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1719);


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
        _layout_js__WEBPACK_IMPORTED_MODULE_1__/* .STATE_ROOTS */ .S0.has(top) &&
        parts.every((part) => part !== '' && part !== '.' && part !== '..' && !part.startsWith('.') && !part.includes('\\') && (0,_text_characters_js__WEBPACK_IMPORTED_MODULE_0__/* .refusedCharacter */ .A)(part, { multiline: false, visibleOnly: true }) === undefined));
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

/***/ 388:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ mergeFiles),
/* harmony export */   DM: () => (/* binding */ isEmptyRecord),
/* harmony export */   hk: () => (/* binding */ ClaimLostError)
/* harmony export */ });
/* unused harmony export sequenced */
/**
 * A record whose claim no longer holds: another beat got there first. A file write may throw
 * it too, when what the branch holds by now forbids the write (a budget another beat spent).
 */
class ClaimLostError extends Error {
    name = 'ClaimLostError';
}
function isEmptyRecord(record) {
    return Object.keys(record.files).length === 0 && record.journal.length === 0;
}
/**
 * Two writes of one file in one record, the later applied to what the first leaves: a worker's
 * charge settled and the decision's charge both land in budget.json, neither lost.
 */
function sequenced(first, later) {
    if (typeof later !== 'function')
        return later;
    return (current) => later(typeof first === 'function' ? first(current) : first);
}
/** Two sets of writes as one; a file both write gets both, in order. */
function mergeFiles(first, later) {
    const out = { ...first };
    for (const [file, write] of Object.entries(later))
        out[file] = file in out ? sequenced(out[file] ?? null, write) : write;
    return out;
}


/***/ }),

/***/ 8337:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KJ: () => (/* binding */ isUnread),
/* harmony export */   Lf: () => (/* binding */ linksIn),
/* harmony export */   S7: () => (/* binding */ applyRecord),
/* harmony export */   b6: () => (/* binding */ textOf),
/* harmony export */   dd: () => (/* binding */ TAIL_BYTES),
/* harmony export */   gz: () => (/* binding */ treeFromDir),
/* harmony export */   pJ: () => (/* binding */ endOf),
/* harmony export */   pK: () => (/* binding */ isBehindLink)
/* harmony export */ });
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1719);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _journal_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(8742);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3641);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(388);






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
const TAIL_BYTES = 1024 * 1024;
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
            throw new _record_js__WEBPACK_IMPORTED_MODULE_4__/* .ClaimLostError */ .hk(`${file} changed on the branch since this beat read it`);
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
        (0,_names_js__WEBPACK_IMPORTED_MODULE_3__/* .statePath */ .BQ)(file);
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
    const journal = next.get(_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .JOURNAL_FILE */ .RD);
    if (record.journal.length > 0 && journal?.kind === 'tail') {
        if (journal.tail === undefined || journal.size === undefined)
            throw new Error(`the end of ${_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .JOURNAL_FILE */ .RD} was not read: a record cannot be appended to it`);
        const text = `${journal.tail.at(-1) === 0x0a ? '' : '\n'}${record.journal.join('\n')}\n`;
        const added = Buffer.from(text, 'utf8');
        const tail = Buffer.concat([journal.tail, added]);
        // The blob the append makes is named once git has written it.
        next.set(_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .JOURNAL_FILE */ .RD, { ...journal, tail: tail.subarray(Math.max(0, tail.length - TAIL_BYTES)), size: journal.size + added.length, blob: '' });
        changes.push({ op: 'append', path: _layout_js__WEBPACK_IMPORTED_MODULE_0__/* .JOURNAL_FILE */ .RD, to: journal.blob, text, executable: journal.executable });
    }
    else if (record.journal.length > 0) {
        const current = textOf(next, _layout_js__WEBPACK_IMPORTED_MODULE_0__/* .JOURNAL_FILE */ .RD);
        const prefix = current === null || current === '' ? _journal_js__WEBPACK_IMPORTED_MODULE_5__/* .JOURNAL_HEADER */ .WG : current.endsWith('\n') ? current : `${current}\n`;
        put(_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .JOURNAL_FILE */ .RD, `${prefix}${record.journal.join('\n')}\n`, false);
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
        const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, relative), { withFileTypes: true });
        await Promise.all(entries.map(async (entry) => {
            const file = relative === '' ? entry.name : `${relative}/${entry.name}`;
            const full = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, file);
            const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(full);
            if (info.isSymbolicLink())
                throw new _names_js__WEBPACK_IMPORTED_MODULE_3__/* .UnsafePathError */ .k0(`${full} is a symbolic link; the state template holds regular files only`);
            if (info.isDirectory())
                return walk(file);
            tree.set(file, { kind: 'file', content: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(full), executable: (info.mode & 0o111) !== 0 });
        }));
    };
    await walk('');
    return tree;
}


/***/ }),

/***/ 7749:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M1: () => (/* binding */ MAX_NESTING),
/* harmony export */   RK: () => (/* binding */ nestsDeeper),
/* harmony export */   Xz: () => (/* binding */ canonicalDigest),
/* harmony export */   dj: () => (/* binding */ canonicalJson),
/* harmony export */   z4: () => (/* binding */ byText)
/* harmony export */ });
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


/***/ }),

/***/ 3243:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
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


/***/ }),

/***/ 8600:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $5: () => (/* binding */ fitted),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   nY: () => (/* binding */ GITHUB_BODY_LIMIT)
/* harmony export */ });
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


/***/ }),

/***/ 9816:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   UN: () => (/* binding */ FRONT_MATTER),
/* harmony export */   dp: () => (/* binding */ simpleFrontMatter),
/* harmony export */   g0: () => (/* binding */ YamlNotLoaded),
/* harmony export */   gM: () => (/* binding */ readYaml),
/* harmony export */   oQ: () => (/* binding */ yaml),
/* harmony export */   yv: () => (/* binding */ loadYaml),
/* harmony export */   zu: () => (/* binding */ jsonFrontMatter)
/* harmony export */ });
let loaded;
async function loadYaml() {
    loaded ??= await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
    return loaded;
}
/** What yaml() throws before loadYaml(): a reader that may meet YAML loads it and reads again (loadState). */
class YamlNotLoaded extends Error {
    name = 'YamlNotLoaded';
}
/** The parser, once loadYaml() has loaded it. */
function yaml() {
    if (loaded === undefined)
        throw new YamlNotLoaded('looop-action read YAML before loading its parser; this is a bug, please report it');
    return loaded;
}
/** A file's front matter: the block between its first two `---` lines. */
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
/** `key: word` or `key: 12`: what YAML reads as a string or an integer, with no other reading. */
const SIMPLE_LINE = /^([A-Za-z_][A-Za-z0-9_-]*): ([a-z][a-z0-9-]*|-?(?:0|[1-9][0-9]{0,14}))$/;
/** Plain words YAML reads as something other than the word. */
const NOT_WORDS = new Set(['null', 'true', 'false']);
/**
 * Front matter of `key: word` and `key: number` lines only, read as YAML would read it, without
 * YAML: a state of a thousand goals is read in a beat. Undefined for anything else (comments,
 * quotes, lists, a repeated key…), which YAML reads.
 */
function simpleFrontMatter(block) {
    const fields = {};
    for (const line of block.split('\n')) {
        const match = SIMPLE_LINE.exec(line);
        if (match === null)
            return undefined;
        const [, key = '', value = ''] = match;
        if (Object.hasOwn(fields, key) || key === '__proto__' || NOT_WORDS.has(value))
            return undefined;
        fields[key] = /^-?\d/.test(value) ? Number(value) : value;
    }
    return fields;
}
/** A front matter block JSON reads (an object): how the loop writes its own files. */
function jsonFrontMatter(block) {
    if (!block.trimStart().startsWith('{'))
        return undefined;
    try {
        return JSON.parse(block);
    }
    catch {
        return undefined;
    }
}
/**
 * A YAML block as a value, or what is wrong with it: its first parse error, or what toJS()
 * refused. yaml throws there for aliases that expand past its limit (a dozen lines, each alias
 * doubling the one before): a file a person or a goal_write could commit, which must read as a
 * problem of that file, not fail every beat.
 */
function readYaml(parser, block) {
    const doc = parser.parseDocument(block);
    if (doc.errors.length > 0)
        return { ok: false, problem: doc.errors[0]?.message ?? 'not YAML' };
    try {
        return { ok: true, value: doc.toJS() };
    }
    catch (error) {
        return { ok: false, problem: error instanceof Error ? error.message : String(error) };
    }
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
