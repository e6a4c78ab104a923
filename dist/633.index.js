export const id = 633;
export const ids = [633];
export const modules = {

/***/ 4822:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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

/***/ 7714:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cy: () => (/* binding */ originIn),
/* harmony export */   Zb: () => (/* binding */ listConfig),
/* harmony export */   b$: () => (/* binding */ readCheckout)
/* harmony export */ });
/* unused harmony export CheckoutError */
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
/** The checkout's git config, every scope, as git reads it; only read, nothing is written. */
function listConfig(git, workspace) {
    // safe.directory: in a container job the checkout may belong to another user; reading its config is all we do.
    return git.tryRun(['-c', `safe.directory=${workspace}`, 'config', '--list', '-z', '--show-scope'], { cwd: workspace });
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
function originIn(listed) {
    if (!listed.ok)
        return undefined;
    const url = entriesOf(listed).find(({ key }) => key.toLowerCase() === 'remote.origin.url')?.value;
    return url === '' ? undefined : url;
}
/**
 * Reads the checkout's origin and refuses a checkout whose git config carries a credential.
 * Only reads: nothing is written to the user's repository. `listed` is the config when it was
 * read already (the entry starts that before the bundle loads).
 */
async function readCheckout(git, workspace, secrets, listed = listConfig(git, workspace)) {
    const listing = await listed;
    if (!listing.ok) {
        throw new CheckoutError(`${workspace} is not a git checkout (${listing.stderr.trim() || 'git config failed'}). Run actions/checkout before this action.`);
    }
    const entries = entriesOf(listing);
    const found = entries.flatMap(({ key, value }) => {
        const why = credentialIn(key, value, secrets);
        return why === undefined ? [] : [`${key} (${why})`];
    });
    if (found.length > 0)
        throw new CheckoutError(`the checkout's git config holds a credential: ${found.join('; ')}. ${PERSIST_HINT}`);
    const url = entries.find(({ key }) => key.toLowerCase() === 'remote.origin.url')?.value;
    if (url === undefined || url === '')
        throw new CheckoutError(`${workspace} is a git checkout without an "origin" remote. Run actions/checkout before this action.`);
    return { url };
}


/***/ }),

/***/ 2641:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zc: () => (/* binding */ readTree),
/* harmony export */   rV: () => (/* binding */ writeCommit)
/* harmony export */ });
/* unused harmony exports MAX_FILE_BYTES, MAX_TREE_BYTES */
/* harmony import */ var _state_layout_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1719);
/* harmony import */ var _state_identity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4243);
/* harmony import */ var _state_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3641);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_6___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_6__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_7___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_7__);
/* harmony import */ var _state_tree_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8337);









/** No state file is this big; reading one would cost the beat its memory. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Nor the state all together: past this, files are left unread (and reported), whatever their number. */
const MAX_TREE_BYTES = 256 * 1024 * 1024;
/** `ls-tree -r -z -l`: "<mode> <type> <sha> <size>\t<path>\0" for every entry below the root. */
function parseListing(text) {
    return text
        .split('\0')
        .filter((line) => line !== '')
        .flatMap((line) => {
        const match = /^(\d+) \w+ ([0-9a-f]+)\s+(-|\d+)\t([\s\S]+)$/.exec(line);
        if (match === null)
            return [];
        const [, mode = '', sha = '', size = '', path = ''] = match;
        return [{ mode, sha, size: size === '-' ? 0 : Number(size), path }];
    });
}
/** The loop reads only regular files under its own roots; runs/ is written, never read back. */
function wanted(entry) {
    return (entry.mode === '100644' || entry.mode === '100755') && (0,_state_names_js__WEBPACK_IMPORTED_MODULE_2__/* .isStatePath */ .rX)(entry.path) && !entry.path.startsWith(`${_state_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .RUNS_DIR */ .z4}/`) && entry.size <= MAX_FILE_BYTES;
}
function entryOf(listed) {
    if (listed.mode === '120000')
        return { kind: 'link' };
    if ((listed.mode === '100644' || listed.mode === '100755') && (0,_state_names_js__WEBPACK_IMPORTED_MODULE_2__/* .isStatePath */ .rX)(listed.path) && listed.size > MAX_FILE_BYTES) {
        return { kind: 'opaque', problem: `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB: the loop does not read it` };
    }
    return { kind: 'opaque' };
}
/**
 * A commit's whole tree, with the content of the files the loop reads: two processes, however
 * many files, and one more for each file read in part. Nothing is checked out, so no link in it
 * can be followed.
 */
