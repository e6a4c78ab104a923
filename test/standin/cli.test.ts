import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../github-standin/server.ts');

let child: ChildProcess | undefined;

afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
});

function start(args: string[]): Promise<{ url: string; process: ChildProcess; stderr: () => string }> {
  const proc = spawn(process.execPath, [SERVER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout });
    lines.once('line', (line) => {
      const parsed = JSON.parse(line) as { url: string };
      resolve({ url: parsed.url, process: proc, stderr: () => stderr });
    });
    proc.once('exit', (code) => {
      reject(new Error(`stand-in exited with ${String(code)} before printing its URL: ${stderr}`));
    });
  });
}

async function control(url: string, action: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}/_standin/${action}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  expect(response.status, action).toBe(200);
  return response.json();
}

describe('the stand-in as a process', () => {
  it('starts with --port 0, prints its URL, answers Octokit and its control API, logs violations, and stops on SIGTERM', async () => {
    const standin = await start(['--port', '0']);
    expect(standin.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    await control(standin.url, 'clock', { now: '2026-11-23T12:00:00Z', stepSeconds: 1 });
    await control(standin.url, 'issue', { owner: 'acme', repo: 'widgets', login: 'alice', title: 'Ask' });
    await control(standin.url, 'comment', { owner: 'acme', repo: 'widgets', issueNumber: 1, login: 'alice', body: '/approve 1a2b' });
    await control(standin.url, 'permission', { owner: 'acme', repo: 'widgets', login: 'alice', role: 'maintain' });

    const octokit = new Octokit({ baseUrl: standin.url, auth: 'ghs_x' });
    const comments = await octokit.rest.issues.listComments({ owner: 'acme', repo: 'widgets', issue_number: 1 });
    expect(comments.data.map((c) => [c.user?.login, c.body, c.created_at])).toEqual([['alice', '/approve 1a2b', '2026-11-23T12:00:01Z']]);
    const permission = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner: 'acme', repo: 'widgets', username: 'alice' });
    expect(permission.data.permission).toBe('write');

    await octokit.request('GET /repos/{owner}/{repo}/issues', { owner: 'acme', repo: 'widgets', bogus: '1' });
    const violations = (await control(standin.url, 'violations')) as { reason: string }[];
    expect(violations.map((v) => v.reason)).toEqual([expect.stringContaining('unknown query parameter bogus')]);
    const requests = (await control(standin.url, 'requests')) as { method: string; path: string; status: number }[];
    expect(requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /repos/acme/widgets/issues/1/comments 200',
      'GET /repos/acme/widgets/collaborators/alice/permission 200',
      'GET /repos/acme/widgets/issues 200',
    ]);

    const exited = new Promise<number | null>((resolve) => standin.process.once('exit', resolve));
    standin.process.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(standin.stderr()).toContain('standin violation: {"method":"GET","path":"/repos/acme/widgets/issues"');
  });

  it('refuses a bad control request with 400 and says why', async () => {
    const standin = await start(['--port', '0', '--no-validate']);
    const response = await fetch(`${standin.url}/_standin/permission`, { method: 'POST', body: JSON.stringify({ owner: 'a', repo: 'b', login: 'c', role: 'boss' }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/role/);
  });
});
