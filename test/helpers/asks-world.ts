import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { parseAsk, type Ask } from '../../src/resources/asks/model.ts';
import { startStandin, type Standin } from '../github-standin/server.ts';
import { makeLoop, noop, type Loop } from './loop.ts';

export const OWNER = 'octo';

/** One test's world for asks: the stand-in outlives the tests, each test has a repository of its own. */
export interface AsksWorld {
  readonly standin: Standin;
  readonly loop: Loop;
  /** A file each run of the deploy command appends a line to. */
  readonly counter: string;
  readonly repo: string;
}

let repos = 0;

/** Registers the hooks of a file of ask tests; `use` is told each test's world before it runs. */
export function useAsksWorld(use: (world: AsksWorld) => void): () => AsksWorld {
  let standin: Standin | undefined;
  let world: AsksWorld | undefined;
  beforeAll(async () => {
    standin = await startStandin();
  });
  afterAll(async () => {
    await standin?.close();
  });
  beforeEach(() => {
    if (standin === undefined) throw new Error('the GitHub stand-in did not start');
    const repo = `project-${++repos}`;
    const loop = makeLoop({ github: standin.url, repository: `${OWNER}/${repo}` });
    standin.resetRequests();
    standin.onRequest = undefined;
    standin.setPermission(OWNER, repo, 'maintainer', 'maintain');
    standin.setPermission(OWNER, repo, 'stranger', 'read');
    world = { standin, loop, counter: path.join(loop.sandbox.root, 'ran'), repo };
    use(world);
  });
  afterEach(() => {
    world?.standin.assertNoViolations();
    world?.loop.sandbox.cleanup();
  });
  return () => {
    if (world === undefined) throw new Error('no test is running');
    return world;
  };
}

/** What ask tests ask of their world. */
export function asksTools(world: () => AsksWorld) {
  /** A command outside allow: each run appends a line to the counter file. */
  const deploy = (): string => JSON.stringify({ type: 'run', reason: 'the release is ready', command: `echo deployed >> ${world().counter}` });
  const runs = (): number => (existsSync(world().counter) ? readFileSync(world().counter, 'utf8').trim().split('\n').length : 0);
  const askIssues = () => world().standin.issues(OWNER, world().repo).filter((issue) => issue.labels.some((label) => label.name === 'looop:ask'));
  const moveIssue = () => {
    const issue = askIssues().find((i) => i.title.includes('echo deployed'));
    if (issue === undefined) throw new Error('no ask issue for the move');
    return issue;
  };
  const hashOf = (body: string | null | undefined): string => /Hash: `([0-9a-f]{12})`/.exec(body ?? '')?.[1] ?? '';
  const ask = (id: string): Ask => {
    const parsed = parseAsk(world().loop.sandbox.stateFile(`asks/${id}.md`) ?? '');
    if (!parsed.ok) throw new Error(`asks/${id}.md: ${parsed.problem}`);
    return parsed.ask;
  };
  /** First beat (seeds, opens the setup ask), then a change so the next beat decides `answer`. */
  const askFor = async (answer: string): Promise<void> => {
    await world().loop.beat(noop);
    world().loop.newCommit('time to act');
    await world().loop.beat(answer);
  };
  return { deploy, runs, askIssues, moveIssue, hashOf, ask, askFor };
}
