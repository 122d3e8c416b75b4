import { ok } from '../../../shared/envelope';
import type { MarkReadRequest, MarkReadResult } from '../../../shared/notify/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { unreadOf } from '../lib/notices';

/** Mark some of my notices (or all) read. Only the caller's own notices match the filter. */
export const markRead = userAction<MarkReadRequest, MarkReadResult>('notify.markRead', async (input, ctx) => {
  if (!input.all && !input.ids) throw new AppFailure('INVALID_ARGUMENT', '请选择要标记的消息');
  const _ = ctx.db.command;
  const where = input.all ? { openid: ctx.openid, readAt: null } : { openid: ctx.openid, readAt: null, _id: _.in(input.ids ?? []) };
  const res = await ctx.db.collection(C.notifications).where(where).update({ readAt: ctx.now() });
  return ok({ marked: res.updated ?? 0, unread: await unreadOf(ctx) });
});
