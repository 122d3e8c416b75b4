import { ok } from '../../../shared/envelope';
import type { UnreadCountRequest, UnreadCountResult } from '../../../shared/notify/schemas';
import { userAction } from '../../_lib/router';
import { unreadOf } from '../lib/notices';

/** The 我的 badge: one indexed count. */
export const unreadCount = userAction<UnreadCountRequest, UnreadCountResult>('notify.unreadCount', async (_input, ctx) =>
  ok({ unread: await unreadOf(ctx) }),
);
