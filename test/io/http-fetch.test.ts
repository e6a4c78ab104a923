import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFetch, proxied } from '../../src/io/http.ts';

let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/moved') {
      res.writeHead(301, { location: '/here' }).end();
      return;
    }
    if (req.url === '/slow') return; // never answers
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-seen': req.method ?? '' }).end(JSON.stringify({ url: req.url, body, auth: req.headers.authorization }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('the fetch Octokit uses for direct connections', () => {
  it('sends method, headers and body, and answers with status, headers and text', async () => {
    const response = await nodeFetch(`${base}/x`, { method: 'POST', headers: { authorization: 'token t' }, body: '{"a":1}' });
    expect(response.status).toBe(200);
    expect(response.headers.get('X-Seen')).toBe('POST');
    expect([...response.headers].some(([k]) => k === 'content-type')).toBe(true);
    expect(await response.json()).toEqual({ url: '/x', body: '{"a":1}', auth: 'token t' });
  });

  it('follows a redirect, as fetch does', async () => {
    const response = await nodeFetch(`${base}/moved`, { method: 'GET' });
    expect(response.url).toBe(`${base}/here`);
    expect(await response.json()).toMatchObject({ url: '/here' });
  });

  it('gives up when its signal aborts', async () => {
    await expect(nodeFetch(`${base}/slow`, { method: 'GET', signal: AbortSignal.timeout(200) })).rejects.toThrow();
  });
});

describe('proxies', () => {
  it('leave the default, proxy-aware fetch in charge unless the host is exempt', () => {
    expect(proxied('https://api.github.com', {})).toBe(false);
    expect(proxied('https://api.github.com', { HTTPS_PROXY: 'http://proxy:3128' })).toBe(true);
    expect(proxied('https://api.github.com', { https_proxy: 'http://proxy:3128', NO_PROXY: '.github.com' })).toBe(false);
    expect(proxied('http://127.0.0.1:8080', { HTTP_PROXY: 'http://proxy:3128', no_proxy: '127.0.0.1' })).toBe(false);
    expect(proxied('https://ghe.example.com', { HTTPS_PROXY: 'http://p', NO_PROXY: 'github.com' })).toBe(true);
  });
});
