/**
 * H5 transport: POST the payload to the local cloud, which hosts every function in-process.
 * The JSON body is the envelope whatever the HTTP status (200 or 4xx). Only the h5 build loads
 * this file (see cloud.ts). Failures are thrown in the weapp's shapes so that cloud.ts
 * classifies both builds alike (shared/net/callErrors.ts): a quota refusal arrives as HTTP 429
 * `{errCode, errMsg}` and is thrown as such; no answer at all is fetch's TypeError.
 */
import { currentLocalPersona } from '../local/persona';
import type { FunctionPayload } from './payload';

/** Sentinel for a 2xx body that is not JSON: the caller reports INTERNAL. */
const MALFORMED = { malformed: true } as const;

export async function postToLocalCloud(name: string, payload: FunctionPayload): Promise<unknown> {
  const base = process.env.TARO_APP_API_BASE ?? '';
  const res = await fetch(`${base}/api/functions/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-persona': currentLocalPersona() },
    body: JSON.stringify(payload),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // A non-JSON answer (proxy 502, an error page): the server side failed, not the network.
    if (!res.ok) throw { errCode: -501001, errMsg: `cloud.callFunction:fail HTTP ${res.status} without an envelope` };
    return MALFORMED;
  }
  if (typeof body === 'object' && body !== null && typeof (body as { errCode?: unknown }).errCode === 'number') throw body;
  return body;
}
