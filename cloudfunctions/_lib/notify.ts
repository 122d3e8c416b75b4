/**
 * The one notification path for every domain. `notify` always writes an in-app notice (the
 * 消息 list works whether or not the member subscribed) and, when a subscribe-message template
 * is named and the member has an unused one-time acceptance for it, queues an `outbox` entry
 * that the sender function (cloudfunctions/notify) delivers and records.
 *
 * Idempotent by `dedupeKey`: a retried request or a re-run trigger creates nothing twice and
 * spends no second subscription credit.
 */
import { isTombstone } from '../../shared/member/deletion';
import { C } from './collections';
import type { BaseContext } from './router';
import { isDuplicate } from './dbErrors';
import { lowerDue } from './schedule';

export type NoticeCategory = 'membership' | 'benefit' | 'daycare' | 'recuperation' | 'activity' | 'system';

export interface NoticeInput {
  openid: string;
  category: NoticeCategory;
  /** Short Chinese title, e.g. "福利领取成功". */
  title: string;
  /** One or two Chinese sentences; no personal data beyond what the member already knows. */
  body: string;
  /** In-app page to open, e.g. "/packages/benefit/mine/index". */
  link?: string;
  /** Subscribe-message template key (shared/notify/templates.ts), when the event deserves one. */
  template?: string;
  /** Template fields (WeChat's `data`), already formatted. */
  templateData?: Record<string, string>;
  /** Stable key of the event, e.g. `drop:<dropId>:win:<openid>`. */
  dedupeKey: string;
}

/** Ids are derived from the dedupe key so retries collide on the primary key. */
function idFor(prefix: string, key: string): string {
  return `${prefix}_${key.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 120);
}

export async function notify(ctx: Pick<BaseContext, 'db' | 'now'>, input: NoticeInput): Promise<{ inApp: boolean; queued: boolean }> {
  // A record kept after 注销账号 (a redeemed code, a drawn registration…) names a tombstone, not a
  // person: a timer going over such records later has nobody to tell.
  if (isTombstone(input.openid)) return { inApp: false, queued: false };
  const now = ctx.now();
  let inApp = true;
  try {
    await ctx.db.collection(C.notifications).add({
      _id: idFor('n', input.dedupeKey),
      openid: input.openid,
      category: input.category,
      title: input.title,
      body: input.body,
      link: input.link ?? null,
      createdAt: now,
      readAt: null,
    });
  } catch (err) {
    if (!isDuplicate(err)) throw err;
    inApp = false;
  }
  if (!input.template) return { inApp, queued: false };
  // Most members hold no credit for most events: one read then saves the outbox writes. The
  // conditional spend below still decides under races.
  const sub = await ctx.db.collection(C.subscriptions).doc(input.openid).get();
  const credits = (sub.data[0] as { credits?: Record<string, number> } | undefined)?.credits ?? {};
  if (!((credits[input.template] ?? 0) > 0)) return { inApp, queued: false };

  const outboxId = idFor('o', input.dedupeKey);
  try {
    await ctx.db.collection(C.outbox).add({
      _id: outboxId,
      openid: input.openid,
      template: input.template,
      data: input.templateData ?? {},
      page: input.link ?? null,
      status: 'pending',
      attempts: 0,
      createdAt: now,
      // The sender (cloudfunctions/notify, timer `send`) takes pending entries whose time has come.
      nextAttemptAt: now,
      sentAt: null,
      lastError: null,
    });
  } catch (err) {
    if (isDuplicate(err)) return { inApp, queued: false }; // this event was queued before
    throw err;
  }
  // Spend one one-time acceptance; the conditional update cannot go below zero under races.
  const _ = ctx.db.command;
  const field = `credits.${input.template}`;
  const spent = await ctx.db
    .collection(C.subscriptions)
    .where({ _id: input.openid, [field]: _.gt(0) })
    .update({ [field]: _.inc(-1) });
  if (spent.updated !== 1) {
    await ctx.db.collection(C.outbox).doc(outboxId).update({ status: 'skipped', lastError: '用户未订阅该消息' });
    return { inApp, queued: false };
  }
  // The sender runs at the schedule's next tick (one conditional write; a no-op while it is due).
  await lowerDue(ctx, 'notify.send', now);
  return { inApp, queued: true };
}