async function readTree(git, repo, commit, reading = {}) {
    const call = { cwd: repo, repo };
    const listing = parseListing((await git.run(['ls-tree', '-r', '-z', '-l', '--full-tree', commit], call)).stdout);
    const tree = new Map(listing.map((listed) => [listed.path, entryOf(listed)]));
    const long = (file) => reading.tails?.has(file.path) === true && file.size > _state_tree_js__WEBPACK_IMPORTED_MODULE_8__/* .TAIL_BYTES */ .dd;
    let total = 0;
    const files = listing.filter(wanted).filter((file) => {
        if (long(file))
            return false;
        total += file.size;
        if (total <= MAX_TREE_BYTES)
            return true;
        tree.set(file.path, { kind: 'opaque', problem: `is past the ${MAX_TREE_BYTES / 1024 / 1024} MiB the loop reads of a state branch: it is not read` });
        return false;
    });
    // Read while the batch runs: the long files are another process each.
    const tails = Promise.all(listing.filter(wanted).filter(long).map(async (file) => [file, await blobTail(git, repo, file.sha, reading.spillTo === undefined ? undefined : node_path__WEBPACK_IMPORTED_MODULE_5___default().join(reading.spillTo, file.path), file.mode === '100755')]));
    if (files.length > 0) {
        const batch = (await git.run(['cat-file', '--batch'], { ...call, stdin: files.map((f) => `${f.sha}\n`).join('') })).stdoutBytes;
        let offset = 0;
        for (const file of files) {
            // Each object comes as "<sha> blob <size>\n<content>\n".
            const headerEnd = batch.indexOf(0x0a, offset);
            const size = Number(/ (\d+)$/.exec(batch.subarray(offset, headerEnd).toString('latin1'))?.[1]);
            const start = headerEnd + 1;
            tree.set(file.path, { kind: 'file', content: batch.subarray(start, start + size), executable: file.mode === '100755' });
            offset = start + size + 1;
        }
    }
    for (const [file, tail] of await tails)
        tree.set(file.path, { kind: 'tail', tail, size: file.size, blob: file.sha, executable: file.mode === '100755' });
    return tree;
}
/** Keeps the last `bytes` of what is written to it. */
class TailKeeper extends node_stream__WEBPACK_IMPORTED_MODULE_6__.Writable {
    kept = Buffer.alloc(0);
    bytes;
    constructor(bytes) {
        super();
        this.bytes = bytes;
    }
    _write(chunk, _encoding, done) {
        const joined = Buffer.concat([this.kept, chunk]);
        this.kept = joined.subarray(Math.max(0, joined.length - this.bytes));
        done();
    }
    tail() {
        return Buffer.from(this.kept);
    }
}
/**
 * The last TAIL_BYTES of a blob, which passes through this process only in chunks: into a new
 * file when `file` is given (read back from its end), else kept as it streams by.
 */
