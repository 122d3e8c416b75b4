/** Typed client of the `system` cloud function (contract: shared/api.ts → Api['system']). */
import { callApi, type CallOptions } from './cloud';
import type { AdminCreateBannerRequest } from '../../shared/system/banners';
import type { AdminSaveContactRequest } from '../../shared/system/contacts';

export const system = {
  /** The home page strip: greeting (masked name, role, union), latest notices, stats. */
  homeSummary: () => callApi('system', 'homeSummary', {}),
  /** The server clock, to compute `serverOffset` for countdowns. */
  serverTime: () => callApi('system', 'serverTime', {}),
  /** One 工会通知 with its text. */
  notice: (id: string) => callApi('system', 'notice', { id }),
  /** 首页轮播图: banners of my union and the unions above it. */
  banners: () => callApi('system', 'banners', {}),
  /** 联系工会: my union's contact, or the nearest union above with one. */
  contact: () => callApi('system', 'contact', {}),
  adminBanners: (unionId?: string) => callApi('system', 'adminBanners', unionId ? { unionId } : {}),
  /** Pass the same `requestId` when retrying: the banner is made once. */
  adminCreateBanner: (form: AdminCreateBannerRequest, options?: CallOptions) => callApi('system', 'adminCreateBanner', form, options),
  adminRemoveBanner: (id: string) => callApi('system', 'adminRemoveBanner', { id }),
  adminMoveBanner: (id: string, direction: 'up' | 'down') => callApi('system', 'adminMoveBanner', { id, direction }),
  adminContact: (unionId: string) => callApi('system', 'adminContact', { unionId }),
  adminSaveContact: (form: AdminSaveContactRequest) => callApi('system', 'adminSaveContact', form),
};
