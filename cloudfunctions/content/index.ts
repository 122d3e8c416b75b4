import { forgetUserOps } from '../_lib/forgetUser';
import * as validators from '../../shared/generated/validators/content';
import { createFunction } from '../_lib/router';
import { contentForgetUser, leaveFollowed } from './lib/forgetUser';
import { adminCheckIn } from './actions/adminCheckIn';
import { adminFigures } from './actions/adminFigures';
import { adminGet } from './actions/adminGet';
import { adminList } from './actions/adminList';
import { adminPublish } from './actions/adminPublish';
import { adminRoster } from './actions/adminRoster';
import { adminSave } from './actions/adminSave';
import { adminUploadSlot } from './actions/adminUploadSlot';
import { adminWithdraw } from './actions/adminWithdraw';
import { cancelSignup } from './actions/cancelSignup';
import { discover } from './actions/discover';
import { feed } from './actions/feed';
import { follow } from './actions/follow';
import { get } from './actions/get';
import { mySignups } from './actions/mySignups';
import { search } from './actions/search';
import { signUp } from './actions/signUp';
import { unionPage } from './actions/unionPage';
import { publishDue } from './triggers/publishDue';
import { recountFollowers } from './triggers/recountFollowers';
import { recountPlaces } from './triggers/recountPlaces';
import { remindActivities } from './triggers/remindActivities';

export const main = createFunction({
  name: 'content',
  validators,
  actions: {
    feed,
    search,
    get,
    follow,
    discover,
    unionPage,
    signUp,
    cancelSignup,
    mySignups,
    adminSave,
    adminPublish,
    adminWithdraw,
    adminList,
    adminGet,
    adminRoster,
    adminCheckIn,
    adminFigures,
    adminUploadSlot,
  },
  triggers: { publishDue, recountFollowers, recountPlaces, remindActivities },
  internal: { ...forgetUserOps(contentForgetUser), 'follows.leave': leaveFollowed },
});
