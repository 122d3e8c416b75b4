/** What every cloud function receives. Identity is NOT part of it: it comes from the invocation context. */
export interface FunctionPayload {
  action: string;
  data: object;
  requestId: string;
  /** No earlier send of this request id can have been applied (shared/api.ts CallEvent.fresh). */
  fresh: boolean;
}
