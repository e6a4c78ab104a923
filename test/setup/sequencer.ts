/**
 * The order vitest starts test files in: longest first, so that the last to start are short and
 * the two cores stay busy to the end. Vitest orders by the durations it cached in node_modules,
 * which `npm ci` (and so CI) starts without: it then goes by file size, which put a 47-second
 * file of crash tests last and left one core idle for the run's last 45 seconds. So the order
 * comes from the durations this machine measured, kept in test/durations.json (`npm run -s
 * durations` writes it from the last run's report); vitest's own, when it has them, win. A file
 * known to neither goes first, as vitest does: it may be long. A stale table only costs time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const DURATIONS = path.resolve(import.meta.dirname, '../durations.json');

/** The table's seconds by file; a missing or broken table orders nothing (each file is then unknown). */
function measured(): Map<string, number> {
  let table: unknown;
  try {
    table = JSON.parse(readFileSync(DURATIONS, 'utf8'));
  } catch {
    return new Map();
  }
  if (table === null || typeof table !== 'object' || Array.isArray(table)) return new Map();
  return new Map(Object.entries(table).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1])));
}

export default class LongestFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const table = measured();
    const seconds = (spec: TestSpecification): number => {
      const cached = this.ctx.cache.getTestSpecificationResult(spec);
      if (cached?.failed === true) return Infinity;
      return cached === undefined ? (table.get(path.relative(spec.project.config.root, spec.moduleId)) ?? Infinity) : cached.duration / 1000;
    };
    const order = new Map(files.map((spec) => [spec, seconds(spec)]));
    return Promise.resolve([...files].sort((a, b) => (order.get(b) ?? 0) - (order.get(a) ?? 0)));
  }
}
