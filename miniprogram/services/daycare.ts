/** Typed client of the `daycare` cloud function (contract: shared/api.ts → Api['daycare']). */
import { callApi, type CallOptions } from './cloud';
import type * as D from '../../shared/daycare/schemas';

export const daycare = {
  /** Campaigns open to the caller's union chain, with sites, periods and places. */
  overview: () => callApi('daycare', 'overview', {}),
  /** The guardian's separate consent for children's data. */
  consent: () => callApi('daycare', 'consent', { agree: true }),
  myChildren: () => callApi('daycare', 'myChildren', {}),
  addChild: (form: D.AddChildRequest, options?: CallOptions) => callApi('daycare', 'addChild', form, options),
  deleteChild: (childId: string) => callApi('daycare', 'deleteChild', { childId }),
  childDetail: (childId: string) => callApi('daycare', 'childDetail', { childId }),
  declareFamily: (circumstances: D.DeclareFamilyRequest['circumstances']) => callApi('daycare', 'declareFamily', { circumstances }),
  /** Pass the same `requestId` when retrying: the server resumes the same sign-up. */
  signUp: (form: D.SignUpRequest, options?: CallOptions) => callApi('daycare', 'signUp', form, options),
  myRegistrations: () => callApi('daycare', 'myRegistrations', {}),
  acceptOffer: (registrationId: string) => callApi('daycare', 'acceptOffer', { registrationId }),
  cancel: (registrationId: string) => callApi('daycare', 'cancel', { registrationId }),
  lotteryRecord: (campaignId: string) => callApi('daycare', 'lotteryRecord', { campaignId }),
  adminCampaigns: () => callApi('daycare', 'adminCampaigns', {}),
  adminCreateCampaign: (form: D.AdminCreateCampaignRequest, options?: CallOptions) =>
    callApi('daycare', 'adminCreateCampaign', form, options),
  adminAddSite: (form: D.AdminAddSiteRequest, options?: CallOptions) => callApi('daycare', 'adminAddSite', form, options),
  adminAddSlot: (form: D.AdminAddSlotRequest, options?: CallOptions) => callApi('daycare', 'adminAddSlot', form, options),
  adminSetStaff: (form: D.AdminSetStaffRequest) => callApi('daycare', 'adminSetStaff', form),
  adminFigures: (campaignId: string) => callApi('daycare', 'adminFigures', { campaignId }),
  adminFamilies: (campaignId: string) => callApi('daycare', 'adminFamilies', { campaignId }),
  adminCheckFamily: (form: D.AdminCheckFamilyRequest) => callApi('daycare', 'adminCheckFamily', form),
  adminAudit: (campaignId: string) => callApi('daycare', 'adminAudit', { campaignId }),
  staffSites: () => callApi('daycare', 'staffSites', {}),
  staffRoster: (slotId: string) => callApi('daycare', 'staffRoster', { slotId }),
  staffRosterCsv: (slotId: string) => callApi('daycare', 'staffRosterCsv', { slotId }),
  staffMarkAttendance: (form: D.StaffMarkAttendanceRequest) => callApi('daycare', 'staffMarkAttendance', form),
};
