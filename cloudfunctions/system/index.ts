import { createFunction } from '../_lib/router';
import { homeSummary } from './actions/homeSummary';
import { serverTime } from './actions/serverTime';
import { heartbeat } from './triggers/heartbeat';

export const main = createFunction({
  name: 'system',
  actions: { homeSummary, serverTime },
  triggers: { heartbeat },
});
