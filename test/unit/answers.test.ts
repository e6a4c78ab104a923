import { describe, expect, it } from 'vitest';
import { readAnswers, loginsToCheck, LOOP_COMMENT_MARKER } from '../../src/resources/asks/answers.ts';
import { askBody, askTitle, markerIn } from '../../src/resources/asks/issue.ts';
import { askIdFor, askWrite, formatAsk, moveHash, newAsk, parseAsk, readReply, type Ask } from '../../src/resources/asks/model.ts';
import { ALIAS_BOMB } from '../helpers/hostile-yaml.ts';
import type { IssueComment } from '../../src/beat/github.ts';
import type { Move } from '../../src/moves/schema.ts';

const move: Move = { type: 'run', reason: 'ship it', command: 'npm publish' };
const ask: Ask = { ...newAsk({ id: askIdFor(move), question: 'May the loop run `npm publish`?', reason: 'ship it', move, holds: [], beat: 'b1', at: '2026-11-23T12:00:00Z', nonce: '0123456789abcdef' }), issue: 7 };
const loaded = [{ ask, text: formatAsk(ask) }];

let nextId = 100;
function comment(login: string, body: string, extra: Partial<IssueComment> = {}): IssueComment {
  return { id: nextId++, issue: 7, body, login, isBot: false, created: '2026-11-23T12:05:00Z', ...extra };
}

function read(comments: IssueComment[], roles: Record<string, string> = { owner: 'admin', dev: 'write', lead: 'maintain', guest: 'read', triager: 'triage' }, approvers: string[] = []) {
  return readAnswers({ asks: loaded, comments, roles: new Map(Object.entries(roles)), approvers, at: '2026-11-23T12:10:00Z' });
}

describe('asks', () => {
  it('round-trip through their file', () => {
    const parsed = parseAsk(formatAsk(ask));
    expect(parsed).toEqual({ ok: true, ask });
  });

  it('whose front matter the parser refuses (aliases past its limit) are unreadable, saying why', () => {
    expect(parseAsk(`---\nid: ask-1\n${ALIAS_BOMB}\n---\n# x\n`)).toMatchObject({ ok: false, problem: expect.stringMatching(/^front matter is not YAML: .*alias/i) as unknown });
  });

  it('have an id from the move alone, not its reason, so a re-asked move finds its ask', () => {
    expect(askIdFor({ ...move, reason: 'another reason' })).toBe(askIdFor(move));
    expect(askIdFor({ ...move, command: 'npm publish --tag next' })).not.toBe(askIdFor(move));
    expect(askIdFor(move)).toMatch(/^run-[0-9a-f]{8}$/);
  });

  it('have a hash that changes with the round, so an approval of an interrupted round cannot run it again', () => {
    expect(moveHash(move, 1)).not.toBe(moveHash(move, 2));
    expect(ask.hash).toBe(moveHash(move, 1));
  });

  it('read replies: approve with a hash, deny with a reason, anything else an answer', () => {
    expect(readReply('/approve ABCDEF123456')).toEqual({ kind: 'approve', hash: 'abcdef123456' });
    expect(readReply('/approve')).toEqual({ kind: 'approve', hash: '' });
    expect(readReply('/deny not on a Friday')).toEqual({ kind: 'deny', why: 'not on a Friday' });
    expect(readReply('please /approve abc later')).toEqual({ kind: 'unclear' });
    expect(readReply('sounds good, ship it')).toEqual({ kind: 'answer', text: 'sounds good, ship it' });
    expect(readReply('/approve 1a2b3c4d5e6f thanks, go ahead')).toEqual({ kind: 'approve', hash: '1a2b3c4d5e6f' });
    expect(readReply('**/approve 1a2b3c4d5e6f**')).toEqual({ kind: 'approve', hash: '1a2b3c4d5e6f' });
    expect(readReply('\u200b/approve 1a2b3c4d5e6f')).toEqual({ kind: 'approve', hash: '1a2b3c4d5e6f' });
    expect(readReply('~~/approve 1a2b3c4d5e6f~~ on second thought, no')).toEqual({ kind: 'unclear' });
    expect(readReply('see https://ci.example/approve-list for the list')).toEqual({ kind: 'answer', text: 'see https://ci.example/approve-list for the list' });
  });
});

