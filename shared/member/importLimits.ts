/**
 * Limits of the member bulk import, in a module of their own: the request schema needs them, and
 * schemas.ts is bundled into the mini-program's main package, which must not pull in the
 * template rules (importTemplate.ts re-exports these).
 */
export const MAX_IMPORT_ROWS = 2000;
/** Bytes of the file (UTF-8 bytes of CSV text); keeps one call well inside the platform's request limit. */
export const MAX_IMPORT_BYTES = 1_000_000;
/** Longest base64 text of a file of MAX_IMPORT_BYTES bytes (the request schema's bound). */
export const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;
