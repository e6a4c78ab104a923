/**
 * Why a runner's model call failed, where its output says so: the causes a person fixes in
 * different places. Every parser and the openai runner classify through here, so what counts
 * as "the key was refused" is decided once.
 */
export const runnerCauses = ['program-missing', 'auth', 'model', 'rate-limit', 'spend-limit'] as const;
export type RunnerCause = (typeof runnerCauses)[number];

export interface CauseEvidence {
  /** The HTTP status the runner reported for the model call, if it reported one. */
  readonly status?: number | undefined;
  /** The runner's error text (its message, an error code, a response body). */
  readonly text?: string | undefined;
}

// The words the providers and CLIs use: Anthropic's authentication_error and "Invalid API key"
// (claude also adds "Please run /login", which is no advice in a workflow), OpenAI's
// invalid_api_key and model_not_found, Google's API_KEY_INVALID, OpenRouter's "No auth credentials".
const AUTH = /invalid[ _-]?(x-)?api[ _-]?key|incorrect api key|api_key_invalid|authentication[_ ](error|failed)|unauthori[sz]ed|no auth credentials|missing api key|api key not valid|not logged in|oauth token (has )?expired/i;
const MODEL = /model_not_found|issue with the selected model|not_found_error.{0,80}\bmodel\b|model[^.;]{0,80}(not found|does not exist|not exist|unknown|not supported|not available|invalid)|(unknown|invalid|unsupported) model|no such model|no endpoints found/i;
const SPEND = /insufficient_quota|insufficient (balance|funds|credits?)|credit balance|more credits|out of credits?|spend(ing)? limit|usage limit|billing|exceeded your current quota|payment required|budget exceeded/i;
const RATE = /rate[ _-]?limit|too many requests/i;

/** The cause the evidence shows, or undefined when it shows none this loop treats apart. */
export function causeOf({ status, text = '' }: CauseEvidence): RunnerCause | undefined {
  // Some providers answer an empty balance with 401 or 403 ("Insufficient balance"): the key is fine.
  if ((status === 401 || status === 403) && SPEND.test(text)) return 'spend-limit';
  if (status === 401) return 'auth';
  if (status === 402) return 'spend-limit';
  if (status === 429) return SPEND.test(text) ? 'spend-limit' : 'rate-limit';
  if (status === 404 && MODEL.test(text)) return 'model';
  if (status === 403) return MODEL.test(text) ? 'model' : 'auth';
  if (status === undefined) {
    const leading = /^\s*(\d{3})\b/.exec(text)?.[1];
    if (leading !== undefined) return causeOf({ status: Number(leading), text });
  }
  if (AUTH.test(text)) return 'auth';
  if (MODEL.test(text)) return 'model';
  if (SPEND.test(text)) return 'spend-limit';
  if (RATE.test(text)) return 'rate-limit';
  return undefined;
}

/** Exit status 127 is a shell's "command not found"; ENOENT is a spawn's. */
export function programMissing(exit: { readonly code?: number | null; readonly spawnError?: string | undefined }): boolean {
  return exit.code === 127 || /\bENOENT\b/.test(exit.spawnError ?? '');
}

/** The `cause` field of a failure, present only when the evidence shows one. */
export function caused(evidence: CauseEvidence): { cause?: RunnerCause } {
  const cause = causeOf(evidence);
  return cause === undefined ? {} : { cause };
}
