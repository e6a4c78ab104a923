/**
 * The GitHub client is Octokit's core with the REST methods and pagination, as @actions/github
 * builds it; behind a proxy it goes through the proxy, with @actions/github's proxy-aware fetch.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOctokit } from '../../src/io/github/octokit.ts';
import { startStandin, type Standin } from '../github-standin/server.ts';

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
    const { data } = await octokit.rest.issues.get({ owner: 'octo', repo: 'project', issue_number: issue.number });
    expect(data.title).toBe('hello');
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, { owner: 'octo', repo: 'project', per_page: 1 });
    expect(all.map((i) => i.number)).toContain(issue.number);
    standin.assertNoViolations();
  });

  it('goes through the proxy the environment names', async () => {
    const proxy = await startProxy();
    // @actions/http-client reads the proxy for GitHub's API (https) from the process's environment.
    const saved = process.env.https_proxy;
    process.env.https_proxy = proxy.url;
    try {
      const issue = standin.addIssue('octo', 'project', { login: 'ana', title: 'proxied', labels: [] });
      const octokit = createOctokit({ token: 'ghs_test', baseUrl: standin.url, env: { http_proxy: proxy.url } });
      const { data } = await octokit.rest.issues.get({ owner: 'octo', repo: 'project', issue_number: issue.number });
      expect(data.title).toBe('proxied');
      expect(proxy.tunnels).toEqual([new URL(standin.url).host]);
    } finally {
      if (saved === undefined) delete process.env.https_proxy;
      else process.env.https_proxy = saved;
      await proxy.close();
    }
  });
});
