import { handOff } from './io/handoff.ts';

// Before the bundle's code is even loaded: the process that runs the beat holds no secret in its environment.
const env = handOff();
// Git fetches the state branch on one core while Node loads the bundle on the other.
const { prefetch } = await import('./io/prefetch.ts');
const early = prefetch(env);
await early?.started;
const [{ run }, { ownCommands }] = await Promise.all([import('./main.ts'), import('./io/workflow.ts')]);
await run(env, ownCommands, early);
