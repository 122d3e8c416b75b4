import { ok } from '../../../shared/envelope';
import type { NoticeDetail, NoticeRequest } from '../../../shared/system/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, publicAction } from '../../_lib/router';

interface NoticeDoc {
  _id: string;
  title: string;
  unionName: string;
  publishedAt: Date;
  body?: string;
}

/**
 * One 工会通知, as listed on the home page. A notice scheduled for later is not found yet, so
 * its id cannot be used to read it early.
 */
export const notice = publicAction<NoticeRequest, NoticeDetail>('system.notice', async (input, ctx) => {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection(C.notices)
    .where({ _id: input.id, publishedAt: _.lte(ctx.now()) })
    .limit(1)
    .get();
  const doc = res.data[0] as NoticeDoc | undefined;
  if (!doc) throw new AppFailure('NOT_FOUND');
  return ok({
    id: doc._id,
    title: doc.title,
    unionName: doc.unionName,
    publishedAt: new Date(doc.publishedAt).toISOString(),
    paragraphs: (doc.body ?? '')
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean),
  });
});
