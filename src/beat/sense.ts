import type { ProcessExit, RunSensor } from './ports.ts';
import { describeExit } from './exit.ts';
import type { SensorScript } from '../state/read.ts';
import type { PromptSection } from '../prompt/sections.ts';
import { MAX_NESTING, nestsDeeper } from '../text/canonical.ts';

/** What one sensor said this beat. */
export interface Reading {
  readonly name: string;
  /** What counts for change. For a failed sensor, a stable description of the failure. */
  readonly signal: unknown;
  /** Context for the decision; never counts as change. */
  readonly detail?: unknown;
  /** Set when the sensor failed, hung, or printed something other than one JSON object. */
  readonly error?: string;
}

/**
 * What a resource (asks, failures) reads of the state it owns: a sensor no script runs. Taken
 * again from the state after a beat's own writes, so the loop's writes do not wake it.
 */
export interface VirtualReading {
  /** Its key in the fingerprint; the resource's name. */
  readonly name: string;
  /** What counts for change. Absent: shown to the decision, never a change by itself. */
  readonly signal?: unknown;
  /** What the decision is shown of it; absent when there is nothing to show. */
  readonly prompt?: PromptSection;
}

export const SENSOR_OUTPUT_CAP = 64 * 1024;
/** Enough for the sensors a repository has in practice to run at once; still a bound. */
const SENSOR_CONCURRENCY = 32;

export async function sense(sensors: readonly SensorScript[], runSensor: RunSensor, timeoutMs: number): Promise<Reading[]> {
  const readings: Reading[] = new Array<Reading>(sensors.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < sensors.length) {
      const index = next++;
      const sensor = sensors[index] as SensorScript;
      readings[index] = sensor.problem === undefined ? readingOf(sensor.name, await runSensor(sensor), timeoutMs) : failed(sensor.name, sensor.problem);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SENSOR_CONCURRENCY, sensors.length) }, worker));
  return readings;
}

function failed(name: string, error: string, detail?: unknown): Reading {
  // The signal carries only the kind of failure, so a sensor that keeps failing the same way
  // is one change, not a change every beat; what varies (stderr, output) goes in detail.
  return { name, signal: { error }, error, ...(detail === undefined ? {} : { detail }) };
}

/** Turns a sensor's exit into a reading; never throws, whatever the sensor printed. */
export function readingOf(name: string, exit: ProcessExit, timeoutMs: number): Reading {
  const stderr = exit.stderrTail.trim().slice(-1000);
  if (exit.spawnError !== undefined || exit.timedOut || exit.overflowed || exit.code !== 0) {
    const error = exit.overflowed ? `printed more than ${SENSOR_OUTPUT_CAP / 1024} KiB` : describeExit(exit, timeoutMs);
    return failed(name, error, stderr === '' ? undefined : { stderr });
  }
  const text = exit.stdout.trim();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const shown = text === '' ? 'nothing' : JSON.stringify(text.slice(0, 300));
    return failed(name, 'did not print one JSON object', { printed: shown, ...(stderr === '' ? {} : { stderr }) });
  }
  if (nestsDeeper(text)) return failed(name, `printed JSON nested deeper than ${String(MAX_NESTING)} levels`, { printed: text.slice(0, 300) });
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || !('signal' in parsed)) {
    return failed(name, 'printed JSON without a "signal" field', { printed: text.slice(0, 300) });
  }
  const { signal, detail } = parsed as { signal: unknown; detail?: unknown };
  return { name, signal, ...(detail === undefined ? {} : { detail }) };
}
