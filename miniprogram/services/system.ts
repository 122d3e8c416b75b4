/** Typed client of the `system` cloud function (contract: shared/api.ts → Api['system']). */
import { callApi } from './cloud';

export const system = {
  /** The home page strip: greeting (masked name, role, union), latest notices, stats. */
  homeSummary: () => callApi('system', 'homeSummary', {}),
  /** The server clock, to compute `serverOffset` for countdowns. */
  serverTime: () => callApi('system', 'serverTime', {}),
  /** One 工会通知 with its text. */
  notice: (id: string) => callApi('system', 'notice', { id }),
};
