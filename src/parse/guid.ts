// The one spelling of a GUID (8-4-4-4-12 hexadecimal digits, any case), for tracking ids, client
// ids and subscription ids alike.

/** A GUID at the start of a text (a tracking name continues after it). */
export const GUID_PREFIX = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Whether the whole text is a GUID. */
export function isGuid(text: string): boolean {
  return text.length === 36 && GUID_PREFIX.test(text);
}
