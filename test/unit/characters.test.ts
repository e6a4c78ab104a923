import { describe, expect, it } from 'vitest';
import { refusedCharacter, type CharacterRules } from '../../src/text/characters.ts';

/** The rules as the spec states them, one character at a time. */
function refusedByRule(code: number, rules: CharacterRules): boolean {
  const control = (code < 0x20 && !(rules.multiline && (code === 0x0a || code === 0x09))) || (code >= 0x7f && code <= 0x9f);
  const bidi = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].includes(code);
  const invisible = [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad].includes(code);
  return control || bidi || (rules.visibleOnly === true && invisible);
}

describe('refusedCharacter', () => {
  it.each<CharacterRules>([{ multiline: false }, { multiline: true }, { multiline: false, visibleOnly: true }, { multiline: true, visibleOnly: true }])(
    'refuses exactly the characters its rules name, every one of the first 65,536, inside plain text (%o)',
    (rules) => {
      for (let code = 0; code <= 0xffff; code++) {
        const found = refusedCharacter(`goals/a${String.fromCharCode(code)}b.md`, rules);
        if (refusedByRule(code, rules) !== (found !== undefined)) expect.fail(`U+${code.toString(16)}: ${String(found)}`);
        if (found !== undefined) expect(found).toBe(`the character U+${code.toString(16).toUpperCase().padStart(4, '0')} at offset 7`);
      }
    },
  );

  it('finds the first refused character of a long text, after plain ASCII lines', () => {
    expect(refusedCharacter(`${'plain line\n'.repeat(100)}x\u202ey`, { multiline: true })).toBe('the character U+202E at offset 1101');
    expect(refusedCharacter('plain\tline', { multiline: false })).toBe('the character U+0009 at offset 5');
    expect(refusedCharacter('', { multiline: false })).toBeUndefined();
  });
});
