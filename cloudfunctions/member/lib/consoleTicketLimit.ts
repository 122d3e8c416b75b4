/**
 * How often one client may ask for a 工会工作台 login ticket (`member.consoleTicket` is public:
 * each call writes a ticket). Counted per client as the platform names it in the invocation
 * context (never from the request): the CloudBase user id of the console's anonymous sign-in
 * (`TCB_UUID`, or the openid of a WeChat caller) and the source IP (`TCB_SOURCE_IP`). Each key has a fixed window; a call first
 * TAKES a slot with one conditional `_.inc` (atomic in the database, so a burst cannot overshoot
 * the cap), and only then is the ticket written. Over the cap: RATE_LIMITED, nothing written.
 *
 * A console left on its sign-in page renews its QR code every 2 minutes (5 tickets per window);
 * the per-IP cap leaves room for an office of consoles behind one address.
 *
 * Stored: `console_ticket_limits/<kind>:<SHA-256 of the id>` { count, expiresAt } — never the IP
 * or the user id itself; the member timer deletes a window's document once it has ended.
 */
import { sha256Hex } from '../../_lib/consoleSession';
import { C } from '../../_lib/collections';
import { AppFailure, type ActionContext } from '../../_lib/router';
import { isDuplicate } from './tx';

export const TICKET_LIMITS = {
  windowMs: 10 * 60 * 1000,
  /** Per anonymous (web SDK) user. */
  perUser: 10,
  /** Per source IP. */
  perIp: 60,
} as const;

export interface TicketLimitDoc {
  _id: string;
  count: number;
  /** The end of the current window (the purge deletes the document after it). */
  expiresAt: Date;
}

/** Rounds of take / (create | restart the window); a burst needs at most 3. */
const MAX_ROUNDS = 6;

function limited(): AppFailure {
  return new AppFailure('RATE_LIMITED', '获取登录二维码太频繁，请 10 分钟后再试');
}

/**
 * The keys this call counts against: the platform's user (the web SDK's `TCB_UUID`, or a WeChat
 * caller's openid) and the IP; none known: one shared key, so the cap still holds.
 */
export function ticketLimitKeys(client: ActionContext['client'], openid: string | null): { id: string; max: number }[] {
  const keys: { id: string; max: number }[] = [];
  const user = client.uid ?? openid;
  if (user) keys.push({ id: `uid:${sha256Hex(user)}`, max: TICKET_LIMITS.perUser });
  if (client.ip) keys.push({ id: `ip:${sha256Hex(client.ip)}`, max: TICKET_LIMITS.perIp });
  if (keys.length === 0) keys.push({ id: 'unknown', max: TICKET_LIMITS.perIp });
  return keys;
}

/** One slot under `id`, or RATE_LIMITED (nothing written). */
async function takeSlot(ctx: ActionContext, id: string, max: number): Promise<void> {
  const _ = ctx.db.command;
  const coll = ctx.db.collection(C.consoleTicketLimits);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = ctx.now();
    const taken = await coll.where({ _id: id, expiresAt: _.gt(now), count: _.lt(max) }).update({ count: _.inc(1) });
    if (taken.updated === 1) return;
    const doc = (await coll.doc(id).get()).data[0] as TicketLimitDoc | undefined;
    const windowEnd = new Date(now.getTime() + TICKET_LIMITS.windowMs);
    if (!doc) {
      try {
        await coll.add({ _id: id, count: 1, expiresAt: windowEnd });
        return;
      } catch (err) {
        if (!isDuplicate(err)) throw err;
        continue; // a parallel first call created it: go round and take a slot by the update
      }
    }
    if (new Date(doc.expiresAt).getTime() > now.getTime()) {
      if (doc.count >= max) throw limited();
      continue; // changed between the update and the read
    }
    // The window ended: restart it at zero, guarded by the old end so one of several resetters applies.
    await coll.where({ _id: id, expiresAt: new Date(doc.expiresAt) }).update({ count: 0, expiresAt: windowEnd });
  }
  throw limited();
}

/**
 * Takes a slot under every key of this client, or throws RATE_LIMITED having given back the
 * slots it took (so a refused call leaves every count as it was).
 */
export async function takeTicketSlot(ctx: ActionContext): Promise<void> {
  const taken: string[] = [];
  try {
    for (const key of ticketLimitKeys(ctx.client, ctx.openid)) {
      await takeSlot(ctx, key.id, key.max);
      taken.push(key.id);
    }
  } catch (err) {
    const _ = ctx.db.command;
    await Promise.all(
      taken.map((id) =>
        ctx.db
          .collection(C.consoleTicketLimits)
          .where({ _id: id, count: _.gt(0) })
          .update({ count: _.inc(-1) }),
      ),
    );
    throw err;
  }
}
