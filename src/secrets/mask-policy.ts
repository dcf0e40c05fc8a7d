// Which secrets the action registers with the runner (::add-mask::), and how cua-guard's own
// output hides them. Registering a value makes the runner replace it in every later log line of
// the job and drop any job output that contains it, so a pull request that could register short
// words (a committed default `pass`, `json` or `true`) could hide them all over the log and erase
// the step's outputs. Committed values are in the repository for anyone who can read the log to
// see; masking them protects little. So: values from outside the repository (inputs, run-time
// parameter values) are always registered; committed ones only when they are long enough not to
// be ordinary words and do not look like placeholders. cua-guard's own output never shows any of
// them: values of secure types are never evaluated (src/expressions/scope.ts), and what remains
// is replaced with *** (redactText).

/** Shorter committed values are ordinary words and numbers. */
export const MIN_COMMITTED_MASK_LENGTH = 8;
/** Shorter run-time values mask too much of the log to be worth it (and are no real secret). */
export const MIN_EXTERNAL_MASK_LENGTH = 3;
/** Substrings of cua-guard's own text replaced by ***: long enough not to be words in its messages. */
export const MIN_REDACTED_LENGTH = 6;

/** Words and forms of a value that stands in for a secret rather than being one. */
const PLACEHOLDER =
  /^(?:(.)\1*|[<{[(%$#].*[>}\])%#]|.*(?:placeholder|change[-_ .]?me|replace[-_ .]?(?:me|this|with)|your[-_ .]|todo|tbd|dummy|example|sample|not[-_ .]?set|fill[-_ .]?in|enter[-_ .]|xxx).*|(?:null|none|undefined|true|false|default|password|secret|p@ssw0rd|passw0rd|password123|test1234|12345678|123456789|abcdefgh))$/i;

export function looksLikePlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/** Whether a committed secret (a default or a parameters-file value in the repository) is registered. */
export function maskCommitted(value: string): boolean {
  return value.trim().length >= MIN_COMMITTED_MASK_LENGTH && !looksLikePlaceholder(value);
}

/** Whether a value from outside the repository is registered. */
export function maskExternal(value: string): boolean {
  return value.trim().length >= MIN_EXTERNAL_MASK_LENGTH;
}

/** Whether cua-guard replaces a secret in its own text: external ones always, committed ones when they cannot be a word of its messages. */
export function redactCommitted(value: string): boolean {
  return value.trim().length >= MIN_REDACTED_LENGTH;
}

/** `text` with each of `secrets` (longest first) replaced by ***. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret !== '' && out.includes(secret)) out = out.split(secret).join('***');
  return out;
}
