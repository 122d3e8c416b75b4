import { createFunction } from '../_lib/router';
import { adminImport } from './actions/adminImport';
import { adminListApplications } from './actions/adminListApplications';
import { adminReview } from './actions/adminReview';
import { apply } from './actions/apply';
import { cardToken } from './actions/cardToken';
import { claim } from './actions/claim';
import { listUnions } from './actions/listUnions';
import { myApplication } from './actions/myApplication';
import { profile } from './actions/profile';
import { verifyCard } from './actions/verifyCard';

export const main = createFunction({
  name: 'member',
  actions: { profile, listUnions, apply, myApplication, claim, adminListApplications, adminReview, adminImport, cardToken, verifyCard },
});