async function blobTail(git, repo, blob, file, executable) {
    if (file === undefined) {
        const keeper = new TailKeeper(_state_tree_js__WEBPACK_IMPORTED_MODULE_8__/* .TAIL_BYTES */ .dd);
        await git.run(['cat-file', 'blob', blob], { cwd: repo, repo, stdoutTo: keeper });
        return keeper.tail();
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_4__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_5___default().dirname(file), { recursive: true });
    const out = (0,node_fs__WEBPACK_IMPORTED_MODULE_3__.createWriteStream)(file, { flags: 'wx', mode: executable ? 0o755 : 0o644 });
    await git.run(['cat-file', 'blob', blob], { cwd: repo, repo, stdoutTo: out });
    out.end();
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_7__.finished)(out);
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_4__.open)(file, 'r');
    try {
        const { size } = await handle.stat();
        const tail = Buffer.alloc(Math.min(size, _state_tree_js__WEBPACK_IMPORTED_MODULE_8__/* .TAIL_BYTES */ .dd));
        await handle.read(tail, 0, tail.length, size - tail.length);
        return tail;
    }
    finally {
        await handle.close();
    }
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
    const body = new node_stream__WEBPACK_IMPORTED_MODULE_6__.PassThrough();
    const hashing = git.run(['hash-object', '-w', '--stdin'], { cwd: repo, repo, stdin: body });
    try {
        await git.run(['cat-file', 'blob', to], { cwd: repo, repo, stdoutTo: body });
    }
    catch (error) {
        body.destroy();
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
 * Writes one commit from in-memory changes with `git fast-import`: one process, no index, no
 * worktree, the identity in the stream itself (and one more pair for each append). Returns the
 * new commit's id.
 */
async function writeCommit(git, repo, commit) {
    const appended = new Map();
    for (const change of commit.changes)
        if (change.op === 'append')
            appended.set(change.path, await appendedBlob(git, repo, change.to, change.text));
    const when = `${Math.floor(commit.at.getTime() / 1000)} +0000`;
    const stream = [
        Buffer.from(`commit refs/looop/commit\nmark :1\ncommitter ${_state_identity_js__WEBPACK_IMPORTED_MODULE_1__/* .LOOP_IDENTITY */ .e.name} <${_state_identity_js__WEBPACK_IMPORTED_MODULE_1__/* .LOOP_IDENTITY */ .e.email}> ${when}\n`),
        ...data(commit.message),
        Buffer.from(commit.parent === undefined ? '' : `from ${commit.parent}\n`),
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
    stream.push(Buffer.from('\nget-mark :1\ndone\n'));
    const out = await git.run(['fast-import', '--quiet', '--done', '--force'], { cwd: repo, repo, stdin: Buffer.concat(stream) });
    const sha = out.stdout.trim();
    if (!/^[0-9a-f]{40,64}$/.test(sha))
        throw new Error(`git fast-import did not say which commit it wrote (it printed ${JSON.stringify(out.stdout.slice(0, 200))})`);
    return { sha, appended };
}


/***/ }),

/***/ 7500:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XS: () => (/* binding */ GitError),
/* harmony export */   lD: () => (/* binding */ createGit)
/* harmony export */ });
/* unused harmony export GitMissingError */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6397);
/* harmony import */ var _programs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7279);
/* harmony import */ var _state_identity_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4243);




/**
 * The credential helper git runs when a server asks for a password: it prints the user name and
 * copies what the action wrote to file descriptor 3. The token is never in a config file, in
 * git's environment or in any command line, all of which other processes of the user can read.
 * It answers only the host of the URL the action named (the first line on descriptor 3): a
 * repository config rewritten meanwhile (an `insteadOf` to another host) gets no token.
 */
