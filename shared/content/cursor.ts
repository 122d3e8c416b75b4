/**
 * Keyset pagination cursors: "after (time, id)" instead of skip/offset, so page 100 costs what
 * page 1 costs and an item published meanwhile neither repeats nor hides one. Opaque to clients:
 * `<epoch ms>~<id>`.
 */
export interface Cursor {
  at: number;
  id: string;
}

const CURSOR = /^(\d{1,15})~([A-Za-z0-9_-]{1,140})$/;

export function encodeCursor(at: Date | number, id: string): string {
  return `${typeof at === 'number' ? at : at.getTime()}~${id}`;
}

/** The cursor, or null when the string is not one of ours (the caller answers INVALID_ARGUMENT). */
export function decodeCursor(value: string): Cursor | null {
  const m = CURSOR.exec(value);
  return m ? { at: Number(m[1]), id: m[2] } : null;
}
