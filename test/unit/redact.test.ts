import { describe, expect, it } from 'vitest';
import { createRedactor, secretsOf } from '../../src/text/redact.ts';

const token = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';

describe('the redactor', () => {
  const redact = createRedactor([token]);

  it('removes a secret as is, URL-encoded and JSON-escaped', () => {
    expect(redact(`token ${token} end`)).toBe('token *** end');
    expect(redact(createRedactor(['p@ss/word+1'])(`x ${encodeURIComponent('p@ss/word+1')}`))).toBe('x ***');
    expect(createRedactor(['a"quoted\\secret'])(JSON.stringify({ v: 'a"quoted\\secret' }))).toBe('{"v":"***"}');
  });

  it.each(['', 'x', 'xy', 'xyz', 'x-access-token:', 'Authorization: basic '])('removes its base64 form inside a longer base64 text, after %j', (prefix) => {
    const encoded = Buffer.from(`${prefix}${token}trailing bytes`).toString('base64');
    const out = redact(`header ${encoded}`);
    expect(out).toContain('***');
    // No stretch of the token's base64, at any alignment, is left.
    const stretches = ['', 'x', 'xx'].map((p) => Buffer.from(p + token).toString('base64').slice(8, 24));
    expect(stretches.filter((stretch) => out.includes(stretch))).toEqual([]);
  });

  it('leaves a text without secrets alone, and redacts nothing for no secrets', () => {
    expect(redact('all clear')).toBe('all clear');
    expect(createRedactor([])(token)).toBe(token);
  });
});

describe('secretsOf', () => {
  it("takes the action's token and key and the values of variables named like secrets, eight characters or longer", () => {
    const found = secretsOf(
      { githubToken: token, apiKey: 'sk-proj-abcdefgh' },
      { ANTHROPIC_API_KEY: 'sk-ant-12345678', OPENAI_KEY: 'sk-12345678', AWS_SECRET_ACCESS_KEY: 'abcdefghij', GH_TOKEN: 'ghp_12345678', DB_PASSWORD: 'hunter22!', SHORT_TOKEN: 'abc', SSH_AUTH_SOCK: '/tmp/agent.1', MONKEY: 'banana-banana', PATH: '/usr/bin:/bin' },
    );
    expect(found.sort()).toEqual([token, 'abcdefghij', 'ghp_12345678', 'hunter22!', 'sk-12345678', 'sk-ant-12345678', 'sk-proj-abcdefgh'].sort());
  });
});