describe('the ask issue', () => {
  it('shows the exact move, its hash and how to answer, with a marker to find it again', () => {
    const body = askBody(ask);
    expect(markerIn(body)).toEqual({ id: ask.id, nonce: ask.nonce });
    expect(body).toContain('"command": "npm publish"');
    expect(body).toContain(`/approve ${ask.hash ?? ''}`);
    expect(askTitle(ask)).toBe('looop asks: May the loop run `npm publish`?');
  });

  it("fences the loop's own words, so a question cannot fake the instructions or mention people", () => {
    const hostile = { ...ask, question: '@everyone\n**To answer**, comment `/approve 000000000000`', reason: '```\n# Approved' };
    const body = askBody(hostile);
    const outside = body.split(/^(`{3,})[a-z]*\n[\s\S]*?\n\1$/m).join('');
    expect(outside).not.toContain('@everyone');
    expect(outside).not.toContain('000000000000');
    expect(askTitle({ ...ask, question: 'line one\nline two' })).toBe('looop asks: line one line two');
  });
});

describe('reading answers', () => {
  it('the right approval from a person with write access approves exactly once', () => {
    const approval = comment('dev', `/approve ${ask.hash ?? ''}`);
    const result = read([approval, comment('owner', `/approve ${ask.hash ?? ''}`)]);
    expect(result.approvals).toHaveLength(1);
    expect(result.approvals[0]).toMatchObject({ by: 'dev', comment: approval.id });
  });

  it.each(['admin', 'maintain', 'write'])('counts the %s role', (role) => {
    expect(read([comment('someone', `/approve ${ask.hash ?? ''}`)], { someone: role }).approvals).toHaveLength(1);
  });

  it.each(['read', 'triage', 'none'])("ignores a %s role's approval, and the journal says so without their words", (role) => {
    const result = read([comment('someone', `/approve ${ask.hash ?? ''}`)], { someone: role });
    expect(result.approvals).toEqual([]);
    expect(result.journal).toEqual([{ move: 'answer', summary: expect.stringContaining('ignored a comment by @someone') as string, outcome: 'ignored' }]);
    expect(JSON.stringify(result.journal)).not.toContain('/approve');
    expect(result.updated[0]?.seen).toHaveLength(1);
  });

  it('counts a named approver without a permission lookup, whatever the case', () => {
    expect(loginsToCheck(loaded, [comment('Outside', 'x')], ['outside'])).toEqual([]);
    expect(read([comment('Outside', `/approve ${ask.hash ?? ''}`)], {}, ['outside']).approvals).toHaveLength(1);
  });

  it('refuses an approval with the wrong hash, and replies saying why', () => {
    const result = read([comment('owner', '/approve 123456789abc')]);
    expect(result.approvals).toEqual([]);
    expect(result.replies).toEqual([{ issue: 7, body: expect.stringContaining('is not this move\'s hash') as string }]);
    expect(result.replies[0]?.body).toContain(LOOP_COMMENT_MARKER);
  });

  it('a denial resolves the ask with the reason', () => {
    const [denied] = read([comment('owner', '/deny not before the release')]).updated;
    expect(denied).toMatchObject({ status: 'denied', answers: [{ by: 'owner', text: 'not before the release' }] });
  });

  it('other text from a person is an answer', () => {
    const [answered] = read([comment('lead', 'Run the tests first.')]).updated;
    expect(answered).toMatchObject({ status: 'answered', answers: [{ by: 'lead', text: 'Run the tests first.' }] });
  });

  it("never counts bots or the loop's own comments, nor a comment already seen", () => {
    const seen = comment('owner', `/approve ${ask.hash ?? ''}`);
    const withSeen = [{ ask: { ...ask, seen: [seen.id] }, text: '' }];
    const bots = [comment('github-actions[bot]', `/approve ${ask.hash ?? ''}`, { isBot: true }), comment('owner', `${LOOP_COMMENT_MARKER}\n/approve ${ask.hash ?? ''}`)];
    expect(read(bots).approvals).toEqual([]);
    expect(readAnswers({ asks: withSeen, comments: [seen], roles: new Map([['owner', 'admin']]), approvers: [], at: '' }).approvals).toEqual([]);
  });

  it('ignores comments on other issues', () => {
    expect(read([comment('owner', `/approve ${ask.hash ?? ''}`, { issue: 8 })]).approvals).toEqual([]);
  });
});

describe('writing an ask another beat changed meanwhile', () => {
  const read = formatAsk(ask);
  const done: Ask = { ...ask, status: 'done', outcome: 'ok', seen: [1, 2], approved: { by: 'owner', at: 't', comment: 2 }, closed: true };
  const apply = (write: ReturnType<typeof askWrite>, current: string | null) => (typeof write === 'function' ? write(current) : write);

  it('never sends an executed ask back to pending, and keeps the comments both beats handled', () => {
    const merged = parseAsk(apply(askWrite({ ...ask, seen: [1, 3] }, read), formatAsk(done)) ?? '');
    expect(merged).toMatchObject({ ok: true, ask: { status: 'done', closed: true, seen: [1, 2, 3] } });
  });

  it('writes its own copy when the branch still holds what it read', () => {
    const answered: Ask = { ...ask, status: 'answered', answers: [{ by: 'dev', at: 't', comment: 9, text: 'yes' }] };
    expect(apply(askWrite(answered, read), read)).toBe(formatAsk(answered));
  });

  it('a later round wins over an earlier one, whatever their statuses', () => {
    const round2: Ask = { ...ask, round: 2, hash: moveHash(move, 2) };
    expect(parseAsk(apply(askWrite(done, read), formatAsk(round2)) ?? '')).toMatchObject({ ok: true, ask: { round: 2, status: 'pending' } });
  });
});

describe('the hash an approval must name', () => {
  it('is worked out from the move and round, not taken from the file', () => {
    const forged = [{ ask: { ...ask, hash: 'deadbeefdead' }, text: '' }];
    const result = readAnswers({ asks: forged, comments: [comment('owner', '/approve deadbeefdead')], roles: new Map([['owner', 'admin']]), approvers: [], at: '' });
    expect(result.approvals).toEqual([]);
  });
});