const CREDENTIAL_HELPER = '!f() { test "$1" = get || return 0; host=; while IFS= read -r line && test -n "$line"; do case "$line" in host=*) host="${line#host=}";; esac; done; IFS= read -r want <&3; test -n "$want" && test "$host" = "$want" || return 0; echo username=x-access-token; IFS= read -r line <&3; printf "%s\\n" "$line"; }; f';
/** The host of the first http(s) URL among a command's words: the only one the token is for. */
function tokenHost(args) {
    for (const arg of args) {
        if (!/^https?:\/\//.test(arg))
            continue;
        try {
            return new URL(arg).host;
        }
        catch {
            return '';
        }
    }
    return '';
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
class GitMissingError extends Error {
    name = 'GitMissingError';
}
function createGit(options) {
    const git = (0,_programs_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveProgram */ .d)('git', options.env);
    if (git === undefined)
        throw new GitMissingError('git is not on PATH: the action needs git (GitHub\'s runners have it; in a container job, install it before this step)');
    const base = gitEnvironment(options.env, node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(git));
    const tryRun = async (args, call) => {
        const exit = await (0,_process_js__WEBPACK_IMPORTED_MODULE_1__/* .runProcess */ .R)({
            file: git,
            args: [...perCommandConfig, ...args],
            cwd: call.cwd,
            env: call.repo === undefined ? base : { ...base, GIT_DIR: call.repo, GIT_COMMON_DIR: call.repo },
            timeoutMs: GIT_TIMEOUT_MS,
            ...(call.stdin === undefined ? {} : { stdin: call.stdin }),
            ...(call.stdoutTo === undefined ? {} : { stdoutTo: call.stdoutTo }),
            ...(call.network === true && options.token !== undefined ? { secretFd: `${tokenHost(args)}\npassword=${options.token}\n` } : {}),
        });
        if (exit.code === 0)
            return { ok: true, stdout: exit.stdout, stdoutBytes: exit.stdoutBytes, stderr: exit.stderrTail };
        const why = exit.code === null || exit.spawnError !== undefined ? ` (${(0,_process_js__WEBPACK_IMPORTED_MODULE_1__/* .describeExit */ .K)(exit, GIT_TIMEOUT_MS)})` : '';
        return { ok: false, stdout: exit.stdout, stdoutBytes: exit.stdoutBytes, stderr: `${exit.stderrTail.trim()}${why}` };
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

/***/ 6397:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* reexport safe */ _beat_exit_js__WEBPACK_IMPORTED_MODULE_0__.K),
/* harmony export */   R: () => (/* binding */ runProcess)
/* harmony export */ });
/* harmony import */ var _beat_exit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4822);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_1__);


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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ resolveProgram)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


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

/***/ 9854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iw: () => (/* binding */ openStateBranch),
/* harmony export */   O9: () => (/* binding */ materialize),
/* harmony export */   a: () => (/* reexport safe */ _state_fetch_js__WEBPACK_IMPORTED_MODULE_6__.a),
/* harmony export */   mC: () => (/* binding */ fetchTip)
/* harmony export */ });
/* harmony import */ var _state_layout_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1719);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7500);
/* harmony import */ var _state_fetch_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9992);
/* harmony import */ var _git_tree_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2641);
/* harmony import */ var _state_record_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(388);
/* harmony import */ var _state_tree_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8337);










const DEFAULT_PUSH_ATTEMPTS = 6;

