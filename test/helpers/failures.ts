import path from 'node:path';
import { expect } from 'vitest';
import { parseFailure, type Failure } from '../../src/resources/failures/model.ts';
import type { Standin } from '../github-standin/server.ts';
import { STREAMS } from './action.ts';
import { OWNER, type Target } from './attack.ts';

/** A manual beat with a note: it decides now, whatever the backoff. */
export const manual = { eventName: 'workflow_dispatch', event: { inputs: { note: 'try again' } } };

/** The claude preset, its program replaced by one that prints claude's answer to a refused key. */
export const refusedKey = {
  runner: 'claude',
  'tick-command': `cat '${path.join(STREAMS, 'handwritten-claude-invalid-api-key.jsonl')}'`,
};

export type Issue = ReturnType<Standin['issues']>[number];

/** The failure issues on the stand-in and the failure files on the state branch, as a test reads them. */
export function failureViews(standin: Standin, target: Target): { failureIssues: () => Issue[]; failures: () => Failure[]; onlyIssue: () => Issue } {
  const failureIssues = (): Issue[] => standin.issues(OWNER, target.repo).filter((issue) => issue.labels.some((label) => label.name === 'looop:failure'));
  const failures = (): Failure[] =>
    [...target.stateFiles()]
      .filter(([file]) => file.startsWith('failures/'))
      .map(([, text]) => {
        const parsed = parseFailure(text);
        if (!parsed.ok) throw new Error(parsed.problem);
        return parsed.failure;
      });
  const onlyIssue = (): Issue => {
    const issues = failureIssues();
    expect(issues).toHaveLength(1);
    const issue = issues[0];
    if (issue === undefined) throw new Error('no failure issue');
    return issue;
  };
  return { failureIssues, failures, onlyIssue };
}
