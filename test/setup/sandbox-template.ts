/**
 * Vitest's global setup: the sandbox every test copies (test/helpers/git.ts), made once a run
 * and removed after it, whatever became of the workers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeTemplate, TEMPLATE_VARIABLE } from '../helpers/git.ts';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(os.tmpdir(), 'looop-template-'));
  makeTemplate(root);
  // Workers are started after this, with this environment.
  process.env[TEMPLATE_VARIABLE] = root;
  return () => {
    rmSync(root, { recursive: true, force: true });
  };
}
