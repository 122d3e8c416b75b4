import { forgetUserOps } from '../_lib/forgetUser';
import * as validators from '../../shared/generated/validators/benefit';
import { createFunction } from '../_lib/router';
import { benefitForgetUser } from './lib/forgetUser';
import { adminCancel } from './actions/adminCancel';
import { adminCreate } from './actions/adminCreate';
import { adminList } from './actions/adminList';
import { adminRedemptions } from './actions/adminRedemptions';
import { adminUploadSlot } from './actions/adminUploadSlot';
import { claim } from './actions/claim';
import { drawProof } from './actions/drawProof';
import { exportCsv } from './actions/exportCsv';
import { figures } from './actions/figures';
import { list } from './actions/list';
import { myClaims } from './actions/myClaims';
import { redeem } from './actions/redeem';
import { register } from './actions/register';
import { search } from './actions/search';
import { draw } from './triggers/draw';
import { reconcile } from './triggers/reconcile';

export const main = createFunction({
  name: 'benefit',
  validators,
  actions: {
    list,
    search,
    claim,
    register,
    myClaims,
    drawProof,
    adminCreate,
    adminList,
    adminCancel,
    redeem,
    figures,
    exportCsv,
    adminUploadSlot,
    adminRedemptions,
  },
  triggers: { draw, reconcile },
  internal: forgetUserOps(benefitForgetUser),
});
