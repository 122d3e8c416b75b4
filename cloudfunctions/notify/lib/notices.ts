/** `notifications` documents (written by cloudfunctions/_lib/notify.ts) as the 消息 page sees them. */
import { categoryLabel, type NoticeCategoryName } from '../../../shared/notify/categories';
import type { NoticeView } from '../../../shared/notify/schemas';
import { C } from '../../_lib/collections';
import type { UserContext } from '../../_lib/router';

export interface NotificationDoc {
  _id: string;
  openid: string;
  category: NoticeCategoryName;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export function noticeView(n: NotificationDoc): NoticeView {
  return {
    id: n._id,
    category: n.category,
    categoryLabel: categoryLabel(n.category),
    title: n.title,
    body: n.body,
    link: n.link ?? null,
    createdAt: new Date(n.createdAt).toISOString(),
    read: !!n.readAt,
  };
}

export async function unreadOf(ctx: UserContext): Promise<number> {
  const res = await ctx.db.collection(C.notifications).where({ openid: ctx.openid, readAt: null }).count();
  return res.total ?? 0;
}
