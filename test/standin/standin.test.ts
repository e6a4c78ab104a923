import { getOctokit } from '@actions/github';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOpenApi } from '../github-standin/openapi.ts';
import { validateSchema } from '../github-standin/schema.ts';
import { startStandin, type Standin } from '../github-standin/server.ts';

const owner = 'acme';
const repo = 'widgets';

let standin: Standin;
let octokit: Octokit;
let now: number;

/** A clock the test moves: every read returns the current time, tick() moves it on. */
function tick(seconds = 1): void {
  now += seconds * 1000;
}

async function failure(promise: Promise<unknown>): Promise<{ status: number; response: { data: unknown; headers: Record<string, string | undefined> } }> {
  try {
    await promise;
  } catch (error) {
    return error as { status: number; response: { data: unknown; headers: Record<string, string | undefined> } };
  }
  throw new Error('expected the request to fail');
}

/** A request exactly as given, past Octokit's types: what a careless caller could send. */
function raw(method: 'GET' | 'POST' | 'PATCH', url: string, params: Record<string, unknown>) {
  return octokit.request({ method, url, ...params });
}

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

beforeEach(async () => {
  standin = await startStandin();
  now = Date.parse('2026-11-23T12:00:00Z');
  standin.setClock(() => new Date(now));
  octokit = new Octokit({ baseUrl: standin.url, auth: 'ghs_x', log: quiet });
});

afterEach(async () => {
  await standin.close();
});

