// GitHub's OpenAPI description (from @octokit/openapi), loaded once per process, and the checks a
// request must pass before the stand-in answers it: the operation exists, its query parameters are
// declared and well-typed, and its JSON body matches the operation's request-body schema.
//
// Loading parses the 13 MB file once and keeps a compact index: per path template and method, the
// operation id, docs URL, raw parameters, request body and responses. Everything else (examples,
// descriptions, webhooks) is dropped. $refs are resolved lazily, on first use of an operation.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isPlainObject, validateSchema, type Schema, type SchemaError } from './schema.ts';
import { TemplateIndex } from './template.ts';

export const DOCS_ROOT = 'https://docs.github.com/rest';

export interface OperationInfo {
  readonly method: string;
  readonly template: string;
  readonly operationId: string;
  readonly docsUrl: string;
}

export interface OpenApiCheck {
  /** The operation the request resolved to, when its path and method exist. */
  readonly operation?: OperationInfo;
  /** Reasons the request departs from the description; each is recorded as a violation. */
  readonly violations: readonly string[];
  /** What GitHub would answer instead of serving the request, when it would refuse it. */
  readonly reject?: { readonly status: number; readonly body: Record<string, unknown> };
}

interface RawOperation {
  readonly operationId: string;
  readonly docsUrl: string;
  readonly parameters: readonly unknown[];
  readonly requestBody: unknown;
  readonly responses: Readonly<Record<string, unknown>>;
}

interface ResolvedOperation {
  readonly pathParams: ReadonlyMap<string, Schema>;
  readonly queryParams: ReadonlyMap<string, Schema>;
  readonly body?: { readonly required: boolean; readonly schema: Schema };
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function asRecord(value: unknown): Record<string, unknown> {
  return isPlainObject(value) ? value : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A refusal body in GitHub's shape. */
export function githubError(status: number, message: string, docsUrl: string, extra: Record<string, unknown> = {}) {
  return { message, ...extra, documentation_url: docsUrl, status: String(status) };
}

function resourceOf(operationId: string): string {
  const [tag = '', name = ''] = operationId.split('/');
  if (/comment/.test(name)) return tag === 'pulls' ? 'PullRequestReviewComment' : 'IssueComment';
  if (/label/.test(name)) return 'Label';
  if (/dispatch/.test(name)) return 'WorkflowDispatch';
  const singular = tag.replace(/ies$/, 'y').replace(/s$/, '');
  return singular.replace(/(^|-)(\w)/g, (_m: string, _d: string, c: string) => c.toUpperCase());
}

export class OpenApi {
  readonly loadMs: number;
  readonly operationCount: number;
  readonly #components: Record<string, unknown>;
  readonly #paths = new TemplateIndex<Map<string, RawOperation>>();
  readonly #resolved = new Map<RawOperation, ResolvedOperation>();

  constructor(file: string) {
    const started = performance.now();
    const document = asRecord(JSON.parse(readFileSync(file, 'utf8')));
    // Examples are most of the file and never needed.
    const components = { ...asRecord(document['components']) };
    delete components['examples'];
    this.#components = components;
    let count = 0;
    for (const [template, item] of Object.entries(asRecord(document['paths']))) {
      const pathItem = asRecord(item);
      const list = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
      const shared = list(pathItem['parameters']);
      const methods = new Map<string, RawOperation>();
      for (const method of METHODS) {
        const op = pathItem[method];
        if (!isPlainObject(op)) continue;
        count++;
        methods.set(method.toUpperCase(), {
          operationId: str(op['operationId']) ?? `${method} ${template}`,
          docsUrl: str(asRecord(op['externalDocs'])['url']) ?? DOCS_ROOT,
          parameters: [...shared, ...list(op['parameters'])],
          requestBody: op['requestBody'],
          responses: asRecord(op['responses']),
        });
      }
      this.#paths.add(template, methods);
    }
    this.operationCount = count;
    this.loadMs = Math.round(performance.now() - started);
  }

  /** Follows a local $ref like #/components/schemas/issue. */
  readonly resolve = (ref: string): Schema => {
    if (!ref.startsWith('#/components/')) throw new Error(`unsupported $ref ${ref}`);
    let node: unknown = this.#components;
    for (const part of ref.slice('#/components/'.length).split('/')) node = asRecord(node)[part];
    if (!isPlainObject(node)) throw new Error(`dangling $ref ${ref}`);
    return node;
  };

  #deref(value: unknown): Record<string, unknown> {
    let node = asRecord(value);
    for (let hops = 0; typeof node['$ref'] === 'string' && hops < 10; hops++) node = asRecord(this.resolve(node['$ref']));
    return node;
  }

  #resolveOperation(raw: RawOperation): ResolvedOperation {
    const cached = this.#resolved.get(raw);
    if (cached !== undefined) return cached;
    const pathParams = new Map<string, Schema>();
    const queryParams = new Map<string, Schema>();
    for (const entry of raw.parameters) {
      const param = this.#deref(entry);
      const name = str(param['name']);
      const schema = asRecord(param['schema']) as Schema;
      if (name === undefined) continue;
      if (param['in'] === 'path') pathParams.set(name, schema);
      if (param['in'] === 'query') queryParams.set(name, schema);
    }
    let body: ResolvedOperation['body'];
    if (raw.requestBody !== undefined) {
      const requestBody = this.#deref(raw.requestBody);
      const json = asRecord(asRecord(requestBody['content'])['application/json']);
      if (json['schema'] !== undefined) {
        body = { required: requestBody['required'] === true, schema: json['schema'] as Schema };
      }
    }
    const resolved: ResolvedOperation = { pathParams, queryParams, ...(body ? { body } : {}) };
    this.#resolved.set(raw, resolved);
    return resolved;
  }

