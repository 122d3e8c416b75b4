/**
 * Typed clients of the actions the console uses: the same contracts (shared/api.ts) the
 * mini-program's services call, so a request or response type cannot drift between them.
 */
import type * as M from '../../../shared/member/schemas';
import type * as MC from '../../../shared/member/console';
import type * as CQ from '../../../shared/content/schemas';
import type { AdminOverviewRequest } from '../../../shared/system/overview';
import { fail, type Result } from '../../../shared/envelope';
import type * as B from '../../../shared/benefit/schemas';
import type * as DQ from '../../../shared/daycare/schemas';
import type * as R from '../../../shared/recuperation/schemas';
import type { ImageExt } from '../../../shared/files/images';
import { callApi, signInToPlatform, signOutOfPlatform } from './client';

/**
 * The poll, and once it collects a session, the platform sign-in with it (CloudBase: the
 * session's custom-login ticket) before the page stores the token and moves on. If the
 * platform refuses, the console is not signed in and says so (the QR code must be renewed).
 */
async function pollAndSignIn(request: MC.ConsolePollRequest): Promise<Result<MC.ConsolePollResult>> {
  const res = await callApi('member', 'consolePoll', request);
  if (!res.ok || res.data.status !== 'signedIn') return res;
  if (await signInToPlatform(res.data)) return res;
  return fail('CONSOLE_SESSION_INVALID', '工作台登录未完成，请刷新二维码后重新扫码');
}

/** 退出登录: ends the session on the server, then the platform's login state. */
async function signOut(): Promise<Result<MC.ConsoleSignOutResult>> {
  const res = await callApi('member', 'consoleSignOut', {});
  await signOutOfPlatform();
  return res;
}

export const api = {
  signIn: {
    ticket: (device: string) => callApi('member', 'consoleTicket', { device }),
    poll: pollAndSignIn,
    me: () => callApi('member', 'consoleMe', {}),
    signOut,
  },
  overview: (request: AdminOverviewRequest) => callApi('system', 'adminOverview', request),
  member: {
    listApplications: (query: M.AdminListApplicationsRequest) => callApi('member', 'adminListApplications', query),
    review: (decision: M.AdminReviewRequest, requestId: string) => callApi('member', 'adminReview', decision, { requestId }),
    listMembers: (query: MC.AdminListMembersRequest) => callApi('member', 'adminListMembers', query),
    history: (cardNo: string) => callApi('member', 'adminMemberHistory', { cardNo }),
    setStatus: (change: M.AdminSetStatusRequest, requestId: string) => callApi('member', 'adminSetStatus', change, { requestId }),
    update: (change: M.AdminUpdateMemberRequest, requestId: string) => callApi('member', 'adminUpdateMember', change, { requestId }),
    importFile: (file: M.AdminImportRequest, requestId: string) => callApi('member', 'adminImport', file, { requestId }),
    listUnions: (query: M.ListUnionsRequest) => callApi('member', 'listUnions', query),
  },
  benefit: {
    list: () => callApi('benefit', 'adminList', {}),
    figures: (dropId: string) => callApi('benefit', 'figures', { dropId }),
    exportCsv: (dropId: string) => callApi('benefit', 'exportCsv', { dropId }),
    create: (drop: B.AdminCreateRequest, requestId: string) => callApi('benefit', 'adminCreate', drop, { requestId }),
    cancel: (request: B.AdminCancelRequest) => callApi('benefit', 'adminCancel', request),
    redeem: (code: string) => callApi('benefit', 'redeem', { code }),
    redemptions: (query: B.AdminRedemptionsRequest) => callApi('benefit', 'adminRedemptions', query),
    drawProof: (dropId: string) => callApi('benefit', 'drawProof', { dropId }),
    uploadSlot: (unionId: string, ext: ImageExt) => callApi('benefit', 'adminUploadSlot', { unionId, ext }),
  },
  daycare: {
    campaigns: () => callApi('daycare', 'adminCampaigns', {}),
    figures: (campaignId: string) => callApi('daycare', 'adminFigures', { campaignId }),
    audit: (campaignId: string) => callApi('daycare', 'adminAudit', { campaignId }),
    createCampaign: (request: DQ.AdminCreateCampaignRequest, requestId: string) =>
      callApi('daycare', 'adminCreateCampaign', request, { requestId }),
    addSite: (request: DQ.AdminAddSiteRequest, requestId: string) => callApi('daycare', 'adminAddSite', request, { requestId }),
    addSlot: (request: DQ.AdminAddSlotRequest, requestId: string) => callApi('daycare', 'adminAddSlot', request, { requestId }),
    setStaff: (request: DQ.AdminSetStaffRequest) => callApi('daycare', 'adminSetStaff', request),
    roster: (slotId: string) => callApi('daycare', 'staffRoster', { slotId }),
    rosterCsv: (slotId: string) => callApi('daycare', 'staffRosterCsv', { slotId }),
  },
  recuperation: {
    units: (query: R.AdminUnitsRequest) => callApi('recuperation', 'adminUnits', query),
    saveUnit: (request: R.AdminSaveUnitRequest) => callApi('recuperation', 'adminSaveUnit', request),
    batches: () => callApi('recuperation', 'adminBatches', {}),
    saveVenue: (request: R.AdminSaveVenueRequest) => callApi('recuperation', 'adminSaveVenue', request),
    createBatch: (request: R.AdminCreateBatchRequest, requestId: string) =>
      callApi('recuperation', 'adminCreateBatch', request, { requestId }),
    applicants: (query: R.AdminApplicantsRequest) => callApi('recuperation', 'adminApplicants', query),
    decide: (request: R.AdminDecideRequest) => callApi('recuperation', 'adminDecide', request),
    unitMembers: (unionId: string) => callApi('recuperation', 'adminUnitMembers', { unionId }),
    nominate: (request: R.AdminNominateRequest) => callApi('recuperation', 'adminNominate', request),
    roster: (batchId: string) => callApi('recuperation', 'adminRoster', { batchId }),
    figures: (query: R.AdminFiguresRequest) => callApi('recuperation', 'adminFigures', query),
    subsidies: (query: R.SubsidyListRequest) => callApi('recuperation', 'subsidyList', query),
    decideSubsidy: (request: R.SubsidyDecideRequest) => callApi('recuperation', 'subsidyDecide', request),
  },
  content: {
    list: (query: CQ.AdminListRequest) => callApi('content', 'adminList', query),
    get: (id: string) => callApi('content', 'adminGet', { id }),
    save: (post: CQ.AdminSaveRequest, requestId: string) => callApi('content', 'adminSave', post, { requestId }),
    publish: (request: CQ.AdminPublishRequest) => callApi('content', 'adminPublish', request),
    withdraw: (request: CQ.AdminWithdrawRequest) => callApi('content', 'adminWithdraw', request),
    roster: (query: CQ.AdminRosterRequest) => callApi('content', 'adminRoster', query),
    checkIn: (request: CQ.AdminCheckInRequest) => callApi('content', 'adminCheckIn', request),
    uploadSlot: (unionId: string, ext: ImageExt) => callApi('content', 'adminUploadSlot', { unionId, ext }),
  },
};
