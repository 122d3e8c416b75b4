import { ok } from '../../../shared/envelope';
import type { ServerTime, ServerTimeRequest } from '../../../shared/system/schemas';
import { publicAction } from '../../_lib/router';

/** The business clock, so countdowns tick from server time rather than the phone's. */
export const serverTime = publicAction<ServerTimeRequest, ServerTime>('system.serverTime', async (_input, ctx) =>
  ok({ serverTime: ctx.now().getTime() }),
);