describe('issues', () => {
  it("refuses a body over GitHub's 65,536 characters with a 422, as GitHub does, issues and comments alike", async () => {
    const long = 'x'.repeat(65_537);
    const issue = await failure(octokit.rest.issues.create({ owner, repo, title: 'Long', body: long }));
    expect(issue.status).toBe(422);
    expect(issue.response.data).toMatchObject({ message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'body', message: 'body is too long (maximum is 65536 characters)' }] });
    const { data } = await octokit.rest.issues.create({ owner, repo, title: 'Fits', body: 'x'.repeat(65_536) });
    const comment = await failure(octokit.rest.issues.createComment({ owner, repo, issue_number: data.number, body: long }));
    expect(comment.status).toBe(422);
    expect(comment.response.data).toMatchObject({ errors: [{ resource: 'IssueComment', message: 'Body is too long (maximum is 65536 characters)' }] });
    // Characters, not UTF-16 units: 65,536 emoji fit.
    expect((await octokit.rest.issues.createComment({ owner, repo, issue_number: data.number, body: '🚀'.repeat(65_536) })).status).toBe(201);
  });

  it("records who opened an issue: the token's user, as the author GitHub shows", async () => {
    standin.setTokenUser('ghp_triager', { login: 'triager' });
    const mine = await octokit.rest.issues.create({ owner, repo, title: 'by the bot' });
    const theirs = await new Octokit({ baseUrl: standin.url, auth: 'ghp_triager', log: quiet }).rest.issues.create({ owner, repo, title: 'by a person' });
    expect(mine.data.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    expect(theirs.data.user).toMatchObject({ login: 'triager', type: 'User' });
  });

  it('answers GraphQL viewer with the login the token acts as', async () => {
    const answer = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    expect(answer.viewer.login).toBe('github-actions[bot]');
  });

  it('creates, lists, gets and closes issues, answering with the fields GitHub returns', async () => {
    const created = await octokit.rest.issues.create({ owner, repo, title: 'First', body: 'hello', labels: ['looop:ask'] });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      number: 1,
      title: 'First',
      body: 'hello',
      state: 'open',
      state_reason: null,
      comments: 0,
      created_at: '2026-11-23T12:00:00Z',
      closed_at: null,
      html_url: 'https://github.com/acme/widgets/issues/1',
      url: `${standin.url}/repos/acme/widgets/issues/1`,
      user: { login: 'github-actions[bot]', type: 'Bot' },
      labels: [{ name: 'looop:ask' }],
    });
    tick();
    await octokit.rest.issues.create({ owner, repo, title: 'Second' });

    const open = await octokit.rest.issues.listForRepo({ owner, repo });
    expect(open.data.map((i) => i.number)).toEqual([2, 1]); // newest first, like GitHub
    const labelled = await octokit.rest.issues.listForRepo({ owner, repo, labels: 'looop:ask' });
    expect(labelled.data.map((i) => i.number)).toEqual([1]);

    tick(60);
    const closed = await octokit.rest.issues.update({ owner, repo, issue_number: 1, state: 'closed', state_reason: 'not_planned' });
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'not_planned', closed_at: '2026-11-23T12:01:01Z', updated_at: '2026-11-23T12:01:01Z' });
    expect((await octokit.rest.issues.get({ owner, repo, issue_number: 1 })).data.state).toBe('closed');
    expect((await octokit.rest.issues.listForRepo({ owner, repo })).data.map((i) => i.number)).toEqual([2]);
    expect((await octokit.rest.issues.listForRepo({ owner, repo, state: 'closed' })).data.map((i) => i.number)).toEqual([1]);

    const retitled = await octokit.rest.issues.update({ owner, repo, issue_number: 2, title: 'Renamed', labels: ['a', 'b'] });
    expect(retitled.data.title).toBe('Renamed');
    expect(retitled.data.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['a', 'b']);
    expect(standin.issue(owner, repo, 2)?.title).toBe('Renamed');
    standin.assertNoViolations();
  });

  it('answers a missing issue with 404 and GitHub\'s error body', async () => {
    const error = await failure(octokit.rest.issues.get({ owner, repo, issue_number: 42 }));
    expect(error.status).toBe(404);
    expect(error.response.data).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/issues/issues#get-an-issue',
      status: '404',
    });
  });

  it('creates a missing label when an issue names it, and refuses a duplicate label with 422 already_exists', async () => {
    expect((await failure(octokit.rest.issues.getLabel({ owner, repo, name: 'looop:ask' }))).status).toBe(404);
    await octokit.rest.issues.create({ owner, repo, title: 'Ask', labels: ['looop:ask'] });
    const label = await octokit.rest.issues.getLabel({ owner, repo, name: 'looop:ask' });
    expect(label.data).toMatchObject({ name: 'looop:ask', color: 'ededed', default: false });

    const error = await failure(octokit.rest.issues.createLabel({ owner, repo, name: 'LOOOP:ask', color: 'ff0000' }));
    expect(error.status).toBe(422);
    expect(error.response.data).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
      status: '422',
    });
    const fresh = await octokit.rest.issues.createLabel({ owner, repo, name: 'looop:done', color: '00ff00', description: 'done' });
    expect(fresh.status).toBe(201);
    const added = await octokit.rest.issues.addLabels({ owner, repo, issue_number: 1, labels: ['looop:done', 'new-one'] });
    expect(added.data.map((l) => l.name)).toEqual(['looop:ask', 'looop:done', 'new-one']);
    expect(standin.labels(owner, repo).map((l) => l.name)).toEqual(['looop:ask', 'looop:done', 'new-one']);
  });
});

