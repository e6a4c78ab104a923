import { readFileSync } from 'node:fs';

/**
 * A process's /proc/<pid>/stat, each field by the number proc(5) gives it (1 is the pid). The
 * command's name (field 2) may hold spaces and parentheses: the fields after it are counted from
 * its last ")". Throws when /proc has no such process.
 */
export function procStat(pid: number | 'self'): (field: number) => string | undefined {
  const stat = readFileSync(`/proc/${String(pid)}/stat`, 'latin1');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).trim().split(' ');
  return (field) => fields[field - 3];
}
