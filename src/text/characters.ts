/**
 * Characters that text from a model or a person may not carry into the loop's records and
 * issues: control characters (NUL ends strings in C programs, escapes repaint terminals, CR
 * rewrites a log line) and the Unicode controls that make text read differently from what it
 * is (bidirectional overrides, as in "Trojan Source"; zero-width characters inside a command).
 */
const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);
const PRINTABLE = /^[\x20-\x7e]*$/;
const PRINTABLE_LINES = /^[\x20-\x7e\t\n]*$/;

export interface CharacterRules {
  /** Newlines and tabs are allowed (bodies, scripts); elsewhere they are refused too. */
  readonly multiline: boolean;
  /** Zero-width characters are refused too (commands, names: what a person approves must look like what it is). */
  readonly visibleOnly?: boolean;
}

/** The first character the rules refuse, described for an error message; undefined when there is none. */
export function refusedCharacter(text: string, rules: CharacterRules): string | undefined {
  // Printable ASCII (with tabs and newlines where allowed) has none of them: one regular
  // expression instead of a look at each character, for the thousand paths of a large state.
  if ((rules.multiline ? PRINTABLE_LINES : PRINTABLE).test(text)) return undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const allowed = rules.multiline && (code === 0x0a || code === 0x09);
    const control = (code < 0x20 && !allowed) || (code >= 0x7f && code <= 0x9f);
    if (control || BIDI.has(code) || (rules.visibleOnly === true && INVISIBLE.has(code))) {
      return `the character U+${code.toString(16).toUpperCase().padStart(4, '0')} at offset ${i}`;
    }
  }
  return undefined;
}
