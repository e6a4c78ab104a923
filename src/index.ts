import { handOff } from './io/handoff.ts';
import { ownCommands } from './io/workflow.ts';

// Before the bundle's code is even loaded: the process that runs the beat holds no secret in its environment.
const env = handOff();
const { run } = await import('./main.ts');
await run(env, ownCommands);
