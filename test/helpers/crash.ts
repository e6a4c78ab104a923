import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Sandbox } from './git.ts';

/**
 * Where a beat is killed (SIGKILL, no chance to clean up), to prove that no crash loses a
 * charge, repeats a command or stalls the loop: right before or right after the Nth push to
 * the state branch (the origin's own hooks do it, while the push is in flight), right after
 * the runner answered, or right after the command ran.
 */
export type KillPoint = { readonly push: number; readonly when: 'before' | 'after' } | 'runner' | 'command';

export function describePoint(point: KillPoint): string {
  return typeof point === 'string' ? `right after the ${point}` : `right ${point.when} push ${point.push}`;
}

/** The file the action's pid is written to as it starts, for whatever kills it. */
export function pidFile(sandbox: Sandbox): string {
  return path.join(sandbox.root, 'action.pid');
}

/**
 * Arms the origin: a pre-receive hook counts pushes to the state branch and, at the chosen
 * one, kills the action and refuses the push (before), or a post-receive hook kills it once
 * the push has landed (after).
 */
export function armPushKill(sandbox: Sandbox, point: { push: number; when: 'before' | 'after' }): void {
  const count = path.join(sandbox.root, 'pushes');
  writeFileSync(count, '0');
  const hook = (when: 'before' | 'after'): string => `#!/bin/sh
grep -q ' refs/heads/loop-state$' || exit 0
${when === 'before' ? `n=$(( $(cat '${count}') + 1 )); echo $n > '${count}'` : `n=$(cat '${count}')`}
if [ "$n" = "${point.push}" ] && [ "${point.when}" = "${when}" ]; then
  kill -9 "$(cat '${pidFile(sandbox)}')"
  ${when === 'before' ? 'exit 1' : 'exit 0'}
fi
exit 0
`;
  writeFileSync(path.join(sandbox.origin, 'hooks/pre-receive'), hook('before'), { mode: 0o755 });
  writeFileSync(path.join(sandbox.origin, 'hooks/post-receive'), hook('after'), { mode: 0o755 });
}

export function disarm(sandbox: Sandbox): void {
  for (const name of ['pre-receive', 'post-receive']) writeFileSync(path.join(sandbox.origin, `hooks/${name}`), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
}

/** Pid of the running action, for the hooks and the runner to read. */
export function recordPid(sandbox: Sandbox): (pid: number) => void {
  return (pid) => {
    writeFileSync(pidFile(sandbox), String(pid));
  };
}