describe('comments', () => {
  it('lists repository comments updated since a time, and paginate follows the Link header across 3 pages', async () => {
    standin.addIssue(owner, repo, { login: 'alice', title: 'Thread' });
    const old = standin.addComment(owner, repo, 1, { login: 'alice', body: 'before' });
    tick(60);
    const since = '2026-11-23T12:01:00Z';
    for (let i = 0; i < 249; i++) {
      standin.addComment(owner, repo, 1, { login: 'bob', body: `comment ${i}` });
      tick();
    }
    standin.editComment(owner, repo, old.id, 'before, edited'); // updated after `since`: listed again
    standin.addComment(owner, repo, 1, { login: 'alice', body: 'last' });

    const first = await octokit.rest.issues.listCommentsForRepo({ owner, repo, since, per_page: 100 });
    expect(first.data).toHaveLength(100);
    const base = `${standin.url}/repos/acme/widgets/issues/comments?since=${encodeURIComponent(since)}&per_page=100`;
    expect(first.headers.link).toBe(`<${base}&page=2>; rel="next", <${base}&page=3>; rel="last"`);
    const middle = await octokit.rest.issues.listCommentsForRepo({ owner, repo, since, per_page: 100, page: 2 });
    expect(middle.headers.link).toBe(
      `<${base}&page=1>; rel="prev", <${base}&page=3>; rel="next", <${base}&page=3>; rel="last", <${base}&page=1>; rel="first"`,
    );
    const last = await octokit.rest.issues.listCommentsForRepo({ owner, repo, since, per_page: 100, page: 3 });
    expect(last.data).toHaveLength(51);
    expect(last.headers.link).toBe(`<${base}&page=2>; rel="prev", <${base}&page=1>; rel="first"`);

    standin.resetRequests();
    const all = await octokit.paginate(octokit.rest.issues.listCommentsForRepo, { owner, repo, since, per_page: 100 });
    expect(all).toHaveLength(251);
    expect(all[0]?.body).toBe('before, edited'); // ascending id, since filters on updated_at
    expect(all.at(-1)?.body).toBe('last');
    expect(standin.requests.map((r) => r.query['page'] ?? '1')).toEqual(['1', '2', '3']);
    standin.assertNoViolations();
  });

  it('posts and lists an issue\'s comments as the token\'s user, with getOctokit from @actions/github', async () => {
    standin.setTokenUser('ghs_alice', { login: 'alice', type: 'User' });
    standin.setPermission(owner, repo, 'alice', 'write');
    const github = getOctokit('ghs_alice', { baseUrl: standin.url, log: quiet });
    const issue = await github.rest.issues.create({ owner, repo, title: 'From actions' });
    tick();
    const comment = await github.rest.issues.createComment({ owner, repo, issue_number: issue.data.number, body: '/approve abc123' });
    expect(comment.status).toBe(201);
    expect(comment.data).toMatchObject({
      body: '/approve abc123',
      user: { login: 'alice', type: 'User' },
      author_association: 'COLLABORATOR',
      issue_url: `${standin.url}/repos/acme/widgets/issues/1`,
      html_url: `https://github.com/acme/widgets/issues/1#issuecomment-${comment.data.id}`,
    });
    tick();
    standin.addComment(owner, repo, 1, { login: 'renovate[bot]', body: 'noise' });
    const listed = await github.rest.issues.listComments({ owner, repo, issue_number: 1 });
    expect(listed.data.map((c) => [c.user?.login, c.user?.type])).toEqual([
      ['alice', 'User'],
      ['renovate[bot]', 'Bot'],
    ]);
    const later = await github.rest.issues.listComments({ owner, repo, issue_number: 1, since: '2026-11-23T12:00:02Z' });
    expect(later.data.map((c) => c.body)).toEqual(['noise']);
    expect(standin.issue(owner, repo, 1)?.comments).toBe(2);
    const edited = await github.rest.issues.updateComment({ owner, repo, comment_id: comment.data.id, body: 'changed' });
    expect(edited.data.body).toBe('changed');
    expect(standin.comments(owner, repo, 1).map((c) => c.body)).toEqual(['changed', 'noise']);
  });
});

describe('collaborator permission', () => {
  it.each([
    ['admin', 'admin'],
    ['maintain', 'write'],
    ['write', 'write'],
    ['triage', 'read'],
    ['read', 'read'],
    ['none', 'none'],
  ] as const)('reports role %s as permission %s, as GitHub does', async (role, permission) => {
    standin.setPermission(owner, repo, 'carol', role);
    const answer = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: 'carol' });
    expect(answer.data).toMatchObject({ permission, role_name: role, user: { login: 'carol', role_name: role } });
  });

  it('reports the repository owner as admin and an unknown user as 404', async () => {
    const ownerAnswer = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: owner });
    expect(ownerAnswer.data.permission).toBe('admin');
    const error = await failure(octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: 'nobody-at-all' }));
    expect(error.status).toBe(404);
  });
});

describe('workflow dispatch', () => {
  it('answers 204 and records the dispatch', async () => {
    const answer = await octokit.rest.actions.createWorkflowDispatch({ owner, repo, workflow_id: 'worker.yml', ref: 'main', inputs: { id: 'w1' } });
    expect(answer.status).toBe(204);
    expect(standin.dispatches(owner, repo)).toEqual([
      { owner, repo, workflowId: 'worker.yml', ref: 'main', inputs: { id: 'w1' }, at: '2026-11-23T12:00:00Z', user: 'github-actions[bot]' },
    ]);
  });
});