async function openStateBranch(options) {
    const early = await adopted(options);
    const view = early?.view ?? (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(options.tempDir, 'view-')));
    try {
        let fetched = early === undefined ? await (0,_state_fetch_js__WEBPACK_IMPORTED_MODULE_6__/* .withRepo */ .vf)(options.tempDir, (repo) => fetchTree(options, repo, view)) : early.head;
        // A tip read early is in its view already.
        let written = fetched !== undefined && early !== undefined;
        if (fetched !== undefined && !fetched.tree.has(_state_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .PLAYBOOK_FILE */ .Ld) && !fetched.tree.has(_state_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .JOURNAL_FILE */ .RD)) {
            throw new _state_fetch_js__WEBPACK_IMPORTED_MODULE_6__/* .StateBranchError */ .a(`the branch "${options.branch}" (input state-branch) exists but is not a state branch: it has no PLAYBOOK.md and no journal.md. ` +
                'The loop writes its journal and records there: name a branch of its own (the default is loop-state).');
        }
        let seeded = false;
        const template = fetched === undefined ? await templateOf(options) : new Map();
        for (let attempt = 1; fetched === undefined; attempt++) {
            seeded = true;
            if (options.dryRun)
                break;
            // The seed is pushed at once: of several first beats one seeds, and the others load its branch.
            const sha = await (0,_state_fetch_js__WEBPACK_IMPORTED_MODULE_6__/* .withRepo */ .vf)(options.tempDir, async (repo) => (await pushCommit(options, repo, undefined, seedChanges(template), 'looop: seed the state branch from loop-state/'))?.sha);
            if (sha !== undefined) {
                fetched = { sha, tree: template };
                break;
            }
            seeded = false;
            fetched = await (0,_state_fetch_js__WEBPACK_IMPORTED_MODULE_6__/* .withRepo */ .vf)(options.tempDir, (repo) => fetchTree(options, repo, view));
            written = false;
            if (attempt >= _state_fetch_js__WEBPACK_IMPORTED_MODULE_6__/* .FETCH_ATTEMPTS */ .CB && fetched === undefined)
                throw new _state_fetch_js__WEBPACK_IMPORTED_MODULE_6__/* .StateBranchError */ .a(`could not seed or read the state branch "${options.branch}"`);
        }
        if (!written)
            await materialize(fetched?.tree ?? template, view);
        return stateBranch(options, fetched, seeded, view, template);
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(view, { recursive: true, force: true });
        throw error;
    }
}
/**
 * Fetches the branch's tip and writes its view, in a new folder under `dir`: a beat's first git
 * work, which the entry starts before the bundle loads. `fetching` is told when git has begun.
 */
