import * as validators from '../../shared/generated/validators/system';
import { createFunction } from '../_lib/router';
import { adminOverview } from './actions/adminOverview';
import { homeSummary } from './actions/homeSummary';
import { serverTime } from './actions/serverTime';
import { notice } from './actions/notice';
import { heartbeat } from './triggers/heartbeat';
import { tick } from './triggers/tick';

export const main = createFunction({
  name: 'system',
  validators,
  actions: { homeSummary, serverTime, notice, adminOverview },
  triggers: { tick, heartbeat },
});
