// A mistake in what the user asked for (an input, a flag, the configuration file): shown as is,
// never with a stack trace. Its own module so that lazily loaded bundles (the configuration
// validator) can raise it without carrying the rules and the engine.

export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** A brand rather than `instanceof`: lazily loaded bundles carry their own copy of this class. */
  readonly isUsageError = true;
}

export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && (error as Partial<UsageError>).isUsageError === true;
}
