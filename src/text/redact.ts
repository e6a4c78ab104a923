import type { Settings } from '../settings.ts';

/** Removes every known secret from a text before it is recorded, shown or sent. */
export type Redact = (text: string) => string;

export const REDACTED = '***';

/**
 * Names of variables whose values are secrets (API keys, tokens, passwords), by convention:
 * `GITHUB_TOKEN`, `INPUT_API-KEY`, `ANTHROPIC_API_KEY`, `DB_PASSWORD`, `X_AUTH`… but not
 * `SSH_AUTH_SOCK` or `TOKENIZER_MODE`, whose values are ordinary words and paths.
 */
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?|COOKIE|AUTH|(^|[_-])KEY)$|API[_-]?KEY|ACCESS[_-]?KEY|PRIVATE[_-]?KEY|SECRET|PASSWORD/i;
/** Shorter values are not treated as secrets: redacting "true" or a port number would garble every text. */
const MIN_SECRET = 8;

/** The action's own secrets, and the values of the step's variables whose names say they are secrets. */
export function secretsOf(settings: Pick<Settings, 'githubToken' | 'apiKey'>, env: NodeJS.ProcessEnv): string[] {
  const values = [settings.githubToken, settings.apiKey];
  for (const [name, value] of Object.entries(env)) if (SECRET_NAME.test(name)) values.push(value);
  return [...new Set(values.filter((v): v is string => v !== undefined && v.trim().length >= MIN_SECRET).map((v) => v.trim()))];
}

/**
 * A secret's value and the forms it travels in: base64 at each of the three alignments it can
 * take inside a longer base64 text (as in a Basic auth header, `x-access-token:<token>`), URL
 * and JSON escaping.
 */
function formsOf(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
  for (const prefix of ['', 'x', 'xx']) {
    const encoded = Buffer.from(prefix + secret, 'utf8').toString('base64').replace(/=+$/, '');
    // Drop the characters that also depend on the bytes around the secret.
    const start = prefix === '' ? 0 : prefix.length === 1 ? 2 : 3;
    const end = encoded.length - ((prefix.length + Buffer.byteLength(secret)) % 3 === 0 ? 0 : 1);
    const core = encoded.slice(start, end);
    if (core.length >= MIN_SECRET) forms.push(core);
  }
  return [...new Set(forms)];
}

export function createRedactor(secrets: readonly string[]): Redact {
  const forms = [...new Set(secrets.flatMap(formsOf))].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out;
  };
}
