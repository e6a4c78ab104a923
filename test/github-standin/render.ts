// The JSON GitHub returns for users, labels, issues, comments and permissions, built from the
// stand-in's records. API URLs point at the stand-in itself, web URLs at github.com.

import {
  githubTime,
  type CommentRecord,
  type IssueRecord,
  type LabelRecord,
  type RepoRecord,
  type Role,
  type UserRecord,
} from './state.ts';

export const WEB = 'https://github.com';

export interface UserJson {
  readonly login: string;
  readonly id: number;
  readonly node_id: string;
  readonly type: 'User' | 'Bot';
  readonly [field: string]: unknown;
}

export interface LabelJson {
  readonly id: number;
  readonly node_id: string;
  readonly url: string;
  readonly name: string;
  readonly color: string;
  readonly description: string | null;
  readonly default: boolean;
  readonly [field: string]: unknown;
}

export interface IssueJson {
  readonly id: number;
  readonly node_id: string;
  readonly number: number;
  readonly title: string;
  readonly body: string | null;
  readonly state: 'open' | 'closed';
  readonly state_reason: string | null;
  readonly labels: readonly LabelJson[];
  readonly user: UserJson;
  readonly comments: number;
  readonly created_at: string;
  readonly updated_at: string;
  readonly closed_at: string | null;
  readonly html_url: string;
  readonly url: string;
  readonly author_association: string;
  readonly [field: string]: unknown;
}

export interface CommentJson {
  readonly id: number;
  readonly node_id: string;
  readonly url: string;
  readonly body: string;
  readonly user: UserJson;
  readonly created_at: string;
  readonly updated_at: string;
  readonly html_url: string;
  readonly issue_url: string;
  readonly author_association: string;
  readonly [field: string]: unknown;
}

/** GitHub's legacy global node ids: base64 of "0<length>:<Type><id>", e.g. MDQ6VXNlcjE= for User 1. */
export function nodeId(type: string, id: number): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString('base64');
}

export function renderUser(api: string, user: UserRecord): UserJson {
  const url = `${api}/users/${encodeURIComponent(user.login)}`;
  const web = user.type === 'Bot' ? `${WEB}/apps/${user.login.replace(/\[bot\]$/, '')}` : `${WEB}/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === 'Bot' ? 'Bot' : 'User', user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: web,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

function repoApi(api: string, repo: RepoRecord): string {
  return `${api}/repos/${repo.owner}/${repo.name}`;
}

export function renderLabel(api: string, repo: RepoRecord, label: LabelRecord): LabelJson {
  return {
    id: label.id,
    node_id: nodeId('Label', label.id),
    url: `${repoApi(api, repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: false,
    description: label.description,
  };
}

export function authorAssociation(repo: RepoRecord, user: UserRecord): string {
  if (user.login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER';
  const role = repo.roles.get(user.login.toLowerCase());
  return role === undefined || role === 'none' ? 'NONE' : 'COLLABORATOR';
}

function reactions(url: string): Record<string, unknown> {
  const counts = { total_count: 0, '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 };
  return { url: `${url}/reactions`, ...counts };
}

export function renderIssue(api: string, repo: RepoRecord, issue: IssueRecord): IssueJson {
  const base = repoApi(api, repo);
  const url = `${base}/issues/${issue.number}`;
  const labels = issue.labels.flatMap((key) => {
    const label = repo.labels.get(key);
    return label ? [renderLabel(api, repo, label)] : [];
  });
  return {
    url,
    repository_url: base,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${WEB}/${repo.owner}/${repo.name}/issues/${issue.number}`,
    id: issue.id,
    node_id: nodeId('Issue', issue.id),
    number: issue.number,
    title: issue.title,
    user: renderUser(api, issue.user),
    labels,
    state: issue.state,
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: issue.comments,
    created_at: githubTime(issue.createdAt),
    updated_at: githubTime(issue.updatedAt),
    closed_at: issue.closedAt ? githubTime(issue.closedAt) : null,
    author_association: authorAssociation(repo, issue.user),
    type: null,
    active_lock_reason: null,
    sub_issues_summary: { total: 0, completed: 0, percent_completed: 0 },
    body: issue.body,
    closed_by: issue.closedBy && issue.state === 'closed' ? renderUser(api, issue.closedBy) : null,
    reactions: reactions(url),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.stateReason,
  };
}

export function renderComment(api: string, repo: RepoRecord, comment: CommentRecord): CommentJson {
  const url = `${repoApi(api, repo)}/issues/comments/${comment.id}`;
  return {
    url,
    html_url: `${WEB}/${repo.owner}/${repo.name}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${repoApi(api, repo)}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    user: renderUser(api, comment.user),
    created_at: githubTime(comment.createdAt),
    updated_at: githubTime(comment.updatedAt),
    author_association: authorAssociation(repo, comment.user),
    body: comment.body,
    reactions: reactions(url),
    performed_via_github_app: null,
  };
}

const PERMISSION: Readonly<Record<Role, 'admin' | 'write' | 'read' | 'none'>> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
  none: 'none',
};

const RANK: readonly Role[] = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];

export function renderPermission(api: string, role: Role, user: UserRecord): Record<string, unknown> {
  const at = (floor: Role) => RANK.indexOf(role) >= RANK.indexOf(floor);
  return {
    permission: PERMISSION[role],
    role_name: role,
    user: {
      ...renderUser(api, user),
      permissions: { admin: at('admin'), maintain: at('maintain'), push: at('write'), triage: at('triage'), pull: at('read') },
      role_name: role,
    },
  };
}
