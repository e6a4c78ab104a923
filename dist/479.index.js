export const id = 479;
export const ids = [479];
export const modules = {

/***/ 6479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   prefetch: () => (/* binding */ prefetch)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _checkout_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3100);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5526);
/* harmony import */ var _state_branch_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7236);






/** Names a branch can have (the settings check them again, and more closely). */
const BRANCH = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;
function input(env, name) {
    const value = env[`INPUT_${name.toUpperCase()}`]?.trim();
    return value === undefined || value === '' ? undefined : value;
}
/** Git as the beat makes it; undefined without git on PATH (the beat says so itself). */
function gitOf(env, token) {
    try {
        return (0,_git_js__WEBPACK_IMPORTED_MODULE_3__/* .createGit */ .lD)({ env, ...(token === undefined ? {} : { token }) });
    }
    catch {
        return undefined;
    }
}
/** Starts the fetch a beat is about to make, or undefined when the step is not a beat that would. */
function prefetch(env) {
    const branch = input(env, 'state-branch') ?? 'loop-state';
    if ((input(env, 'mode') ?? 'beat') !== 'beat' || !BRANCH.test(branch) || branch.includes('..'))
        return undefined;
    const token = input(env, 'github-token');
    const git = gitOf(env, token);
    if (git === undefined)
        return undefined;
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const scratch = (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(env.RUNNER_TEMP ?? node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(), 'looop-'));
    const config = (0,_checkout_js__WEBPACK_IMPORTED_MODULE_5__/* .listConfig */ .Zb)(git, workspace);
    let begun = () => undefined;
    const started = new Promise((resolve) => {
        begun = resolve;
    });
    const tip = (async () => {
        try {
            const url = (0,_checkout_js__WEBPACK_IMPORTED_MODULE_5__/* .originIn */ .Cy)(await config);
            return url === undefined ? undefined : await (0,_state_branch_js__WEBPACK_IMPORTED_MODULE_4__/* .fetchTip */ .mC)({ git, url, branch }, await scratch, begun);
        }
        finally {
            begun();
        }
    })();
    // What the beat does not wait for must not end the process as an unhandled rejection.
    for (const promise of [scratch, config, tip])
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
            const dir = await scratch.catch(() => undefined);
            if (dir !== undefined)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
        },
    };
}


/***/ })

};