describe('headers and authentication', () => {
  it('sends GitHub\'s rate-limit headers, counting down per request, and /rate_limit agrees', async () => {
    const first = await octokit.rest.issues.listForRepo({ owner, repo });
    const second = await octokit.rest.issues.listForRepo({ owner, repo });
    expect(first.headers).toMatchObject({
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-used': '1',
      'x-ratelimit-resource': 'core',
      'x-ratelimit-reset': String(Date.parse('2026-11-23T13:00:00Z') / 1000),
      'content-type': 'application/json; charset=utf-8',
    });
    expect(second.headers['x-ratelimit-remaining']).toBe('4998');
    expect(first.headers['x-github-request-id']).toMatch(/^[0-9A-F]{4}:[0-9A-F]{4}:[0-9A-F]+:[0-9A-F]+:[0-9A-F]{8}$/);
    expect(first.headers['x-github-request-id']).not.toBe(second.headers['x-github-request-id']);
    const status = await octokit.rest.rateLimit.get();
    expect(status.data.rate).toMatchObject({ limit: 5000, used: 2, remaining: 4998 });
  });

  it('refuses a request without a token with 401 Requires authentication, and a refused token with Bad credentials', async () => {
    const anonymous = new Octokit({ baseUrl: standin.url, log: quiet });
    const error = await failure(anonymous.rest.issues.listForRepo({ owner, repo }));
    expect(error.status).toBe(401);
    expect(error.response.data).toMatchObject({ message: 'Requires authentication', status: '401' });
    standin.setTokenUser('ghs_revoked', null);
    const revoked = new Octokit({ baseUrl: standin.url, auth: 'ghs_revoked', log: quiet });
    expect((await failure(revoked.rest.issues.listForRepo({ owner, repo }))).response.data).toMatchObject({ message: 'Bad credentials' });
  });
});

describe('OpenAPI checks', () => {
  it('records an unknown query parameter as a violation and, like GitHub, ignores it', async () => {
    const answer = await octokit.request('GET /repos/{owner}/{repo}/issues', { owner, repo, labelz: 'x' });
    expect(answer.status).toBe(200);
    expect(standin.violations).toEqual([
      expect.objectContaining({ method: 'GET', path: '/repos/acme/widgets/issues', operationId: 'issues/list-for-repo', reason: expect.stringContaining('unknown query parameter labelz') as unknown }),
    ]);
    expect(() => {
      standin.assertNoViolations();
    }).toThrow(/labelz/);
  });

  it('answers an issue without a title with 422 Validation Failed, records the violation and creates nothing', async () => {
    const error = await failure(raw('POST', '/repos/{owner}/{repo}/issues', { owner, repo, body: 'no title' }));
    expect(error.status).toBe(422);
    expect(error.response.data).toEqual({
      message: 'Validation Failed',
      errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }],
      documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
      status: '422',
    });
    expect(standin.violations.map((v) => v.reason)).toEqual(['body.title: "title" wasn\'t supplied']);
    expect(standin.issues(owner, repo)).toEqual([]);
  });

  it('answers a wrongly typed body field and a bad enum with 422', async () => {
    const error = await failure(raw('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', { owner, repo, issue_number: 1, state: 'done', labels: 'x' }));
    expect(error.status).toBe(422);
    expect(standin.violations.map((v) => v.reason)).toEqual([expect.stringMatching(/^body\.state: "done" is not one of/), expect.stringMatching(/^body\.labels: "x" is not array/)]);
  });

  it('answers an undocumented route or method with 404 Not Found and records it', async () => {
    const route = await failure(octokit.request('GET /repos/{owner}/{repo}/no-such-thing', { owner, repo }));
    expect(route.status).toBe(404);
    expect(route.response.data).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    const method = await failure(octokit.request('DELETE /rate_limit'));
    expect(method.status).toBe(404);
    expect(standin.violations.map((v) => v.reason)).toEqual([
      'no operation has a path matching /repos/acme/widgets/no-such-thing',
      '/rate_limit has no DELETE operation (only GET)',
    ]);
  });

  it('answers with bodies that match GitHub\'s documented response schemas', async () => {
    const openapi = loadOpenApi();
    const check = (method: string, template: string, status: number, data: unknown) => {
      const schema = openapi.responseSchema(method, template, status);
      if (schema === undefined) throw new Error(`no schema for ${method} ${template} ${status}`);
      expect(validateSchema(data, schema, openapi.resolve), `${method} ${template}`).toEqual([]);
    };
    standin.setPermission(owner, repo, 'dave', 'maintain');
    const issue = await octokit.rest.issues.create({ owner, repo, title: 'Shape', labels: ['x'] });
    check('POST', '/repos/{owner}/{repo}/issues', 201, issue.data);
    const closed = await octokit.rest.issues.update({ owner, repo, issue_number: 1, state: 'closed' });
    check('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', 200, closed.data);
    const comment = await octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'hi' });
    check('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 201, comment.data);
    check('GET', '/repos/{owner}/{repo}/issues/comments', 200, (await octokit.rest.issues.listCommentsForRepo({ owner, repo })).data);
    check('GET', '/repos/{owner}/{repo}/labels/{name}', 200, (await octokit.rest.issues.getLabel({ owner, repo, name: 'x' })).data);
    check('GET', '/repos/{owner}/{repo}/collaborators/{username}/permission', 200, (await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: 'dave' })).data);
    check('GET', '/rate_limit', 200, (await octokit.rest.rateLimit.get()).data);
  });

  it('loads GitHub\'s OpenAPI description once, in reasonable time', () => {
    const openapi = loadOpenApi();
    expect(loadOpenApi()).toBe(openapi);
    expect(openapi.operationCount).toBeGreaterThan(1000);
    expect(openapi.loadMs).toBeLessThan(5000);
  });
});

