import { randomBytes } from 'node:crypto';
import { ownCommands, type WorkflowCommands } from './workflow.ts';

/**
 * Prints text that came from a model, a sensor, a comment or a command. GitHub's runner obeys
 * any stdout line that starts with `::` (and `##[` anywhere in a line) as a workflow command,
 * so such text is printed between `::stop-commands::<token>` and `::<token>::`: inside, nothing
 * is obeyed, and the token is random, so the text cannot end the block itself.
 */
export function printUntrusted(text: string, commands: Pick<WorkflowCommands, 'info'> = ownCommands): void {
  const token = randomBytes(16).toString('hex');
  commands.info(`::stop-commands::${token}`);
  commands.info(text);
  commands.info(`::${token}::`);
}
