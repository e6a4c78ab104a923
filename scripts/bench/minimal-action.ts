/**
 * What the bench compares the idle beat with: the least a bundled action on @actions/core and
 * @actions/github does (read an input, set an output). Built by the bench with the project's ncc.
 */
import * as core from '@actions/core';
import * as github from '@actions/github';

core.setOutput('runner', `${core.getInput('runner')} ${github.context.eventName}`);
