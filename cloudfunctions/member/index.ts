import * as validators from '../../shared/generated/validators/member';
import { createFunction } from '../_lib/router';
import { adminAppoint } from './actions/adminAppoint';
import { adminFindMember } from './actions/adminFindMember';
import { adminImport } from './actions/adminImport';
import { adminListAdmins } from './actions/adminListAdmins';
import { adminListMembers } from './actions/adminListMembers';
import { adminListApplications } from './actions/adminListApplications';
import { adminMemberHistory } from './actions/adminMemberHistory';
import { adminRemove } from './actions/adminRemove';
import { adminReview } from './actions/adminReview';
import { adminSetStatus } from './actions/adminSetStatus';
import { adminUpdateMember } from './actions/adminUpdateMember';
import { apply } from './actions/apply';
import { cardToken } from './actions/cardToken';
import { claim } from './actions/claim';
import { deleteAccount } from './actions/deleteAccount';
import { deletionPreview } from './actions/deletionPreview';
import { listUnions } from './actions/listUnions';
import { myApplication } from './actions/myApplication';
import { profile } from './actions/profile';
import { verifyCard } from './actions/verifyCard';
import { consoleConfirm } from './actions/console/consoleConfirm';
import { consoleMe, consoleSignOut } from './actions/console/consoleMe';
import { consolePoll } from './actions/console/consolePoll';
import { consoleScan } from './actions/console/consoleScan';
import { consoleRevoke, consoleSessions } from './actions/console/consoleSessions';
import { consoleTicket } from './actions/console/consoleTicket';
import { finishDeletions } from './triggers/finishDeletions';

export const main = createFunction({
  name: 'member',
  validators,
  actions: {
    profile,
    listUnions,
    apply,
    myApplication,
    claim,
    adminListApplications,
    adminReview,
    adminImport,
    cardToken,
    verifyCard,
    adminFindMember,
    adminSetStatus,
    adminUpdateMember,
    adminMemberHistory,
    deletionPreview,
    deleteAccount,
    adminListAdmins,
    adminAppoint,
    adminRemove,
    consoleTicket,
    consoleScan,
    consoleConfirm,
    consolePoll,
    consoleSessions,
    consoleRevoke,
    consoleMe,
    consoleSignOut,
    adminListMembers,
  },
  triggers: { finishDeletions },
});
