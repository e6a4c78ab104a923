import { FRONT_MATTER, readYaml, simpleFrontMatter, yaml } from '../text/yaml.ts';
import { byText } from '../text/canonical.ts';

export const goalStatuses = ['active', 'done', 'archived'] as const;
export type GoalStatus = (typeof goalStatuses)[number];

/** A goal file: front matter (`status`, `priority`) and a body of desired state. */
export interface Goal {
  readonly slug: string;
  readonly status: GoalStatus;
  /** Lower comes first; goals without one come last. */
  readonly priority: number;
  /** The whole file as written, front matter included. */
  readonly text: string;
  /** Set when the front matter could not be read; the goal is then treated as active. */
  readonly problem?: string;
}

function frontMatter(block: string): { data: unknown; error?: string } {
  const simple = simpleFrontMatter(block);
  if (simple !== undefined) return { data: simple };
  const read = readYaml(yaml(), block);
  return read.ok ? { data: read.value } : { data: undefined, error: read.problem };
}

export function parseGoal(slug: string, text: string): Goal {
  const match = FRONT_MATTER.exec(text);
  if (match === null) return { slug, status: 'active', priority: Number.MAX_SAFE_INTEGER, text };
  const { data, error } = frontMatter(match[1] ?? '');
  if (data === null || typeof data !== 'object') {
    const problem = error ?? 'front matter is not a mapping';
    return { slug, status: 'active', priority: Number.MAX_SAFE_INTEGER, text, problem };
  }
  const fields = data as Record<string, unknown>;
  const status = goalStatuses.find((s) => s === fields.status);
  const priority = typeof fields.priority === 'number' ? fields.priority : Number.MAX_SAFE_INTEGER;
  const problem =
    fields.status !== undefined && status === undefined ? `unknown status ${JSON.stringify(fields.status)} (expected active, done or archived)` : undefined;
  return { slug, status: status ?? 'active', priority, text, ...(problem === undefined ? {} : { problem }) };
}

/** Active goals, most urgent first, the order a decision reads them in. */
export function activeGoals(goals: readonly Goal[]): Goal[] {
  return goals
    .filter((goal) => goal.status === 'active')
    .sort((a, b) => a.priority - b.priority || byText(a.slug, b.slug));
}

/** A goal body as the loop writes it: its own front matter kept, else `status: active` added. */
export function goalFile(body: string): string {
  const text = body.endsWith('\n') ? body : `${body}\n`;
  return FRONT_MATTER.test(text) ? text : `---\nstatus: active\n---\n${text}`;
}

/** The same goal with its status changed, the rest of its front matter and body untouched. */
export function withStatus(text: string, status: GoalStatus): string {
  const match = FRONT_MATTER.exec(text);
  if (match === null) return `---\nstatus: ${status}\n---\n${text}`;
  const read = readYaml(yaml(), match[1] ?? '');
  const fields = read.ok ? read.value : undefined;
  const kept = fields !== null && typeof fields === 'object' ? (fields as Record<string, unknown>) : {};
  return `---\n${yaml().stringify({ ...kept, status }).trimEnd()}\n---\n${text.slice(match[0].length)}`;
}