describe('failures on request', () => {
  it('answers 403 secondary rate limit with retry-after, which a throttled Octokit waits out and retries', async () => {
    const Throttled = Octokit.plugin(throttling);
    const waits: number[] = [];
    const throttled = new Throttled({
      baseUrl: standin.url,
      auth: 'ghs_x',
      log: quiet,
      throttle: {
        onRateLimit: () => true,
        onSecondaryRateLimit: (retryAfter: number) => {
          waits.push(retryAfter);
          return true;
        },
      },
    });
    standin.failNext({ method: 'GET', path: '/issues', times: 1, kind: 'secondary-rate-limit', retryAfterSeconds: 1 });
    const answer = await throttled.rest.issues.listForRepo({ owner, repo });
    expect(answer.status).toBe(200);
    expect(waits).toEqual([1]);
    expect(standin.requests.map((r) => r.status)).toEqual([403, 200]);
  });

  it('sends GitHub\'s secondary-rate-limit body and retry-after header', async () => {
    standin.failNext({ path: /\/issues$/, kind: 'secondary-rate-limit', retryAfterSeconds: 7 });
    const error = await failure(octokit.rest.issues.listForRepo({ owner, repo }));
    expect(error.status).toBe(403);
    expect(error.response.headers['retry-after']).toBe('7');
    expect(error.response.data).toMatchObject({
      message: expect.stringMatching(/^You have exceeded a secondary rate limit\. Please wait a few minutes before you try again\. If you reach out to GitHub Support for help, please include the request ID [0-9A-F:]+\.$/) as unknown,
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: '403',
    });
    expect((await octokit.rest.issues.listForRepo({ owner, repo })).status).toBe(200); // only the next one failed
  });

  it('answers server errors with the status asked for, as many times as asked', async () => {
    standin.failNext({ method: 'POST', path: '/comments', kind: 'server-error', status: 502, times: 2 });
    standin.addIssue(owner, repo, { login: 'alice', title: 'x' });
    for (let i = 0; i < 2; i++) {
      expect((await failure(octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'x' }))).status).toBe(502);
    }
    expect((await octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'x' })).status).toBe(201);
    expect(standin.comments(owner, repo, 1)).toHaveLength(1);
  });
});
