/**
 * 注销账号 of a former admin who used the 工会工作台: their console sessions and the tickets they
 * confirmed are deleted with the account (they name the openid), and the session no longer works.
 */
import { C } from '../../../cloudfunctions/_lib/collections';
import type { DeleteAccountResult } from '../../../shared/member/deletion';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { consoleCall, signInConsole, unwrap } from '../../scenarios/console';
import { as, givenVerifiedMember } from '../../scenarios/member';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t.close();
});

it('deletes the console sessions and decided tickets of a former admin with the account', async () => {
  const m = await givenVerifiedMember(t);
  const CITY = { persona: 'city_admin' };
  unwrap(await t.call('member', 'adminAppoint', { cardNo: m.cardNo, unionId: 'nb-bl-xq-gw' }, CITY), 'appoint');
  const token = await signInConsole(t, as(m.openid));
  expect((await t.db.collection(C.consoleSessions).where({ openid: m.openid }).count()).total).toBe(1);
  unwrap(await t.call('member', 'adminRemove', { cardNo: m.cardNo, unionId: 'nb-bl-xq-gw', reason: '工作调动，不再担任' }, CITY), 'remove');

  let outcome = '';
  for (let i = 0; i < 5 && outcome !== 'done'; i++) {
    outcome = unwrap(await t.call<DeleteAccountResult>('member', 'deleteAccount', { confirm: '注销' }, as(m.openid)), 'delete').status;
  }
  expect(outcome).toBe('done');
  expect((await t.db.collection(C.consoleSessions).where({ openid: m.openid }).count()).total).toBe(0);
  expect((await t.db.collection(C.consoleTickets).where({ openid: m.openid }).count()).total).toBe(0);
  expect((await consoleCall(t, token, 'member', 'consoleMe')).body).toMatchObject({
    ok: false,
    error: { code: 'CONSOLE_SESSION_INVALID' },
  });
});
