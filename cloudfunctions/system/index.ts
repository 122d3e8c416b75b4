import * as validators from '../../shared/generated/validators/system';
import { createFunction } from '../_lib/router';
import { adminOverview } from './actions/adminOverview';
import { homeSummary } from './actions/homeSummary';
import { serverTime } from './actions/serverTime';
import { notice } from './actions/notice';
import { heartbeat } from './triggers/heartbeat';
import { tick } from './triggers/tick';
import { banners } from './actions/banners';
import { adminBanners } from './actions/adminBanners';
import { adminCreateBanner } from './actions/adminCreateBanner';
import { adminRemoveBanner } from './actions/adminRemoveBanner';
import { adminMoveBanner } from './actions/adminMoveBanner';
import { contact } from './actions/contact';
import { adminContact } from './actions/adminContact';
import { adminSaveContact } from './actions/adminSaveContact';

export const main = createFunction({
  name: 'system',
  validators,
  actions: {
    homeSummary,
    serverTime,
    notice,
    adminOverview,
    banners,
    adminBanners,
    adminCreateBanner,
    adminRemoveBanner,
    adminMoveBanner,
    contact,
    adminContact,
    adminSaveContact,
  },
  triggers: { tick, heartbeat },
});
