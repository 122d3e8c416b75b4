/** Typed client of the `content` cloud function (contract: shared/api.ts → Api['content']). */
import { callApi, type CallOptions } from './cloud';
import type * as Q from '../../shared/content/schemas';

export const content = {
  /** The 活动 tab: followed unions' posts, newest first; pass `nextCursor` for the next page. */
  feed: (query: Q.FeedRequest = {}) => callApi('content', 'feed', query),
  /** Published posts I may read whose title, summary or place contains the keyword; pass `nextCursor` for more. */
  search: (keyword: string, cursor?: string) => callApi('content', 'search', cursor ? { keyword, cursor } : { keyword }),
  /** One post (records my read once). */
  get: (id: string) => callApi('content', 'get', { id }),
  follow: (unionId: string, follow: boolean) => callApi('content', 'follow', { unionId, follow }),
  discover: () => callApi('content', 'discover', {}),
  unionPage: (query: Q.UnionPageRequest) => callApi('content', 'unionPage', query),
  /** 线上报名. Pass the same `requestId` when retrying after a network failure. */
  signUp: (postId: string, options?: CallOptions) => callApi('content', 'signUp', { postId }, options),
  cancelSignup: (postId: string, options?: CallOptions) => callApi('content', 'cancelSignup', { postId }, options),
  mySignups: (query: Q.MySignupsRequest = {}) => callApi('content', 'mySignups', query),
  adminSave: (form: Q.AdminSaveRequest, options?: CallOptions) => callApi('content', 'adminSave', form, options),
  adminPublish: (id: string, at?: string) => callApi('content', 'adminPublish', at ? { id, at } : { id }),
  adminWithdraw: (id: string, reason?: string) => callApi('content', 'adminWithdraw', reason ? { id, reason } : { id }),
  adminList: (query: Q.AdminListRequest = {}) => callApi('content', 'adminList', query),
  adminGet: (id: string) => callApi('content', 'adminGet', { id }),
  adminRoster: (query: Q.AdminRosterRequest) => callApi('content', 'adminRoster', query),
  adminCheckIn: (signupId: string) => callApi('content', 'adminCheckIn', { signupId }),
  adminFigures: (query: Q.AdminFiguresRequest = {}) => callApi('content', 'adminFigures', query),
};
