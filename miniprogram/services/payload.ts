/** What every cloud function receives. Identity is NOT part of it: it comes from the invocation context. */
export interface FunctionPayload {
  action: string;
  data: object;
  requestId: string;
}
