/** Typed client of the `member` cloud function (contract: shared/api.ts → Api['member']). */
import { callApi, type CallOptions } from './cloud';
import type * as M from '../../shared/member/schemas';
import type * as MC from '../../shared/member/console';

export const member = {
  /** Membership status, masked identity, union chain, card and the latest application. */
  profile: () => callApi('member', 'profile', {}),
  /** Unions for the join form's pickers (grassroots search, district → street). */
  listUnions: (query: M.ListUnionsRequest) => callApi('member', 'listUnions', query),
  /** 网上入会. Pass the same `requestId` when retrying after a network failure. */
  apply: (form: M.ApplyRequest, options?: CallOptions) => callApi('member', 'apply', form, options),
  myApplication: () => callApi('member', 'myApplication', {}),
  /** Link an imported member record to this WeChat user (姓名 + 身份证号). */
  claim: (form: M.ClaimRequest, options?: CallOptions) => callApi('member', 'claim', form, options),
  /** A fresh QR token (valid 60 s) for the caller's own card. */
  cardToken: () => callApi('member', 'cardToken', {}),
  adminListApplications: (query: M.AdminListApplicationsRequest) => callApi('member', 'adminListApplications', query),
  adminReview: (decision: M.AdminReviewRequest, options?: CallOptions) => callApi('member', 'adminReview', decision, options),
  adminImport: (file: M.AdminImportRequest, options?: CallOptions) => callApi('member', 'adminImport', file, options),
  verifyCard: (token: string) => callApi('member', 'verifyCard', { token }),
  /** 会员卡管理: a member of the admin's subtree by card number (masked). */
  adminFindMember: (cardNo: string) => callApi('member', 'adminFindMember', { cardNo }),
  /** Suspend (reason required) or reinstate a card. Pass the same `requestId` when retrying after a network failure. */
  adminSetStatus: (change: M.AdminSetStatusRequest, options?: CallOptions) => callApi('member', 'adminSetStatus', change, options),
  /** 会员信息维护: new tags and/or a transfer (note required). Pass the same `requestId` when retrying after a network failure. */
  adminUpdateMember: (change: M.AdminUpdateMemberRequest, options?: CallOptions) => callApi('member', 'adminUpdateMember', change, options),
  /** A card's change history (newest first, at most 50) and its current tags. */
  adminMemberHistory: (cardNo: string) => callApi('member', 'adminMemberHistory', { cardNo }),
  /** 注销账号: what would be deleted / kept, and what blocks it (no input: the caller is the WeChat user). */
  deletionPreview: () => callApi('member', 'deletionPreview', {}),
  /** 注销账号 with the typed confirmation 「注销」. Safe to call again: `in_progress` continues the same deletion. */
  deleteAccount: (request: M.DeleteAccountRequest) => callApi('member', 'deleteAccount', request),
  /** 管理员管理: the admins of a union of the caller's subtree (masked). */
  adminListAdmins: (unionId: string) => callApi('member', 'adminListAdmins', { unionId }),
  /** Make the member with this card an admin of the union. Pass the same `requestId` when retrying after a network failure. */
  adminAppoint: (request: M.AdminAppointRequest, options?: CallOptions) => callApi('member', 'adminAppoint', request, options),
  /** Take the union from an admin's rights (reason required). Pass the same `requestId` when retrying after a network failure. */
  adminRemove: (request: M.AdminRemoveRequest, options?: CallOptions) => callApi('member', 'adminRemove', request, options),
  /** 扫码登录工作台: which device asks to sign in, and the unions the admin would act for. */
  consoleScan: (ticket: string) => callApi('member', 'consoleScan', { ticket }),
  /** 扫码登录工作台: let the console in (or refuse it). */
  consoleConfirm: (request: MC.ConsoleConfirmRequest) => callApi('member', 'consoleConfirm', request),
  /** 已登录的工作台: the caller's live console sessions. */
  consoleSessions: () => callApi('member', 'consoleSessions', {}),
  /** 已登录的工作台: end one (takes effect on the console's next call). */
  consoleRevoke: (key: string) => callApi('member', 'consoleRevoke', { key }),
};
