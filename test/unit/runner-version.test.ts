import { describe, expect, it } from 'vitest';
import { PINNED, runnerSource } from '../../src/runners/install.ts';
import { readSettings, SettingsError, type Settings } from '../../src/settings.ts';

function settings(inputs: Record<string, string>): Settings {
  return readSettings(Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])));
}

function refusal(inputs: Record<string, string>): string {
  try {
    settings(inputs);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(inputs)}`);
}

describe('input runner-version', () => {
  it('is empty by default: the preset installs the version it was tested with', () => {
    expect(settings({ runner: 'claude' }).runnerVersion).toBeUndefined();
    expect(runnerSource(settings({ runner: 'claude' }), 'claude')).toEqual({
      kind: 'npm',
      package: { name: '@anthropic-ai/claude-code', version: '2.1.330', bin: 'claude', scripts: true },
    });
  });

  it('pins each preset to the npm package and version the project tested', () => {
    expect(Object.fromEntries(Object.entries(PINNED).map(([runner, p]) => [runner, `${p.name}@${p.version}`]))).toEqual({
      claude: '@anthropic-ai/claude-code@2.1.330',
      codex: '@openai/codex@0.169.0',
      opencode: 'opencode-ai@1.18.33',
      pi: '@earendil-works/pi-coding-agent@0.87.1',
    });
  });

  it('takes an exact version, trimmed, for the preset’s package', () => {
    const chosen = settings({ runner: 'codex', 'runner-version': ' 0.170.0-alpha.2 ' });
    expect(chosen.runnerVersion).toBe('0.170.0-alpha.2');
    expect(runnerSource(chosen, 'codex')).toMatchObject({ kind: 'npm', package: { name: '@openai/codex', version: '0.170.0-alpha.2', scripts: false } });
  });

  it('"installed" uses the program on PATH', () => {
    expect(runnerSource(settings({ runner: 'pi', 'runner-version': 'installed' }), 'pi')).toMatchObject({ kind: 'path', program: 'pi', preset: { name: '@earendil-works/pi-coding-agent' } });
  });

  it.each(['latest', '^2.1.0', '2.1', '2.1.330 --registry=http://evil', '../../2.1.330', '-g', '2.1.330/x', 'v2.1.330'])('refuses %j: only an exact version or "installed"', (value) => {
    expect(refusal({ runner: 'claude', 'runner-version': value })).toBe(
      'input "runner-version" expected an exact version such as 2.1.330, or "installed" to use the program already on PATH. Fix the "with:" block of the workflow step.',
    );
  });

  it('must stay empty where the action installs nothing: runner custom, runner openai, a tick-command', () => {
    expect(refusal({ runner: 'custom', 'tick-command': 'my-llm', 'runner-version': '1.0.0' })).toMatch(/^input "runner-version" is set, but the tick-command is your own command line: the action installs nothing for it/);
    expect(refusal({ runner: 'openai', 'runner-version': 'installed' })).toMatch(/^input "runner-version" is set, but runner openai is an HTTP call/);
    expect(refusal({ runner: 'claude', 'tick-command': 'claude -p', 'runner-version': '2.1.330' })).toMatch(/the tick-command is your own command line/);
    expect(runnerSource(settings({ runner: 'claude', 'tick-command': 'claude -p' }), 'bash')).toEqual({ kind: 'path', program: 'bash' });
    expect(runnerSource(settings({ runner: 'openai' }), 'bash')).toEqual({ kind: 'path', program: 'bash' });
  });

});
