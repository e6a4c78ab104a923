import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../helpers/action.ts';
import { makeSandbox, type Sandbox } from '../helpers/git.ts';

/**
 * The real claude CLI, installed from the npm registry by the action's own install path, decides
 * against a local stand-in for Anthropic's Messages API. It needs the network and ~15 s, so it
 * runs only with LOOOP_REAL_RUNNERS=1 (`LOOOP_REAL_RUNNERS=1 npx vitest run test/e2e/install-real-claude.test.ts`).
 */
const move = JSON.stringify({ type: 'noop', reason: 'the real claude answered' });

/** Anthropic's streaming events for one text answer, as claude 2.1.330 reads them. */
function messageEvents(text: string): string {
  const events: [string, object][] = [
    ['message_start', { type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-haiku-4-5', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 100, output_tokens: 1 } } }],
    ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
    ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }],
    ['content_block_stop', { type: 'content_block_stop', index: 0 }],
    ['message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 20 } }],
    ['message_stop', { type: 'message_stop' }],
  ];
  return events.map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`).join('');
}

let sandbox: Sandbox;
let api: Server;
let requests: string[];
beforeEach(async () => {
  sandbox = makeSandbox();
  requests = [];
  api = createServer((request, response) => {
    requests.push(`${request.method ?? ''} ${request.url ?? ''}`);
    request.resume();
    request.on('end', () => {
      if (request.method === 'POST' && request.url?.startsWith('/v1/messages') === true) {
        response.writeHead(200, { 'content-type': 'text/event-stream', connection: 'close' }).end(messageEvents(move));
      } else {
        response.writeHead(404, { 'content-type': 'application/json', connection: 'close' }).end('{"type":"error","error":{"type":"not_found_error","message":"not here"}}');
      }
    });
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
});
afterEach(async () => {
  api.closeAllConnections();
  await new Promise((resolve) => api.close(resolve));
  sandbox.cleanup();
});

/** What npm needs to reach the registry from this machine (a company CA, a proxy), and nothing else. */
function networkSettings(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => /^(https?_proxy|no_proxy|node_extra_ca_certs|ssl_cert_file|npm_config_\w+)$/i.test(entry[0]) && entry[1] !== undefined));
}

describe.runIf(process.env.LOOOP_REAL_RUNNERS === '1')('the real claude CLI, installed by the action', () => {
  it('is installed from the registry on a deciding beat and decides through the claude preset', { timeout: 240_000 }, async () => {
    const run = await runAction(sandbox, {
      inputs: { runner: 'claude' },
      env: {
        ...networkSettings(),
        RUNNER_TOOL_CACHE: `${sandbox.root}/tool-cache`,
        ANTHROPIC_BASE_URL: `http://127.0.0.1:${String((api.address() as AddressInfo).port)}`,
        ANTHROPIC_API_KEY: 'sk-ant-local',
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.move, run.stdout).toBe(move);
    expect(requests.filter((r) => r.startsWith('POST /v1/messages'))).toHaveLength(1);
  });
});
