import { handOff } from './io/handoff.ts';
import { prefetch } from './io/prefetch.ts';

// Before anything else runs: no process of the user can read a secret in this one's environment.
const env = handOff();
// Git fetches the state branch on one core while Node loads the bundle on the other.
const early = prefetch(env);
await early?.started;
const [{ run }, { ownCommands }] = await Promise.all([import('./main.ts'), import('./io/workflow.ts')]);
await run(env, ownCommands, early);
