/**
 * No answer carries an openid (docs/security.md, "Opaque keys"): the activity roster and the
 * check-in name a sign-up by an opaque key, and the check-in takes that key back. A document id
 * `<postId>_<openid>` (what they used to return) is not accepted.
 */
import type { AdminCheckInResult, AdminRosterResult } from '../../../shared/content/views';
import {
  DISTRICT_ADMIN,
  givenActivity,
  givenLocalCloud,
  givenMembers,
  unwrap,
  whenAllSignUpAtOnce,
  type TestCloud,
} from '../../scenarios/content';
import { changedCollections, snapshot } from '../../scenarios/snapshot';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => t?.close());

it('the roster and the check-in answer without any openid; the check-in takes the roster key', async () => {
  const activity = await givenActivity(t, { capacity: 2 });
  const members = await givenMembers(t, 3);
  await whenAllSignUpAtOnce(t, activity.id, members);

  const roster = await t.call<AdminRosterResult>('content', 'adminRoster', { postId: activity.id }, DISTRICT_ADMIN);
  for (const openid of members) expect(JSON.stringify(roster)).not.toContain(openid);
  const signed = unwrap(roster).items.find((i) => i.status === 'signed')!;
  expect(signed.id).toMatch(/^r[0-9a-f]{24}$/);

  const checkIn = await t.call<AdminCheckInResult>('content', 'adminCheckIn', { signupId: signed.id }, DISTRICT_ADMIN);
  expect(unwrap(checkIn)).toMatchObject({ already: false, item: { id: signed.id, checkedInAt: expect.any(String) } });
  for (const openid of members) expect(JSON.stringify(checkIn)).not.toContain(openid);
});

it('a document id built from an openid is not a key: SIGNUP_NOT_FOUND, nothing written', async () => {
  const activity = await givenActivity(t, { capacity: 5 });
  const [member] = await givenMembers(t, 1);
  await whenAllSignUpAtOnce(t, activity.id, [member]);
  const before = await snapshot(t);
  const res = await t.call('content', 'adminCheckIn', { signupId: `${activity.id}_${member}` }, DISTRICT_ADMIN);
  expect(res).toMatchObject({ ok: false, error: { code: 'SIGNUP_NOT_FOUND' } });
  expect(changedCollections(before, await snapshot(t))).toEqual([]);
});

it('a sign-up stored before keys existed gets one when a roster lists it, and can be checked in', async () => {
  const activity = await givenActivity(t, { capacity: 5 });
  const [member] = await givenMembers(t, 1);
  await whenAllSignUpAtOnce(t, activity.id, [member]);
  const id = `${activity.id}_${member}`;
  await t.db.collection('activity_signups').doc(id).update({ rosterKey: t.db.command.remove() });
  const [item] = unwrap(await t.call<AdminRosterResult>('content', 'adminRoster', { postId: activity.id }, DISTRICT_ADMIN)).items;
  expect(item.id).toMatch(/^r[0-9a-f]{24}$/);
  expect(unwrap(await t.call<AdminCheckInResult>('content', 'adminCheckIn', { signupId: item.id }, DISTRICT_ADMIN)).already).toBe(false);
});
