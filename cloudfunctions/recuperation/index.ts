import { forgetUserOps } from '../_lib/forgetUser';
import * as validators from '../../shared/generated/validators/recuperation';
import { createFunction } from '../_lib/router';
import { recuperationForgetUser } from './lib/forgetUser';
import { adminApplicants } from './actions/adminApplicants';
import { adminAttendance } from './actions/adminAttendance';
import { adminBatches } from './actions/adminBatches';
import { adminCreateBatch } from './actions/adminCreateBatch';
import { adminDecide } from './actions/adminDecide';
import { adminFigures } from './actions/adminFigures';
import { adminNominate } from './actions/adminNominate';
import { adminRoster } from './actions/adminRoster';
import { adminSaveUnit } from './actions/adminSaveUnit';
import { adminSaveVenue } from './actions/adminSaveVenue';
import { adminUnitMembers } from './actions/adminUnitMembers';
import { adminUnits } from './actions/adminUnits';
import { apply } from './actions/apply';
import { batchDetail } from './actions/batchDetail';
import { listBatches } from './actions/listBatches';
import { myApplications } from './actions/myApplications';
import { subsidyDecide } from './actions/subsidyDecide';
import { subsidyList } from './actions/subsidyList';
import { subsidySubmit } from './actions/subsidySubmit';
import { withdraw } from './actions/withdraw';

export const main = createFunction({
  name: 'recuperation',
  validators,
  actions: {
    listBatches,
    batchDetail,
    apply,
    myApplications,
    withdraw,
    adminUnits,
    adminSaveUnit,
    adminSaveVenue,
    adminCreateBatch,
    adminBatches,
    adminApplicants,
    adminDecide,
    adminUnitMembers,
    adminNominate,
    adminRoster,
    adminAttendance,
    subsidySubmit,
    subsidyList,
    subsidyDecide,
    adminFigures,
  },
  internal: forgetUserOps(recuperationForgetUser),
});
