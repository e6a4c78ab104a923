/**
 * Vitest's setup for every test file: the YAML parser is loaded, as the action's async steps
 * load it before any reading that may need it (src/text/yaml.ts). The bundle's own loading of
 * it is held by test/e2e/an-idle-beat-loads-no-yaml-parser.test.ts.
 */
import { loadYaml } from '../../src/text/yaml.ts';

await loadYaml();
