/**
 * A message as a person reads it: the app's sentences wrap the values they quote in invisible
 * Unicode isolates (FSI … PDI, see src/renderer/src/i18n), which tests about other things leave out.
 */
export const visibleText = (message: string | null): string | null => message?.replace(/[\u2066-\u2069]/g, '') ?? null
