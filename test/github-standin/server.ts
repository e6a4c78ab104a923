// A GitHub REST API stand-in: an HTTP server on 127.0.0.1 that real Octokit clients talk to
// (point them at it with baseUrl or GITHUB_API_URL). State lives in memory; requests are checked
// against GitHub's OpenAPI description; tests inspect and steer it in-process, a separate process
// (the demo) over /_standin/.
//
//   const standin = await startStandin();
//   const octokit = new Octokit({ baseUrl: standin.url, auth: 'ghs_x' });
//   ...
//   standin.assertNoViolations();
//   await standin.close();
//
// As a process: node test/github-standin/server.ts --port 0 [--no-validate]
// prints {"url":"http://127.0.0.1:PORT"} on one line, logs violations to stderr, stops on SIGTERM.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControl } from './control.ts';
import {
  StandinCore,
  type BranchFile,
  type CommentJson,
  type DispatchRecord,
  type FailRule,
  type IssueJson,
  type LabelJson,
  type Permission,
  type PersonComment,
  type PersonIssue,
  type RequestRecord,
  type Role,
  type RunStatus,
  type UserType,
  type Violation,
} from './core.ts';
import { send } from './http.ts';
import { loadOpenApi } from './openapi.ts';
import { Pipeline } from './pipeline.ts';

export type {
  BranchFile,
  CommentJson,
  DispatchRecord,
  FailKind,
  FailRule,
  IssueJson,
  LabelJson,
  Permission,
  PersonComment,
  PersonIssue,
  RequestRecord,
  Role,
  RunStatus,
  StateReason,
  UserJson,
  UserType,
  Violation,
} from './core.ts';

export interface StandinOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Check requests against GitHub's OpenAPI description (default true). */
  readonly validate?: boolean;
  /** Called with each violation as it is recorded, e.g. to print it. */
  readonly onViolation?: (violation: Violation) => void;
}

export interface Standin {
  /** e.g. http://127.0.0.1:43567, for Octokit's baseUrl or GITHUB_API_URL. */
  readonly url: string;
  close(): Promise<void>;

  setPermission(owner: string, repo: string, login: string, role: Role): void;
  setTokenUser(token: string, user: { readonly login: string; readonly type?: UserType } | null): void;
  setClock(clock: () => Date): void;
  ensureRepo(owner: string, repo: string): void;

  addIssue(owner: string, repo: string, issue: PersonIssue): IssueJson;
  addComment(owner: string, repo: string, issueNumber: number, comment: PersonComment): CommentJson;
  editComment(owner: string, repo: string, commentId: number, body: string): CommentJson;
  /** A person closes or reopens an issue by hand. */
  setIssueState(owner: string, repo: string, n: number, login: string, state: 'open' | 'closed'): IssueJson;

  issue(owner: string, repo: string, n: number): IssueJson | undefined;
  issues(owner: string, repo: string): IssueJson[];
  comments(owner: string, repo: string, n: number): CommentJson[];
  labels(owner: string, repo: string): LabelJson[];
  dispatches(owner: string, repo: string): DispatchRecord[];
  setDefaultBranch(owner: string, repo: string, branch: string): void;
  /** Declares the repository's workflow files: a dispatch to any other is 404. */
  setWorkflows(owner: string, repo: string, files: readonly string[]): void;
  /** The login's token lacks actions: write or contents: write here: GitHub answers 403. */
  deny(owner: string, repo: string, login: string, permission: Permission): void;
  addBranch(owner: string, repo: string, branch: string): void;
  /** The files of a branch created through the Git Data API (path, mode, content). */
  branchFiles(owner: string, repo: string, branch: string): BranchFile[] | undefined;
  /** Declares a workflow run (GET .../actions/runs/{id} answers 404 for any other). */
  setRun(owner: string, repo: string, runId: number, status: RunStatus): void;

  /** Pull requests in GitHub's shape, oldest first. */
  pulls(owner: string, repo: string): StandinCore['pulls'] extends (...a: never[]) => infer R ? R : never;
  /** A person merges, closes or reopens a pull request. */
  setPullState(owner: string, repo: string, n: number, state: 'open' | 'closed' | 'merged'): void;
  /** The runs dispatches started, newest first, in GitHub's shape. */
  workflowRuns(owner: string, repo: string): StandinCore['workflowRuns'] extends (...a: never[]) => infer R ? R : never;
  /** GitHub runs a dispatched run (completed takes a conclusion, success by default). */
  setRunState(owner: string, repo: string, runId: number, status: RunStatus, conclusion?: string): void;
  /** A workflow's run-name over its inputs, e.g. "looop worker {worker-id}". */
  setRunName(owner: string, repo: string, workflow: string, template: string): void;
  /** 422 on return_run_details, as older GitHub Enterprise Server answers. */
  refuseRunDetails(owner: string, repo: string, refuse: boolean): void;
  /** The setting "Allow GitHub Actions to create and approve pull requests" (on unless turned off). */
  allowActionsPullRequests(owner: string, repo: string, allow: boolean): void;

  readonly requests: readonly RequestRecord[];
  resetRequests(): void;
  readonly violations: readonly Violation[];
  resetViolations(): void;
  /** Throws, listing them, when any request broke GitHub's OpenAPI description. */
  assertNoViolations(): void;

  failNext(rule: FailRule): void;
  /** Called with each request once handled, before its answer is sent. */
  onRequest: ((request: RequestRecord) => void) | undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

class StandinServer extends StandinCore implements Standin {
  url = '';
  readonly #close: () => Promise<void>;

  constructor(close: () => Promise<void>) {
    super();
    this.#close = close;
  }

  close(): Promise<void> {
    return this.#close();
  }
}

export async function startStandin(options: StandinOptions = {}): Promise<Standin> {
  const openapi = options.validate === false ? undefined : loadOpenApi();
  const standin = new StandinServer(() => closeServer());
  standin.onViolation = options.onViolation;
  const pipeline = new Pipeline(standin, openapi);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const bodyText = await readBody(req);
      const method = (req.method ?? 'GET').toUpperCase();
      const url = new URL(req.url ?? '/', standin.url);
      if (url.pathname.startsWith('/_standin/')) {
        send(res, handleControl(standin, method, url, bodyText), {});
        return;
      }
      const out = pipeline.handle({ method, url, headers: req.headers, bodyText });
      send(res, out.result, out.headers);
    })().catch((error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`standin: ${message}\n`);
      if (!res.headersSent) send(res, { status: 500, body: { message: 'Server Error', status: '500' } }, {});
      else res.destroy();
    });
  });

  function closeServer(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      server.close((error) => {
        if (error) reject(error);
        else resolve();
      });
      server.closeAllConnections();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  standin.url = `http://127.0.0.1:${port}`;
  standin.api = standin.url;
  return standin;
}

function argument(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

async function main(args: readonly string[]): Promise<void> {
  const port = Number(argument(args, '--port') ?? '0');
  if (!Number.isInteger(port) || port < 0) throw new Error(`--port must be a port number, got ${String(argument(args, '--port'))}`);
  const standin = await startStandin({
    port,
    validate: !args.includes('--no-validate'),
    onViolation: (violation) => {
      process.stderr.write(`standin violation: ${JSON.stringify(violation)}\n`);
    },
  });
  process.stdout.write(`${JSON.stringify({ url: standin.url })}\n`);
  const stop = () => {
    void standin.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`standin: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
