/**
 * The typed contract between the mini-program and the cloud functions:
 * function → action → [request, response]. The services layer and each function's router are
 * both checked against this map, so a request or response type cannot drift between sides.
 */
import type { HomeSummary, HomeSummaryRequest, NoticeDetail, NoticeRequest, ServerTime, ServerTimeRequest } from './system/schemas';
import type { AdminOverviewRequest, AdminOverviewResult } from './system/overview';
import type * as SB from './system/banners';
import type * as SC from './system/contacts';
import type * as M from './member/schemas';
import type * as MD from './member/deletion';
import type * as MC from './member/console';
import type * as CQ from './content/schemas';
import type * as CV from './content/views';
import type * as NQ from './notify/schemas';
import type * as R from './recuperation/schemas';
import type * as DQ from './daycare/schemas';
import type * as DV from './daycare/views';
import type * as B from './benefit/schemas';
import type { UploadSlot } from './files/images';

export interface Api {
  content: {
    feed: [CQ.FeedRequest, CV.FeedResult];
    search: [CQ.SearchRequest, CV.FeedResult];
    get: [CQ.GetRequest, CV.GetResult];
    follow: [CQ.FollowRequest, CV.FollowResult];
    discover: [CQ.DiscoverRequest, CV.DiscoverResult];
    unionPage: [CQ.UnionPageRequest, CV.UnionPageResult];
    signUp: [CQ.SignUpRequest, CV.SignUpResult];
    cancelSignup: [CQ.CancelSignupRequest, CV.CancelSignupResult];
    mySignups: [CQ.MySignupsRequest, CV.MySignupsResult];
    adminSave: [CQ.AdminSaveRequest, CV.AdminSaveResult];
    adminPublish: [CQ.AdminPublishRequest, CV.AdminPublishResult];
    adminWithdraw: [CQ.AdminWithdrawRequest, CV.AdminPublishResult];
    adminList: [CQ.AdminListRequest, CV.AdminListResult];
    adminGet: [CQ.AdminGetRequest, CV.AdminGetResult];
    adminRoster: [CQ.AdminRosterRequest, CV.AdminRosterResult];
    adminCheckIn: [CQ.AdminCheckInRequest, CV.AdminCheckInResult];
    adminFigures: [CQ.AdminFiguresRequest, CV.AdminFiguresResult];
    adminUploadSlot: [CQ.AdminUploadSlotRequest, UploadSlot];
  };
  notify: {
    templates: [NQ.TemplatesRequest, NQ.TemplatesResult];
    optIn: [NQ.OptInRequest, NQ.OptInResult];
    inbox: [NQ.InboxRequest, NQ.InboxResult];
    markRead: [NQ.MarkReadRequest, NQ.MarkReadResult];
    unreadCount: [NQ.UnreadCountRequest, NQ.UnreadCountResult];
  };
  system: {
    homeSummary: [HomeSummaryRequest, HomeSummary];
    serverTime: [ServerTimeRequest, ServerTime];
    notice: [NoticeRequest, NoticeDetail];
    adminOverview: [AdminOverviewRequest, AdminOverviewResult];
    banners: [SB.BannersRequest, SB.BannersResult];
    adminBanners: [SB.AdminBannersRequest, SB.AdminBannersResult];
    adminCreateBanner: [SB.AdminCreateBannerRequest, SB.AdminBannerResult];
    adminRemoveBanner: [SB.AdminRemoveBannerRequest, SB.AdminRemoveBannerResult];
    adminMoveBanner: [SB.AdminMoveBannerRequest, SB.AdminBannersResult];
    contact: [SC.ContactRequest, SC.ContactResult];
    adminContact: [SC.AdminContactRequest, SC.AdminContactResult];
    adminSaveContact: [SC.AdminSaveContactRequest, SC.AdminContactResult];
  };
  member: {
    profile: [M.ProfileRequest, M.Profile];
    listUnions: [M.ListUnionsRequest, M.ListUnionsResult];
    apply: [M.ApplyRequest, M.ApplyResult];
    myApplication: [M.MyApplicationRequest, M.MyApplicationResult];
    claim: [M.ClaimRequest, M.ClaimResult];
    adminListApplications: [M.AdminListApplicationsRequest, M.AdminListApplicationsResult];
    adminReview: [M.AdminReviewRequest, M.AdminReviewResult];
    adminImport: [M.AdminImportRequest, M.AdminImportResult];
    cardToken: [M.CardTokenRequest, M.CardTokenResult];
    verifyCard: [M.VerifyCardRequest, M.VerifyCardResult];
    adminFindMember: [M.AdminFindMemberRequest, M.AdminFindMemberResult];
    adminSetStatus: [M.AdminSetStatusRequest, M.AdminSetStatusResult];
    adminUpdateMember: [M.AdminUpdateMemberRequest, M.AdminUpdateMemberResult];
    adminMemberHistory: [M.AdminMemberHistoryRequest, M.AdminMemberHistoryResult];
    deletionPreview: [M.DeletionPreviewRequest, MD.DeletionPreview];
    deleteAccount: [M.DeleteAccountRequest, MD.DeleteAccountResult];
    adminListAdmins: [M.AdminListAdminsRequest, M.AdminListAdminsResult];
    adminAppoint: [M.AdminAppointRequest, M.AdminAppointResult];
    adminRemove: [M.AdminRemoveRequest, M.AdminRemoveResult];
    consoleTicket: [MC.ConsoleTicketRequest, MC.ConsoleTicketResult];
    consoleScan: [MC.ConsoleScanRequest, MC.ConsoleScanResult];
    consoleConfirm: [MC.ConsoleConfirmRequest, MC.ConsoleConfirmResult];
    consolePoll: [MC.ConsolePollRequest, MC.ConsolePollResult];
    consoleSessions: [MC.ConsoleSessionsRequest, MC.ConsoleSessionsResult];
    consoleRevoke: [MC.ConsoleRevokeRequest, MC.ConsoleRevokeResult];
    consoleMe: [MC.ConsoleMeRequest, MC.ConsoleMeResult];
    consoleSignOut: [MC.ConsoleSignOutRequest, MC.ConsoleSignOutResult];
    adminListMembers: [MC.AdminListMembersRequest, MC.AdminListMembersResult];
  };
  recuperation: {
    listBatches: [R.ListBatchesRequest, R.ListBatchesResult];
    batchDetail: [R.BatchDetailRequest, R.BatchDetailResult];
    apply: [R.ApplyRequest, R.ApplyResult];
    myApplications: [R.MyApplicationsRequest, R.MyApplicationsResult];
    withdraw: [R.WithdrawRequest, R.WithdrawResult];
    adminUnits: [R.AdminUnitsRequest, R.AdminUnitsResult];
    adminSaveUnit: [R.AdminSaveUnitRequest, R.AdminSaveUnitResult];
    adminSaveVenue: [R.AdminSaveVenueRequest, R.AdminSaveVenueResult];
    adminCreateBatch: [R.AdminCreateBatchRequest, R.AdminCreateBatchResult];
    adminBatches: [R.AdminBatchesRequest, R.AdminBatchesResult];
    adminApplicants: [R.AdminApplicantsRequest, R.AdminApplicantsResult];
    adminDecide: [R.AdminDecideRequest, R.AdminDecideResult];
    adminUnitMembers: [R.AdminUnitMembersRequest, R.AdminUnitMembersResult];
    adminNominate: [R.AdminNominateRequest, R.AdminNominateResult];
    adminRoster: [R.AdminRosterRequest, R.AdminRosterResult];
    adminAttendance: [R.AdminAttendanceRequest, R.AdminAttendanceResult];
    subsidySubmit: [R.SubsidySubmitRequest, R.SubsidySubmitResult];
    subsidyList: [R.SubsidyListRequest, R.SubsidyListResult];
    subsidyDecide: [R.SubsidyDecideRequest, R.SubsidyDecideResult];
    adminFigures: [R.AdminFiguresRequest, R.AdminFiguresResult];
  };
  daycare: {
    overview: [DQ.OverviewRequest, DV.OverviewResult];
    consent: [DQ.ConsentRequest, DV.ConsentResult];
    myChildren: [DQ.MyChildrenRequest, DV.MyChildrenResult];
    addChild: [DQ.AddChildRequest, DV.AddChildResult];
    deleteChild: [DQ.DeleteChildRequest, DV.DeleteChildResult];
    childDetail: [DQ.ChildDetailRequest, DV.ChildDetailResult];
    declareFamily: [DQ.DeclareFamilyRequest, DV.DeclareFamilyResult];
    signUp: [DQ.SignUpRequest, DV.SignUpResult];
    myRegistrations: [DQ.MyRegistrationsRequest, DV.MyRegistrationsResult];
    acceptOffer: [DQ.AcceptOfferRequest, DV.RegistrationResult];
    cancel: [DQ.CancelRequest, DV.RegistrationResult];
    lotteryRecord: [DQ.LotteryRecordRequest, DV.LotteryRecordResult];
    adminCampaigns: [DQ.AdminCampaignsRequest, DV.AdminCampaignsResult];
    adminCreateCampaign: [DQ.AdminCreateCampaignRequest, DV.AdminCampaignResult];
    adminAddSite: [DQ.AdminAddSiteRequest, DV.AdminSiteResult];
    adminAddSlot: [DQ.AdminAddSlotRequest, DV.AdminSlotResult];
    adminSetStaff: [DQ.AdminSetStaffRequest, DV.AdminSiteResult];
    adminFigures: [DQ.AdminFiguresRequest, DV.AdminFiguresResult];
    adminFamilies: [DQ.AdminFamiliesRequest, DV.AdminFamiliesResult];
    adminCheckFamily: [DQ.AdminCheckFamilyRequest, DV.AdminCheckFamilyResult];
    adminAudit: [DQ.AdminAuditRequest, DV.AdminAuditResult];
    staffSites: [DQ.StaffSitesRequest, DV.StaffSitesResult];
    staffRoster: [DQ.StaffRosterRequest, DV.StaffRosterResult];
    staffRosterCsv: [DQ.StaffRosterCsvRequest, DV.StaffRosterCsvResult];
    staffMarkAttendance: [DQ.StaffMarkAttendanceRequest, DV.StaffMarkAttendanceResult];
  };
  benefit: {
    list: [B.ListRequest, B.ListResult];
    search: [B.SearchRequest, B.SearchResult];
    claim: [B.ClaimRequest, B.ClaimView];
    register: [B.RegisterRequest, B.RegistrationView];
    myClaims: [B.MyClaimsRequest, B.MyClaimsResult];
    drawProof: [B.DrawProofRequest, B.DrawProof];
    adminCreate: [B.AdminCreateRequest, B.AdminCreateResult];
    adminList: [B.AdminListRequest, B.AdminListResult];
    adminCancel: [B.AdminCancelRequest, B.AdminCancelResult];
    redeem: [B.RedeemRequest, B.RedeemResult];
    figures: [B.FiguresRequest, B.FiguresResult];
    exportCsv: [B.ExportCsvRequest, B.ExportCsvResult];
    adminRedemptions: [B.AdminRedemptionsRequest, B.AdminRedemptionsResult];
    adminUploadSlot: [B.AdminUploadSlotRequest, UploadSlot];
  };
}

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends [infer Req, unknown] ? Req : never;
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends [unknown, infer Res] ? Res : never;

/** The event a function receives from callFunction. */
export interface CallEvent {
  action: string;
  data?: unknown;
  /** Client-generated idempotency key: a retry with the same id must not act twice. */
  requestId?: string;
  /**
   * True when no earlier send of this request id can have been applied: each one was refused
   * before it ran (a quota refusal of the function call, or BUSY). A function may then skip the
   * read that would find a lost acknowledgement (benefit.claim's sold-out answer costs 0 reads).
   * Absent = not known (an old client): treated as a possible resend.
   */
  fresh?: boolean;
}

export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
