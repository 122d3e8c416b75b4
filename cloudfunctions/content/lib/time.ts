import { formatBusiness, fromBusinessWallClock } from '../../../shared/time';

/** Form times are Beijing wall clock ("2026-07-03 14:30"); the schema has checked the shape. */
export function wallClock(value: string): Date {
  return fromBusinessWallClock(value.replace('T', ' '));
}

export function toWallClock(at: Date | null | undefined): string | null {
  return at ? formatBusiness(at, 'YYYY-MM-DD HH:mm') : null;
}

export function iso(at: Date | null | undefined): string | null {
  return at ? new Date(at).toISOString() : null;
}
