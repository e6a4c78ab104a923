// Path templates like /repos/{owner}/{repo}/issues/{issue_number}: compiled once, matched
// segment by segment. Among templates that match, the one with the most literal segments wins,
// so /repos/{owner}/{repo}/issues/comments beats /repos/{owner}/{repo}/issues/{issue_number}.

export interface CompiledTemplate<T> {
  readonly template: string;
  readonly segments: readonly (string | { readonly param: string })[];
  readonly literals: number;
  readonly value: T;
}

export interface TemplateMatch<T> {
  readonly template: string;
  readonly params: Readonly<Record<string, string>>;
  readonly value: T;
}

export function compileTemplate<T>(template: string, value: T): CompiledTemplate<T> {
  const segments = template
    .split('/')
    .slice(1)
    .map((segment) => {
      const param = /^\{([^}]+)\}$/.exec(segment)?.[1];
      return param === undefined ? segment : { param };
    });
  const literals = segments.filter((segment) => typeof segment === 'string').length;
  return { template, segments, literals, value };
}

function splitPath(pathname: string): string[] | undefined {
  if (!pathname.startsWith('/')) return undefined;
  return pathname.split('/').slice(1);
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function matchOne<T>(compiled: CompiledTemplate<T>, parts: readonly string[]): TemplateMatch<T> | undefined {
  if (compiled.segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const segment = compiled.segments[i];
    const part = parts[i];
    if (segment === undefined || part === undefined) return undefined;
    if (typeof segment === 'string') {
      if (segment !== part) return undefined;
      continue;
    }
    const decoded = decode(part);
    if (decoded === undefined || decoded === '') return undefined;
    params[segment.param] = decoded;
  }
  return { template: compiled.template, params, value: compiled.value };
}

/** Templates grouped by segment count, for quick lookup among the hundreds in GitHub's description. */
export class TemplateIndex<T> {
  readonly #bySize = new Map<number, CompiledTemplate<T>[]>();
  readonly #byTemplate = new Map<string, T>();

  add(template: string, value: T): void {
    const compiled = compileTemplate(template, value);
    const list = this.#bySize.get(compiled.segments.length) ?? [];
    // Keep each list ordered by literal count, most first.
    const at = list.findIndex((other) => other.literals < compiled.literals);
    list.splice(at === -1 ? list.length : at, 0, compiled);
    this.#bySize.set(compiled.segments.length, list);
    this.#byTemplate.set(template, value);
  }

  get(template: string): T | undefined {
    return this.#byTemplate.get(template);
  }

  match(pathname: string): TemplateMatch<T> | undefined {
    const parts = splitPath(pathname);
    if (parts === undefined) return undefined;
    for (const compiled of this.#bySize.get(parts.length) ?? []) {
      const found = matchOne(compiled, parts);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}
