/**
 * The outbox as the sender sees it. Entries move pending → sending → sent | failed | pending
 * (retry later); `skipped` entries (no subscription credit) are never sent. Every move is a
 * conditional update on the current status, so two overlapping sender runs cannot both send
 * one entry: only the run whose pending → sending update matched (updated === 1) sends.
 */
import { nextStep, type AttemptOutcome } from '../../../shared/notify/delivery';
import { isTemplateKey } from '../../../shared/notify/templates';
import { C } from '../../_lib/collections';
import type { BaseContext } from '../../_lib/router';
import type { Transport } from './transport';

export interface OutboxDoc {
  _id: string;
  openid: string;
  template: string;
  data: Record<string, string>;
  page: string | null;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  createdAt: Date;
  nextAttemptAt?: Date;
  claimedAt?: Date | null;
  sentAt: Date | null;
  lastError: string | null;
}

/** A run that died mid-send leaves entries in `sending`; after this long they are retried. */
export const STALE_SENDING_MS = 5 * 60_000;

export async function dueEntries(ctx: BaseContext, limit: number): Promise<OutboxDoc[]> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection(C.outbox)
    .where({ status: 'pending', nextAttemptAt: _.lte(ctx.now()) })
    .orderBy('nextAttemptAt', 'asc')
    .limit(limit)
    .get();
  return res.data as OutboxDoc[];
}

/** Entries stuck in `sending` (their run crashed or timed out) go back to pending. */
export async function requeueStale(ctx: BaseContext): Promise<number> {
  const _ = ctx.db.command;
  const now = ctx.now();
  const res = await ctx.db
    .collection(C.outbox)
    .where({ status: 'sending', claimedAt: _.lt(new Date(now.getTime() - STALE_SENDING_MS)) })
    .update({ status: 'pending', nextAttemptAt: now, claimedAt: null });
  return res.updated ?? 0;
}

export type DeliveryResult = 'sent' | 'failed' | 'retry' | 'taken';

/** Claim one entry, send it, record the outcome. 'taken' = another run claimed it first. */
export async function deliver(ctx: BaseContext, entry: OutboxDoc, transport: Transport): Promise<DeliveryResult> {
  const _ = ctx.db.command;
  const outbox = ctx.db.collection(C.outbox);
  const claimedAt = ctx.now();
  const claim = await outbox.where({ _id: entry._id, status: 'pending' }).update({ status: 'sending', claimedAt, attempts: _.inc(1) });
  if (claim.updated !== 1) return 'taken';

  const attempts = (entry.attempts ?? 0) + 1;
  const outcome: AttemptOutcome = isTemplateKey(entry.template)
    ? await transport(ctx, {
        outboxId: entry._id,
        openid: entry.openid,
        template: entry.template,
        data: entry.data ?? {},
        page: entry.page,
      })
    : { ok: false, errcode: 40037, message: `未知的消息模板 ${entry.template}` };
  const step = nextStep(outcome, attempts);
  const now = ctx.now();
  const mine = outbox.where({ _id: entry._id, status: 'sending', claimedAt });
  if (step.status === 'sent') {
    await mine.update({ status: 'sent', sentAt: now, lastError: null, claimedAt: null });
    return 'sent';
  }
  if (step.status === 'failed') {
    await mine.update({ status: 'failed', failedAt: now, lastError: step.reason, claimedAt: null });
    return 'failed';
  }
  await mine.update({
    status: 'pending',
    nextAttemptAt: new Date(now.getTime() + step.retryInMinutes * 60_000),
    lastError: step.reason,
    claimedAt: null,
  });
  return 'retry';
}
