/**
 * The GitHub client is Octokit's core with the REST methods and pagination, as @actions/github
 * builds it; behind a proxy it goes through the proxy, with @actions/github's proxy-aware fetch.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOctokit } from '../../src/io/github/octokit.ts';
import { startStandin, type Standin } from '../github-standin/server.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');

let standin: Standin;
beforeAll(async () => {
  standin = await startStandin();
  standin.ensureRepo('octo', 'project');
});
afterAll(async () => {
  await standin.close();
});

/** A forward proxy that tunnels CONNECT requests and remembers where they went. */
async function startProxy(): Promise<{ url: string; tunnels: string[]; close(): Promise<void> }> {
  const tunnels: string[] = [];
  const server: Server = createServer((_req, res) => {
    res.writeHead(405).end();
  });
  server.on('connect', (req, socket, head) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${String(port)}`, tunnels, close: () => new Promise((resolve) => server.close(() => { resolve(); })) };
}

describe('the Octokit set-up', () => {
  it('reads an issue with the REST methods and lists them with pagination', async () => {
    const issue = standin.addIssue('octo', 'project', { login: 'ana', title: 'hello', labels: [] });
    const octokit = createOctokit({ token: 'ghs_test', baseUrl: standin.url, env: {} });
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { owner: 'octo', repo: 'project', issue_number: issue.number });
    expect(data.title).toBe('hello');
    const all = await octokit.paginate('GET /repos/{owner}/{repo}/issues', { owner: 'octo', repo: 'project', per_page: 1 });
    expect(all.map((i) => i.number)).toContain(issue.number);
    standin.assertNoViolations();
  });

  it('goes through the proxy the environment names', async () => {
    const proxy = await startProxy();
    try {
      const issue = standin.addIssue('octo', 'project', { login: 'ana', title: 'proxied', labels: [] });
      // In a process of its own, as a beat is: @actions/github makes its proxy-aware fetch from the
      // environment when it is first imported, and a worker that ran another file has it already.
      const script = `
        import { createOctokit } from ${JSON.stringify(path.join(PROJECT, 'src/io/github/octokit.ts'))};
        const octokit = createOctokit({ token: 'ghs_test', baseUrl: process.env.STANDIN, env: process.env });
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { owner: 'octo', repo: 'project', issue_number: Number(process.env.ISSUE) });
        console.log(data.title);`;
      const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', https_proxy: proxy.url, http_proxy: proxy.url, STANDIN: standin.url, ISSUE: String(issue.number) };
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env });
      expect(stdout.trim()).toBe('proxied');
      expect(proxy.tunnels).toEqual([new URL(standin.url).host]);
    } finally {
      await proxy.close();
    }
  });
});