  /** The operation a method and concrete path resolve to, without checking anything else. */
  find(method: string, pathname: string): OperationInfo | undefined {
    const match = this.#paths.match(pathname);
    const raw = match?.value.get(method.toUpperCase());
    if (match === undefined || raw === undefined) return undefined;
    return { method: method.toUpperCase(), template: match.template, operationId: raw.operationId, docsUrl: raw.docsUrl };
  }

  /** The JSON schema of a documented response, e.g. to check the stand-in's own answers. */
  responseSchema(method: string, template: string, status: number): Schema | undefined {
    const raw = this.#paths.get(template)?.get(method.toUpperCase());
    const response = raw ? this.#deref(raw.responses[String(status)]) : {};
    const schema = asRecord(asRecord(response['content'])['application/json'])['schema'];
    return schema === undefined ? undefined : (schema as Schema);
  }

  check(method: string, pathname: string, query: URLSearchParams, body: unknown): OpenApiCheck {
    const upper = method.toUpperCase();
    const match = this.#paths.match(pathname);
    const notFound = (docsUrl: string) => ({ status: 404, body: githubError(404, 'Not Found', docsUrl) });
    if (match === undefined) {
      return { violations: [`no operation has a path matching ${pathname}`], reject: notFound(DOCS_ROOT) };
    }
    const raw = match.value.get(upper);
    if (raw === undefined) {
      const allowed = [...match.value.keys()].join(', ');
      return { violations: [`${match.template} has no ${upper} operation (only ${allowed})`], reject: notFound(DOCS_ROOT) };
    }
    const operation: OperationInfo = { method: upper, template: match.template, operationId: raw.operationId, docsUrl: raw.docsUrl };
    const resolved = this.#resolveOperation(raw);
    const violations: string[] = [];

    for (const [name, value] of Object.entries(match.params)) {
      const schema = resolved.pathParams.get(name);
      if (schema && validateSchema(coerce(value, schema), schema, this.resolve).length > 0) {
        violations.push(`path parameter ${name}=${JSON.stringify(value)} does not match its schema`);
        return { operation, violations, reject: notFound(raw.docsUrl) };
      }
    }

    const invalidQuery: Record<string, unknown>[] = [];
    for (const [name, value] of query) {
      const schema = resolved.queryParams.get(name);
      if (schema === undefined) {
        // GitHub ignores parameters it does not know, so the request is served; the client is still wrong.
        violations.push(`unknown query parameter ${name} (declared: ${[...resolved.queryParams.keys()].join(', ') || 'none'})`);
        continue;
      }
      const problems = validateSchema(coerce(value, schema), schema, this.resolve);
      // GitHub's date-time filters (the runs' created) take its search syntax: >=T, >T, <=T, <T, T..U.
      const times = value.replace(/^(>=|<=|>|<)/, '').split('..');
      if (isDateTime(schema) && times.some((t) => Number.isNaN(Date.parse(t)))) problems.push({ field: name, code: 'invalid', message: 'is not a date-time' });
      if (problems.length > 0) {
        violations.push(`query parameter ${name}=${JSON.stringify(value)}: ${problems.map((p) => p.message).join('; ')}`);
        invalidQuery.push({ resource: resourceOf(raw.operationId), field: name, code: 'invalid', value });
      }
    }
    if (invalidQuery.length > 0) {
      return { operation, violations, reject: { status: 422, body: githubError(422, 'Validation Failed', raw.docsUrl, { errors: invalidQuery }) } };
    }

    if (resolved.body === undefined) {
      if (body !== undefined) violations.push(`${raw.operationId} takes no request body, but one was sent`);
      return { operation, violations };
    }
    if (body === undefined && !resolved.body.required) return { operation, violations };
    const problems = validateSchema(body ?? {}, resolved.body.schema, this.resolve);
    if (problems.length === 0) return { operation, violations };
    violations.push(...problems.map((p) => `body${p.field ? `.${p.field}` : ''}: ${p.message}`));
    const errors = problems.map((p) => bodyError(raw.operationId, p));
    return { operation, violations, reject: { status: 422, body: githubError(422, 'Validation Failed', raw.docsUrl, { errors }) } };
  }
}

function bodyError(operationId: string, problem: SchemaError): Record<string, unknown> {
  const base = { resource: resourceOf(operationId), field: problem.field, code: problem.code };
  return problem.code === 'missing_field' ? base : { ...base, message: `${problem.field || 'body'} ${problem.message}` };
}

function isDateTime(schema: Schema): boolean {
  return (schema as { format?: unknown }).format === 'date-time';
}

/** Query and path values arrive as strings; read them the way the schema types them. */
function coerce(value: string, schema: Schema): unknown {
  const types = schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : schema.type;
  const branchTypes = [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].flatMap((s) => (typeof s.type === 'string' ? [s.type] : []));
  const all = [...types, ...branchTypes];
  if ((all.includes('integer') || all.includes('number')) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (all.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

let cached: OpenApi | undefined;

/** The description, parsed on first call and shared by every stand-in in the process. */
export function loadOpenApi(): OpenApi {
  cached ??= new OpenApi(fileURLToPath(import.meta.resolve('@octokit/openapi/generated/api.github.com.json')));
  return cached;
}
