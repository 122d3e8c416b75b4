import { ERROR_MESSAGES, type ErrorCode } from './errors';

/** The one response envelope of every cloud function and of the services layer. */
export interface AppError {
  code: ErrorCode;
  message: string;
}
export type Ok<T> = { ok: true; data: T };
export type Fail = { ok: false; error: AppError };
export type Result<T> = Ok<T> | Fail;

export function ok<T>(data: T): Ok<T> {
  return { ok: true, data };
}

/**
 * A failure with the table's default message, or a more specific Chinese message. Cloud functions
 * build it only in their router: code below it throws AppFailure (docs/architecture.md#errors).
 */
export function fail(code: ErrorCode, message?: string): Fail {
  return { ok: false, error: { code, message: message ?? ERROR_MESSAGES[code] } };
}

export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'data' in v;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error?.message === 'string';
}
