/**
 * CloudBase error codes used by the engine. The SDK throws a TcbError carrying `code`,
 * `message` and `requestId` whenever a 200 response body has a truthy `code`
 * (node-sdk utils/tcbapirequester.ts → processReturn), so errors are answered with HTTP 200.
 * Codes come from the SDK (`@cloudbase/database` const/code.ts) and CloudBase's error-code docs.
 */
export const ErrorCodes = {
  INVALID_PARAM: 'INVALID_PARAM',
  DATABASE_REQUEST_FAILED: 'DATABASE_REQUEST_FAILED',
  DATABASE_COLLECTION_NOT_EXIST: 'DATABASE_COLLECTION_NOT_EXIST',
  DATABASE_COLLECTION_ALREADY_EXIST: 'DATABASE_COLLECTION_ALREADY_EXIST',
  DATABASE_DUPLICATE_WRITE: 'DATABASE_DUPLICATE_WRITE',
  DATABASE_TRANSACTION_CONFLICT: 'DATABASE_TRANSACTION_CONFLICT',
  // No documented code for "transaction unknown/expired"; this name follows the same family.
  DATABASE_TRANSACTION_FAIL: 'DATABASE_TRANSACTION_FAIL',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export class DbError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const invalid = (message: string) => new DbError(ErrorCodes.INVALID_PARAM, message);

export const collectionMissing = (name: string) =>
  new DbError(ErrorCodes.DATABASE_COLLECTION_NOT_EXIST, `[ResourceNotFound] Db or Table not exist: ${name}`);

export const duplicateWrite = (detail: string) => new DbError(ErrorCodes.DATABASE_DUPLICATE_WRITE, `E11000 duplicate key error: ${detail}`);

export const txConflict = (detail: string) =>
  new DbError(ErrorCodes.DATABASE_TRANSACTION_CONFLICT, `database transaction conflict: ${detail}`);
