import * as validators from '../../shared/generated/validators/notify';
import { createFunction } from '../_lib/router';
import { inbox } from './actions/inbox';
import { markRead } from './actions/markRead';
import { optIn } from './actions/optIn';
import { templates } from './actions/templates';
import { unreadCount } from './actions/unreadCount';
import { send } from './triggers/send';

export const main = createFunction({
  name: 'notify',
  validators,
  actions: { templates, optIn, inbox, markRead, unreadCount },
  triggers: { send },
});
