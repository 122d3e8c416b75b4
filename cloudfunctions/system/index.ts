import { createFunction } from '../_lib/router';
import { homeSummary } from './actions/homeSummary';
import { serverTime } from './actions/serverTime';
import { notice } from './actions/notice';
import { heartbeat } from './triggers/heartbeat';

export const main = createFunction({
  name: 'system',
  actions: { homeSummary, serverTime, notice },
  triggers: { heartbeat },
});
