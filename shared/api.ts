/**
 * The typed contract between the mini-program and the cloud functions:
 * function → action → [request, response]. The services layer and each function's router are
 * both checked against this map, so a request or response type cannot drift between sides.
 */
import type { HomeSummary, HomeSummaryRequest, ServerTime, ServerTimeRequest } from './system/schemas';

export interface Api {
  system: {
    homeSummary: [HomeSummaryRequest, HomeSummary];
    serverTime: [ServerTimeRequest, ServerTime];
  };
}

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends [infer Req, unknown] ? Req : never;
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends [unknown, infer Res] ? Res : never;

/** The event a function receives from callFunction. */
export interface CallEvent {
  action: string;
  data?: unknown;
  /** Client-generated idempotency key: a retry with the same id must not act twice. */
  requestId?: string;
}

export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
