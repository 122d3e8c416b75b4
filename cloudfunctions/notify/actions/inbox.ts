import { ok } from '../../../shared/envelope';
import { decodeCursor, encodeCursor } from '../../../shared/content/cursor';
import type { InboxRequest, InboxResult } from '../../../shared/notify/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { noticeView, unreadOf, type NotificationDoc } from '../lib/notices';

/** My 消息, newest first, keyset-paginated on (createdAt, _id) over the `inbox` index. */
export const inbox = userAction<InboxRequest, InboxResult>('notify.inbox', async (input, ctx) => {
  const _ = ctx.db.command;
  const limit = input.limit ?? 20;
  let where: object = { openid: ctx.openid };
  if (input.cursor) {
    const c = decodeCursor(input.cursor);
    if (!c) throw new AppFailure('INVALID_ARGUMENT', '分页位置无效，请刷新');
    const at = new Date(c.at);
    where = _.and([{ openid: ctx.openid }, _.or([{ createdAt: _.lt(at) }, { createdAt: at, _id: _.lt(c.id) }])]);
  }
  const [page, unread] = await Promise.all([
    ctx.db
      .collection(C.notifications)
      .where(where)
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(limit + 1)
      .get(),
    unreadOf(ctx),
  ]);
  const docs = page.data as NotificationDoc[];
  const items = docs.slice(0, limit);
  const last = items[items.length - 1];
  return ok({
    items: items.map(noticeView),
    nextCursor: docs.length > limit && last ? encodeCursor(new Date(last.createdAt), last._id) : null,
    unread,
  });
});
