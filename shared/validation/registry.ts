/**
 * Every request schema that gets a pre-compiled validator. Add a schema here, then run
 * `npm run gen:validators` (CI fails if the generated file is stale).
 */
import { homeSummaryRequest, noticeRequest, serverTimeRequest } from '../system/schemas';
import { adminOverviewRequest } from '../system/overview';
import { BANNER_SCHEMAS } from '../system/banners';
import { CONTACT_SCHEMAS } from '../system/contacts';
import * as member from '../member/schemas';
import { CONSOLE_SCHEMAS, adminListMembersRequest } from '../member/console';
import { CONTENT_SCHEMAS } from '../content/schemas';
import * as notify from '../notify/schemas';
import * as recuperation from '../recuperation/schemas';
import { DAYCARE_SCHEMAS } from '../daycare/schemas';
import * as benefit from '../benefit/schemas';

export const schemaRegistry = {
  ...CONTENT_SCHEMAS,
  'notify.templates': notify.templatesRequest,
  'notify.optIn': notify.optInRequest,
  'notify.inbox': notify.inboxRequest,
  'notify.markRead': notify.markReadRequest,
  'notify.unreadCount': notify.unreadCountRequest,
  'system.homeSummary': homeSummaryRequest,
  'system.serverTime': serverTimeRequest,
  'system.notice': noticeRequest,
  'system.adminOverview': adminOverviewRequest,
  ...BANNER_SCHEMAS,
  ...CONTACT_SCHEMAS,
  'member.profile': member.profileRequest,
  'member.listUnions': member.listUnionsRequest,
  'member.apply': member.applyRequest,
  'member.myApplication': member.myApplicationRequest,
  'member.claim': member.claimRequest,
  'member.adminListApplications': member.adminListApplicationsRequest,
  'member.adminReview': member.adminReviewRequest,
  'member.adminImport': member.adminImportRequest,
  'member.cardToken': member.cardTokenRequest,
  'member.verifyCard': member.verifyCardRequest,
  'member.adminFindMember': member.adminFindMemberRequest,
  'member.adminSetStatus': member.adminSetStatusRequest,
  'member.adminUpdateMember': member.adminUpdateMemberRequest,
  'member.adminMemberHistory': member.adminMemberHistoryRequest,
  'member.deletionPreview': member.deletionPreviewRequest,
  'member.deleteAccount': member.deleteAccountRequest,
  'member.adminListAdmins': member.adminListAdminsRequest,
  'member.adminAppoint': member.adminAppointRequest,
  'member.adminRemove': member.adminRemoveRequest,
  ...CONSOLE_SCHEMAS,
  'member.adminListMembers': adminListMembersRequest,
  'recuperation.listBatches': recuperation.listBatchesRequest,
  'recuperation.batchDetail': recuperation.batchDetailRequest,
  'recuperation.apply': recuperation.applyRequest,
  'recuperation.myApplications': recuperation.myApplicationsRequest,
  'recuperation.withdraw': recuperation.withdrawRequest,
  'recuperation.adminUnits': recuperation.adminUnitsRequest,
  'recuperation.adminSaveUnit': recuperation.adminSaveUnitRequest,
  'recuperation.adminSaveVenue': recuperation.adminSaveVenueRequest,
  'recuperation.adminCreateBatch': recuperation.adminCreateBatchRequest,
  'recuperation.adminBatches': recuperation.adminBatchesRequest,
  'recuperation.adminApplicants': recuperation.adminApplicantsRequest,
  'recuperation.adminDecide': recuperation.adminDecideRequest,
  'recuperation.adminUnitMembers': recuperation.adminUnitMembersRequest,
  'recuperation.adminNominate': recuperation.adminNominateRequest,
  'recuperation.adminRoster': recuperation.adminRosterRequest,
  'recuperation.adminAttendance': recuperation.adminAttendanceRequest,
  'recuperation.subsidySubmit': recuperation.subsidySubmitRequest,
  'recuperation.subsidyList': recuperation.subsidyListRequest,
  'recuperation.subsidyDecide': recuperation.subsidyDecideRequest,
  'recuperation.adminFigures': recuperation.adminFiguresRequest,
  ...DAYCARE_SCHEMAS,
  'benefit.list': benefit.listRequest,
  'benefit.search': benefit.searchRequest,
  'benefit.claim': benefit.claimRequest,
  'benefit.register': benefit.registerRequest,
  'benefit.myClaims': benefit.myClaimsRequest,
  'benefit.drawProof': benefit.drawProofRequest,
  'benefit.adminCreate': benefit.adminCreateRequest,
  'benefit.adminList': benefit.adminListRequest,
  'benefit.adminCancel': benefit.adminCancelRequest,
  'benefit.redeem': benefit.redeemRequest,
  'benefit.figures': benefit.figuresRequest,
  'benefit.exportCsv': benefit.exportCsvRequest,
  'benefit.adminRedemptions': benefit.adminRedemptionsRequest,
  'benefit.adminUploadSlot': benefit.adminUploadSlotRequest,
} as const;

export type SchemaId = keyof typeof schemaRegistry;
