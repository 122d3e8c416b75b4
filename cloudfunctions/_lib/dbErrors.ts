/** The database refused an insert because a document with that `_id` (or unique key) exists. */
export function isDuplicate(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'DATABASE_DUPLICATE_WRITE';
}