async function fetchTip(remote, dir, fetching) {
    const view = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'view-'));
    const head = await (0,_state_fetch_js__WEBPACK_IMPORTED_MODULE_6__/* .withRepo */ .vf)(dir, (repo) => fetchTree(remote, repo, view, fetching));
    if (head !== undefined)
        await materialize(head.tree, view);
    return { url: remote.url, view, head };
}
/** The tip read early, when it is of this origin; one of another is thrown away. */
async function adopted(options) {
    const early = await options.prefetched;
    if (early === undefined || early.url === options.url)
        return early;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(early.view, { recursive: true, force: true });
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
            return (0,_state_fetch_js__WEBPACK_IMPORTED_MODULE_6__/* .withRepo */ .vf)(options.tempDir, async (repo) => {
                for (let attempt = 1; attempt <= attempts; attempt++) {
                    const remote = await (0,_state_fetch_js__WEBPACK_IMPORTED_MODULE_6__/* .fetchHead */ .FY)(options, repo);
                    if (remote === undefined && head !== undefined) {
                        throw new _state_fetch_js__WEBPACK_IMPORTED_MODULE_6__/* .StateBranchError */ .a(`the state branch "${options.branch}" was deleted while this beat ran; its record was not saved, and the next beat seeds the branch again`);
                    }
                    if (remote !== undefined && remote !== head?.sha)
                        head = { sha: remote, tree: await (0,_git_tree_js__WEBPACK_IMPORTED_MODULE_7__/* .readTree */ .Zc)(options.git, repo, remote, { tails: TAILS }) };
                    const base = head?.tree ?? template;
                    const applied = (0,_state_tree_js__WEBPACK_IMPORTED_MODULE_8__/* .applyRecord */ .S7)(base, record);
                    const changes = head === undefined ? seedChanges(applied.tree) : applied.changes;
                    if (changes.length === 0)
                        return { sha: undefined, attempts: attempt - 1 };
                    const written = await pushCommit(options, repo, head?.sha, changes, record.message);
                    if (written !== undefined) {
                        head = { sha: written.sha, tree: withBlobs(applied.tree, written.appended) };
                        tree = head.tree;
                        return { sha: written.sha, attempts: attempt };
                    }
                    // Another beat landed first: the next pass fetches its head and writes this record again on top.
                    await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_4__.setTimeout)(50 * attempt + Math.random() * 100 * attempt);
                }
                throw new _state_fetch_js__WEBPACK_IMPORTED_MODULE_6__/* .StateBranchError */ .a(`gave up pushing to "${options.branch}" after ${attempts} attempts: other pushes kept landing first. ` +
                    ((0,_state_record_js__WEBPACK_IMPORTED_MODULE_9__/* .isEmptyRecord */ .DM)(record) ? '' : "This beat's record was not saved; the next beat senses again."));
            });
        },
        [Symbol.asyncDispose]: () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(view, { recursive: true, force: true }),
    };
}
/** Files held only by their end when long: the journal grows with every move, and a beat reads its last lines. */
const TAILS = new Set([_state_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .JOURNAL_FILE */ .RD]);
/** The branch's tip, its long files written whole into `view` by git and only their end kept here. */
async function fetchTree(remote, repo, view, fetching = () => undefined) {
    const started = (0,_state_fetch_js__WEBPACK_IMPORTED_MODULE_6__/* .fetchHead */ .FY)(remote, repo);
    fetching();
    const sha = await started;
    return sha === undefined ? undefined : { sha, tree: await (0,_git_tree_js__WEBPACK_IMPORTED_MODULE_7__/* .readTree */ .Zc)(remote.git, repo, sha, { tails: TAILS, spillTo: view }) };
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
/** Writes and pushes one commit; what it wrote when it landed, undefined when the branch had moved. */
async function pushCommit(options, repo, parent, changes, message) {
    const written = await (0,_git_tree_js__WEBPACK_IMPORTED_MODULE_7__/* .writeCommit */ .rV)(options.git, repo, { ...(parent === undefined ? {} : { parent }), changes, message, at: options.now() });
    const { sha } = written;
    // Never forced: a plain push fails when the branch moved, which is the compare-and-swap we need.
    const result = await options.git.tryRun(['push', '--porcelain', options.url, `${sha}:refs/heads/${options.branch}`], { cwd: repo, repo, network: true });
    if (result.ok)
        return written;
    const text = `${result.stdout}\n${result.stderr}`;
    if (/\[rejected\]|non-fast-forward|fetch first|\[remote rejected\].*(cannot lock ref|failed to update ref)/i.test(text))
        return undefined;
    throw new _git_js__WEBPACK_IMPORTED_MODULE_5__/* .GitError */ .XS(`could not push the state branch "${options.branch}": ${result.stderr}. ` +
        'The workflow needs "permissions: contents: write", and branch protection must let github-actions[bot] push to it.', result.stderr);
}
/**
 * Writes the state's files into a new, empty folder for sensors. Only regular files are
 * written (a link on the branch is not), each created exclusively, so nothing is followed.
 * A long file held only by its end is already there: git wrote it while the tree was read.
 */
function materialize(tree, dir) {
    const files = [...tree].flatMap(([file, entry]) => (entry.kind === 'file' ? [[file, entry]] : []));
    const folders = [...new Set(files.map(([file]) => node_path__WEBPACK_IMPORTED_MODULE_3___default().posix.dirname(file)).filter((folder) => folder !== '.'))];
    // In one go, without the thread pool: a thousand small files are written in a tenth of the
    // time, and nothing else of the beat runs until they are there.
    for (const folder of folders)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, folder), { recursive: true });
    for (const [file, entry] of files)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, file), entry.content, { flag: 'wx', mode: entry.executable ? 0o755 : 0o644 });
    return Promise.resolve(dir);
}


/***/ }),

