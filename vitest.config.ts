import { defineConfig } from 'vitest/config';
import LongestFirst from './test/setup/sequencer.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/runners.ts', 'test/setup/sandbox-template.ts'],
    setupFiles: ['test/setup/yaml.ts'],
    // Real git, real processes and the bundled action: give them room, and keep the report CI reads.
    // The e2e tests mostly wait on the processes they start: more workers than cores keep both cores busy.
    maxWorkers: 4,
    // A worker runs file after file: no file changes what another imports (each test makes its own
    // sandbox and stand-ins), and a worker's GitHub description and sandbox template are made once.
    isolate: false,
    sequence: { sequencer: LongestFirst },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
