// The repository itself and the Git Data API (blobs, trees, commits, refs), as far as
// `looop-action init` uses them to create a branch. Shas are git's for blobs; trees and commits
// get content digests of the same length.

import { createHash } from 'node:crypto';
import { githubError } from './openapi.ts';
import type { RouteResult } from './http.ts';
import type { GitTreeEntry, RepoRecord } from './state.ts';
import { isPlainObject } from './schema.ts';
import { created, field, notFound, repoOf, text, type RouteContext } from './context.ts';
import { renderUser } from './render.ts';

function sha1(...parts: (string | Buffer)[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

function gitUrl(ctx: RouteContext, repo: RepoRecord, kind: string, sha: string): string {
  return `${ctx.api}/repos/${repo.owner}/${repo.name}/git/${kind}/${sha}`;
}

/** A token without contents: write is refused as GitHub refuses an installation token it was not granted. */
function refusedWrite(ctx: RouteContext, repo: RepoRecord): RouteResult | undefined {
  if (ctx.store.may(repo, ctx.user.login, 'contents')) return undefined;
  return { status: 403, body: githubError(403, 'Resource not accessible by integration', ctx.docsUrl) };
}

function invalid(ctx: RouteContext, message: string): RouteResult {
  return { status: 422, body: githubError(422, message, ctx.docsUrl) };
}

function storeBlob(repo: RepoRecord, bytes: Buffer): string {
  const sha = sha1(`blob ${bytes.length}\0`, bytes);
  repo.git.blobs.set(sha, bytes);
  return sha;
}

export function getRepo(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const owner = ctx.store.user(repo.owner);
  const fullName = `${repo.owner}/${repo.name}`;
  return {
    status: 200,
    body: {
      id: repo.id,
      node_id: `R_${repo.id}`,
      name: repo.name,
      full_name: fullName,
      private: false,
      owner: renderUser(ctx.api, owner),
      html_url: `https://github.com/${fullName}`,
      url: `${ctx.api}/repos/${fullName}`,
      default_branch: repo.defaultBranch,
      visibility: 'public',
    },
  };
}

export function getRef(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const ref = `refs/${ctx.params['ref'] ?? ''}`;
  const sha = repo.git.refs.get(ref);
  if (sha === undefined) return notFound(ctx);
  return { status: 200, body: refJson(ctx, repo, ref, sha) };
}

function refJson(ctx: RouteContext, repo: RepoRecord, ref: string, sha: string) {
  return { ref, node_id: `REF_${sha.slice(0, 12)}`, url: `${ctx.api}/repos/${repo.owner}/${repo.name}/git/${ref}`, object: { type: 'commit', sha, url: gitUrl(ctx, repo, 'commits', sha) } };
}

export function createBlob(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const refused = refusedWrite(ctx, repo);
  if (refused) return refused;
  const content = text(field(ctx.body, 'content'));
  if (content === undefined) return invalid(ctx, 'Invalid request.\n\n"content" wasn\'t supplied.');
  const sha = storeBlob(repo, field(ctx.body, 'encoding') === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8'));
  return created(gitUrl(ctx, repo, 'blobs', sha), { sha, url: gitUrl(ctx, repo, 'blobs', sha) });
}

export function createTree(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const refused = refusedWrite(ctx, repo);
  if (refused) return refused;
  if (field(ctx.body, 'base_tree') !== undefined) return invalid(ctx, 'the stand-in builds whole trees only (no base_tree)');
  const listed = field(ctx.body, 'tree');
  const entries: GitTreeEntry[] = [];
  for (const item of Array.isArray(listed) ? (listed as unknown[]) : []) {
    if (!isPlainObject(item)) return invalid(ctx, 'tree entries are objects');
    const { path, mode, type, content } = item;
    if (typeof path !== 'string' || typeof mode !== 'string' || type !== 'blob') return invalid(ctx, 'the stand-in takes blob entries with path, mode, and sha or content');
    if (!['100644', '100755', '120000'].includes(mode)) return invalid(ctx, `tree.mode ${mode} is not a blob mode`);
    // An entry gives the blob by sha, or its text as content (GitHub then writes the blob).
    const sha = typeof content === 'string' ? storeBlob(repo, Buffer.from(content, 'utf8')) : item.sha;
    if (typeof sha !== 'string' || !repo.git.blobs.has(sha)) return invalid(ctx, `tree.sha ${String(sha)} is not a valid blob`);
    if (path.startsWith('/') || path.split('/').some((part) => part === '' || part === '.' || part === '..')) return invalid(ctx, `tree.path ${JSON.stringify(path)} is not a valid path`);
    entries.push({ path, mode, type, sha });
  }
  const sorted = entries.sort((a, b) => a.path.localeCompare(b.path));
  const sha = sha1('tree', JSON.stringify(sorted));
  repo.git.trees.set(sha, sorted);
  return created(gitUrl(ctx, repo, 'trees', sha), { sha, url: gitUrl(ctx, repo, 'trees', sha), truncated: false, tree: sorted.map((entry) => ({ ...entry, url: gitUrl(ctx, repo, 'blobs', entry.sha) })) });
}

export function createCommit(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const refused = refusedWrite(ctx, repo);
  if (refused) return refused;
  const tree = text(field(ctx.body, 'tree')) ?? '';
  const message = text(field(ctx.body, 'message')) ?? '';
  const parentsField = field(ctx.body, 'parents');
  const parents = Array.isArray(parentsField) ? parentsField.filter((p): p is string => typeof p === 'string') : [];
  if (!repo.git.trees.has(tree)) return invalid(ctx, `Tree SHA does not exist`);
  if (parents.some((parent) => !repo.git.commits.has(parent))) return invalid(ctx, 'Parent SHA does not exist or is not a commit object');
  const sha = sha1('commit', tree, parents.join(','), message);
  repo.git.commits.set(sha, { tree, parents, message });
  const person = { name: ctx.user.login, email: `${ctx.user.id}+${ctx.user.login}@users.noreply.github.com`, date: new Date(ctx.store.now()).toISOString() };
  return created(gitUrl(ctx, repo, 'commits', sha), {
    sha,
    node_id: `C_${sha.slice(0, 12)}`,
    url: gitUrl(ctx, repo, 'commits', sha),
    html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${sha}`,
    author: person,
    committer: person,
    message,
    tree: { sha: tree, url: gitUrl(ctx, repo, 'trees', tree) },
    parents: parents.map((parent) => ({ sha: parent, url: gitUrl(ctx, repo, 'commits', parent), html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${parent}` })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  });
}

export function createRef(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const refused = refusedWrite(ctx, repo);
  if (refused) return refused;
  const ref = text(field(ctx.body, 'ref')) ?? '';
  const sha = text(field(ctx.body, 'sha')) ?? '';
  if (!/^refs\/.+/.test(ref) || ref.split('/').length < 3) return invalid(ctx, 'Reference name must start with \'refs/\' and have at least two slashes.');
  if (repo.git.refs.has(ref)) return invalid(ctx, 'Reference already exists');
  if (!repo.git.commits.has(sha)) return invalid(ctx, 'Object does not exist');
  repo.git.refs.set(ref, sha);
  const json = refJson(ctx, repo, ref, sha);
  return created(json.url, json);
}

/** A branch's files as the Git Data API holds them, for tests to read back. */
export function branchFiles(repo: RepoRecord, branch: string): { path: string; mode: string; content: string }[] | undefined {
  const sha = repo.git.refs.get(`refs/heads/${branch}`);
  const commit = sha === undefined ? undefined : repo.git.commits.get(sha);
  const tree = commit === undefined ? undefined : repo.git.trees.get(commit.tree);
  return tree?.map((entry) => ({ path: entry.path, mode: entry.mode, content: (repo.git.blobs.get(entry.sha) ?? Buffer.alloc(0)).toString('utf8') }));
}

/** A branch a test declares as already there (an empty root commit). */
export function addBranch(repo: RepoRecord, branch: string): void {
  const tree = sha1('tree', '[]');
  repo.git.trees.set(tree, []);
  const sha = sha1('commit', tree, '', branch);
  repo.git.commits.set(sha, { tree, parents: [], message: branch });
  repo.git.refs.set(`refs/heads/${branch}`, sha);
}
