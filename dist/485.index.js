export const id = 485;
export const ids = [485];
export const modules = {

/***/ 6485:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionsCoreCommands: () => (/* binding */ actionsCoreCommands),
/* harmony export */   appendSummary: () => (/* binding */ appendSummary),
/* harmony export */   endGroup: () => (/* binding */ endGroup),
/* harmony export */   error: () => (/* binding */ error),
/* harmony export */   info: () => (/* binding */ info),
/* harmony export */   notice: () => (/* binding */ notice),
/* harmony export */   ownCommands: () => (/* binding */ ownCommands),
/* harmony export */   setFailed: () => (/* binding */ setFailed),
/* harmony export */   setOutput: () => (/* binding */ setOutput),
/* harmony export */   setSecret: () => (/* binding */ setSecret),
/* harmony export */   startGroup: () => (/* binding */ startGroup),
/* harmony export */   warning: () => (/* binding */ warning)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);




/** In @actions/core's order; like it, any property given (even an empty one) makes the command carry a property list. */
function annotation(properties = {}) {
    return Object.keys(properties).length === 0 ? {} : { title: properties.title, file: properties.file };
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function issue(command, message, properties = {}) {
    const shown = Object.entries(properties).filter((entry) => typeof entry[1] === 'string' && entry[1] !== '');
    const props = Object.keys(properties).length === 0 ? '' : ` ${shown.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',')}`;
    process.stdout.write(`::${command}${props}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}`);
}
/** A line of the log. */
function info(message) {
    process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_3__.EOL);
}
/** The runner masks this value in every later line of the log. */
function setSecret(secret) {
    issue('add-mask', secret);
}
function startGroup(name) {
    issue('group', name);
}
function endGroup() {
    issue('endgroup', '');
}
function notice(message, properties) {
    issue('notice', message, annotation(properties));
}
function warning(message, properties) {
    issue('warning', message, annotation(properties));
}
function error(message, properties) {
    issue('error', message, annotation(properties));
}
/** The step fails (exit code 1) once the process ends, with this error annotation. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** A step output, in GITHUB_OUTPUT's heredoc form; the old stdout command without that file. */
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT ?? '';
    if (file === '') {
        process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_3__.EOL);
        issue('set-output', value, { name });
        return;
    }
    const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    if (name.includes(delimiter))
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    if (value.includes(delimiter))
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file))
        throw new Error(`Missing file at path: ${file}`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(file, `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}`, { encoding: 'utf8' });
}
/** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY). */
async function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (file === undefined || file === '') {
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
    }
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.access)(file, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.R_OK | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK);
    }
    catch {
        throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.appendFile)(file, markdown, { encoding: 'utf8' });
}
const ownCommands = { info, setSecret, setOutput, startGroup, endGroup, notice, warning, error, setFailed, appendSummary };
/**
 * @actions/core's own, for a run() that the bundle's entry did not start: @github/local-action
 * calls run() with none and stubs @actions/core to show what the action wrote.
 */
async function actionsCoreCommands() {
    const core = await Promise.all(/* import() */[__webpack_require__.e(487), __webpack_require__.e(405)]).then(__webpack_require__.bind(__webpack_require__, 2405));
    return {
        info: core.info,
        setSecret: core.setSecret,
        setOutput: core.setOutput,
        startGroup: core.startGroup,
        endGroup: core.endGroup,
        notice: core.notice,
        warning: core.warning,
        error: core.error,
        setFailed: core.setFailed,
        appendSummary: async (markdown) => {
            await core.summary.addRaw(markdown).write();
        },
    };
}


/***/ })

};
