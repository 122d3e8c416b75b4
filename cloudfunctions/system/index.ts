import { createFunction } from '../_lib/router';
import { adminOverview } from './actions/adminOverview';
import { homeSummary } from './actions/homeSummary';
import { serverTime } from './actions/serverTime';
import { heartbeat } from './triggers/heartbeat';

export const main = createFunction({
  name: 'system',
  actions: { homeSummary, serverTime, adminOverview },
  triggers: { heartbeat },
});
