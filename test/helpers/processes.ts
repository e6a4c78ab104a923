import { readFileSync } from 'node:fs';

/** Running, and not a zombie waiting for a reaper (a container's init may never reap it). */
export function alive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/** Whether `check` holds within a few seconds, looked at every 10 ms: a kill takes effect when the kernel gets to it. */
export async function eventually(check: () => boolean): Promise<boolean> {
  for (const deadline = Date.now() + 5000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 10))) if (check()) return true;
  return check();
}
