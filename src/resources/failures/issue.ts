import type { GitHub, Issue, Label } from '../../beat/github.ts';
import { fitted, GITHUB_BODY_LIMIT } from '../../text/fit.ts';
import { fixFor, type Failure, type FailureKind, type FixContext } from './model.ts';
import { fence } from '../../prompt/fence.ts';

/** The label every failure issue carries; the workflow's `if:` wakes the loop on comments under it. */
export const FAILURE_LABEL = 'looop:failure';

const FAILURE: Label = { name: FAILURE_LABEL, color: 'b60205', description: "The loop's decisions fail: fix, then comment /resume" };

/** A hidden line that ties an issue to its failure (and this life of it, by the nonce). */
export function failureMarker(failure: Pick<Failure, 'fingerprint' | 'nonce'>): string {
  return `<!-- looop:failure fingerprint=${failure.fingerprint} nonce=${failure.nonce} -->`;
}

export function failureMarkerIn(body: string | null | undefined): { fingerprint: string; nonce: string } | undefined {
  const match = /<!-- looop:failure fingerprint=([0-9a-f]{12}) nonce=([0-9a-f]+) -->/.exec(body ?? '');
  return match === null ? undefined : { fingerprint: match[1] ?? '', nonce: match[2] ?? '' };
}

const TITLES: Readonly<Record<FailureKind, string>> = {
  'program-missing': 'the runner program was not found',
  auth: 'the runner refused the API key',
  model: 'the model does not exist',
  'rate-limit': 'the provider rate-limits the runner',
  'spend-limit': 'the provider refuses for spend',
  timeout: 'the runner does not answer in time',
  'runner-error': 'the runner fails',
  'no-answer': 'the runner gives no answer',
  unparseable: 'the answer is not a valid move',
  escalation: 'the escalation cannot run',
};

export function failureTitle(failure: Pick<Failure, 'kind'>): string {
  return `looop: decisions paused: ${TITLES[failure.kind]}`;
}

const ERROR_SHOWN = 6000;

/**
 * The issue a person reads. The error comes from the runner (and through it from the model
 * and the provider): it is shown fenced, as data, so it cannot mention anyone or pose as the
 * instructions below it.
 */
export function failureBody(failure: Failure, context: FixContext): string {
  const beats = failure.beats.map((b) => `- ${b.url === undefined ? `beat ${b.beat}` : `[beat ${b.beat}](${b.url})`} at ${b.at}`);
  const parts = [
    failureMarker(failure),
    '',
    `**The loop's decisions are paused:** they failed ${failure.beats.length === 1 ? 'once' : `${failure.beats.length} times in a row`} the same way (\`${failure.kind}\`). Each beat still senses and records, but calls no runner until a person resumes.`,
    '',
    '**The error** (the runner\'s words, as data):',
    '',
    fence(fitted(failure.error, ERROR_SHOWN, `failures/${failure.fingerprint}.md on the state branch has it whole`), 'text'),
    '',
    `**To fix it:** ${fixFor(failure.kind, context)}.`,
    '',
    '**The beats that failed:**',
    '',
    ...beats,
    '',
    '**To resume**, once it is fixed:',
    '- comment `/resume` on this issue (only people with write, maintain or admin permission, or listed in `approvers`, count);',
    '- or change the PLAYBOOK or a goal on the state branch;',
    '- or close this issue;',
    '- or run the workflow by hand with a `note`, which decides once.',
    '',
    'This issue closes itself when a decision succeeds.',
  ];
  return fitted(parts.join('\n'), GITHUB_BODY_LIMIT, `failures/${failure.fingerprint}.md on the state branch has it whole`);
}

/** A `/resume` as the first word of a comment, however the person wrapped it. */
export function isResume(body: string): boolean {
  const first = body.replace(/[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g, '').trim().split('\n')[0] ?? '';
  return /^[`*_]*\/resume\b/i.test(first.trim());
}

/** The failure issue that carries this marker (fingerprint and nonce) and that the loop itself opened. */
export function findFailureIssue(github: GitHub, fingerprint: string, nonce: string): Promise<Issue | undefined> {
  return github.findOwnIssue(FAILURE_LABEL, (body) => {
    const marker = failureMarkerIn(body);
    return marker?.fingerprint === fingerprint && marker.nonce === nonce && nonce !== '';
  });
}

export function createFailureIssue(github: GitHub, failure: Pick<Failure, 'kind'>, body: string): Promise<Issue> {
  return github.createIssue(FAILURE, failureTitle(failure), body);
}
