// mongo-java-server's H2 store (the embedded default) reports two inserts of one key that race
// each other as an unknown error naming the key, not as 11000. Stand-in only.
const STAND_IN_RACE = /Document with key .* already existed in H2Collection/;

/** Whether a write error (or a write error of a bulk write) is a duplicate key. */
export function isDuplicateKey(error: unknown): boolean {
  const { code, errmsg, message } = (error ?? {}) as Record<string, unknown>;
  return code === 11000 || STAND_IN_RACE.test(String(errmsg ?? message ?? ''));
}

/** The write errors of a failed bulk write (the driver gives one error alone, not in a list). */
export function writeErrorsOf(error: unknown): unknown[] {
  const errors = (error as { writeErrors?: unknown }).writeErrors;
  return Array.isArray(errors) ? errors : errors ? [errors] : [];
}

/** Whether a bulk write failed only on duplicate keys (races lost, not failures). */
export function onlyDuplicateKeys(error: unknown): boolean {
  const errors = writeErrorsOf(error);
  return errors.length > 0 && errors.every(isDuplicateKey);
}