/***/ 9992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CB: () => (/* binding */ FETCH_ATTEMPTS),
/* harmony export */   FY: () => (/* binding */ fetchHead),
/* harmony export */   a: () => (/* binding */ StateBranchError),
/* harmony export */   vf: () => (/* binding */ withRepo)
/* harmony export */ });
/* unused harmony export makeRepo */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_3__);




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
async function makeRepo(tempDir) {
    const repo = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(tempDir, 'repo-'));
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(repo, 'objects'));
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(repo, 'refs', 'heads'), { recursive: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(repo, 'HEAD'), 'ref: refs/heads/main\n', { flag: 'wx' });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(repo, 'config'), '[core]\n\trepositoryformatversion = 0\n\tbare = true\n', { flag: 'wx' });
    return repo;
}
/** A fresh repository for `work`, removed when it is done. */
async function withRepo(tempDir, work) {
    const repo = await makeRepo(tempDir);
    try {
        return await work(repo);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(repo, { recursive: true, force: true });
    }
}
/**
 * Fetches only the branch's tip: a beat never needs its history. Undefined when it does not
 * exist. A fetch is a network call (and may meet a lock held by another), so it is retried.
 */
async function fetchHead(remote, repo) {
    const { git, url, branch } = remote;
    let stderr = '';
    for (let attempt = 1; attempt <= FETCH_ATTEMPTS; attempt++) {
        // unpackLimit 1 keeps the pack as it came: unpacking it would compress every object again, a long journal too.
        const result = await git.tryRun(['-c', 'fetch.unpackLimit=1', 'fetch', '--no-tags', '--no-write-fetch-head', '--depth=1', url, `+refs/heads/${branch}:${HEAD_REF}`], { cwd: repo, repo, network: true });
        if (result.ok)
            return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(repo, HEAD_REF), 'utf8')).trim();
        if (/couldn't find remote ref/i.test(result.stderr))
            return undefined;
        stderr = result.stderr;
        // A refused credential does not get better by asking again.
        if (/authentication failed|could not read (username|password)|\b40[13]\b/i.test(stderr))
            break;
        if (attempt < FETCH_ATTEMPTS)
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_3__.setTimeout)(500 * attempt + Math.random() * 500);
    }
    throw new StateBranchError(`could not fetch the state branch "${branch}" from the checkout's origin: ${stderr}. ` +
        'Check that the workflow grants "permissions: contents: write" and passes github-token.');
}


/***/ }),

/***/ 4243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ LOOP_IDENTITY)
/* harmony export */ });
/** Who the loop commits as: GitHub's own bot, so commits read as the workflow's. */
const LOOP_IDENTITY = {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com',
};


/***/ }),

/***/ 8742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rx: () => (/* binding */ formatJournalLine),
/* harmony export */   SK: () => (/* binding */ utcTime),
/* harmony export */   WG: () => (/* binding */ JOURNAL_HEADER),
/* harmony export */   pS: () => (/* binding */ journalRows)
/* harmony export */ });
/* harmony import */ var _text_fit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8600);

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


/***/ }),

/***/ 1719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/* harmony export */   BQ: () => (/* binding */ statePath),
/* harmony export */   Eo: () => (/* binding */ isName),
/* harmony export */   Vh: () => (/* binding */ NAME_PATTERN),
/* harmony export */   iC: () => (/* binding */ isPeoplesPath),
/* harmony export */   k0: () => (/* binding */ UnsafePathError),
/* harmony export */   rX: () => (/* binding */ isStatePath)
/* harmony export */ });
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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lf: () => (/* binding */ linksIn),
/* harmony export */   S7: () => (/* binding */ applyRecord),
/* harmony export */   b6: () => (/* binding */ textOf),
/* harmony export */   dd: () => (/* binding */ TAIL_BYTES),
/* harmony export */   gz: () => (/* binding */ treeFromDir),
/* harmony export */   pJ: () => (/* binding */ endOf),
/* harmony export */   pK: () => (/* binding */ isBehindLink)
/* harmony export */ });
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1719);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _journal_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8742);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3641);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(388);






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
    // The first line of the tail may be cut, and with it a character: it is dropped.
    const text = entry.tail.toString('utf8');
    return text.slice(text.indexOf('\n') + 1);
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


/***/ }),

/***/ 8600:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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


/***/ })

};
