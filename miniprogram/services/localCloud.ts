/**
 * H5 transport: POST the payload to the local cloud, which hosts every function in-process.
 * The JSON body is the envelope whatever the HTTP status (200 or 4xx). Only the h5 build loads
 * this file (see cloud.ts).
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
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A non-JSON error page (proxy 502, server not running behind a dev proxy…) is a transport
    // failure (NETWORK); a non-JSON success is a broken server (INTERNAL).
    if (!res.ok) throw new Error(`HTTP ${res.status} without an envelope`);
    return MALFORMED;
  }
}
