import tcb from '@cloudbase/node-sdk';

/** What the platform tells us about one invocation. Identity comes only from here. */
export interface InvocationInfo {
  openid: string | null;
  appid: string | null;
  /**
   * A custom-login user id (CloudBase web SDK's custom sign-in): for 工会工作台 calls, the console
   * session id, which the router resolves to the admin's openid from the stored session.
   */
  customUserId: string | null;
  /**
   * Who is calling when there is no WeChat or console identity, for rate limits only (never for
   * authorisation): the CloudBase user id of a web SDK caller (`TCB_UUID`, e.g. the console's
   * anonymous sign-in) and the caller's IP as the platform saw it (`TCB_SOURCE_IP`, the
   * node-sdk's `auth().getClientIP()`; `WX_CLIENTIP` for a mini-program call).
   */
  client: { uid: string | null; ip: string | null };
  /** The platform's request id (for logs). */
  platformRequestId: string;
  /**
   * Who or what started this invocation, as the platform says (`TCB_SOURCE`, wx-server-sdk's
   * `getWXContext().SOURCE`): a comma-separated chain such as `wx_client` (the mini-program),
   * `wx_client,scf` (a function called by a function the mini-program called) or `wx_trigger`
   * (a timer trigger). Empty when the platform set none.
   */
  sources: string[];
  /**
   * Whether the invocation carries any caller identity at all: a WeChat user (`WX_OPENID`,
   * `WX_UNIONID`) or a CloudBase user (`TCB_UUID`, `TCB_CUSTOM_USER_ID`). A timer invocation
   * carries none.
   */
  hasCaller: boolean;
  /**
   * Local cloud only: the demo clock offset. CloudBase never sets LOCAL_CLOCK_OFFSET_MS, and
   * the invocation context is written by the platform, not by the caller, so it cannot be forged.
   */
  clockOffsetMs: number;
}

export interface ScfContext {
  request_id?: string;
  environment?: string;
  environ?: string;
  [key: string]: unknown;
}

export function readInvocation(context: ScfContext | undefined): InvocationInfo {
  const env = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]) as unknown as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
  const offset = Number(env.LOCAL_CLOCK_OFFSET_MS ?? 0);
  return {
    openid: str(env.WX_OPENID),
    appid: str(env.WX_APPID),
    customUserId: str(env.TCB_CUSTOM_USER_ID),
    client: { uid: str(env.TCB_UUID), ip: str(env.TCB_SOURCE_IP) ?? str(env.WX_CLIENTIP) },
    platformRequestId: str(context?.request_id) ?? 'unknown',
    // The old context format (`environ`) turns a value with commas into an array.
    sources: (str(Array.isArray(env.TCB_SOURCE) ? env.TCB_SOURCE.join(',') : env.TCB_SOURCE) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    hasCaller: ['WX_OPENID', 'WX_UNIONID', 'TCB_UUID', 'TCB_CUSTOM_USER_ID'].some((k) => str(env[k]) !== null),
    clockOffsetMs: Number.isFinite(offset) ? offset : 0,
  };
}
