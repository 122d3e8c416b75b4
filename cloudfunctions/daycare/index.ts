import { forgetUserOps } from '../_lib/forgetUser';
import * as validators from '../../shared/generated/validators/daycare';
import { createFunction } from '../_lib/router';
import { daycareForgetUser } from './lib/forgetUser';
import { acceptOffer } from './actions/acceptOffer';
import { addChild } from './actions/addChild';
import { adminAddSite } from './actions/adminAddSite';
import { adminAddSlot } from './actions/adminAddSlot';
import { adminAudit } from './actions/adminAudit';
import { adminCampaigns } from './actions/adminCampaigns';
import { adminCheckFamily } from './actions/adminCheckFamily';
import { adminCreateCampaign } from './actions/adminCreateCampaign';
import { adminFamilies } from './actions/adminFamilies';
import { adminFigures } from './actions/adminFigures';
import { adminSetStaff } from './actions/adminSetStaff';
import { cancel } from './actions/cancel';
import { childDetail } from './actions/childDetail';
import { consent } from './actions/consent';
import { declareFamily } from './actions/declareFamily';
import { deleteChild } from './actions/deleteChild';
import { lotteryRecord } from './actions/lotteryRecord';
import { myChildren } from './actions/myChildren';
import { myRegistrations } from './actions/myRegistrations';
import { overview } from './actions/overview';
import { signUp } from './actions/signUp';
import { staffMarkAttendance } from './actions/staffMarkAttendance';
import { staffRoster } from './actions/staffRoster';
import { staffRosterCsv } from './actions/staffRosterCsv';
import { staffSites } from './actions/staffSites';
import { closeWindows } from './triggers/closeWindows';
import { expireOffers } from './triggers/expireOffers';
import { recountPlaces } from './triggers/recountPlaces';

export const main = createFunction({
  name: 'daycare',
  validators,
  actions: {
    overview,
    consent,
    myChildren,
    addChild,
    deleteChild,
    childDetail,
    declareFamily,
    signUp,
    myRegistrations,
    acceptOffer,
    cancel,
    lotteryRecord,
    adminCampaigns,
    adminCreateCampaign,
    adminAddSite,
    adminAddSlot,
    adminSetStaff,
    adminFigures,
    adminFamilies,
    adminCheckFamily,
    adminAudit,
    staffSites,
    staffRoster,
    staffRosterCsv,
    staffMarkAttendance,
  },
  triggers: { closeWindows, expireOffers, recountPlaces },
  internal: forgetUserOps(daycareForgetUser),
});
