/**
 * A function whose invariant index is not verified refuses instead of risking a double: the local
 * cloud started without its schema marker stands for an environment where `npm run deploy` never
 * verified the indexes.
 */
import { C } from '../../../cloudfunctions/_lib/collections';
import { writeSchemaMarker } from '../../../scripts/deploy/marker';
import { claimAs, givenDrop, givenMembers, registerAs } from '../../scenarios/benefit';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud({ seed: true, runTimers: false, schemaMarker: false });
});
afterAll(async () => {
  await t.close();
});

it('claim and draw entry refuse with SCHEMA_NOT_READY and change nothing while the marker is missing; a new instance accepts once it is written', async () => {
  const [member] = await givenMembers(t, 1);
  const { dropId, opensAt } = await givenDrop(t, { stock: 5 });
  await t.setClock(new Date(opensAt + 1000));
  const stockBefore = await t.db.collection(C.dropStock).where({ dropId }).get();

  const claim = await claimAs(t, member, dropId);
  expect(claim.result).toEqual({ ok: false, error: { code: 'SCHEMA_NOT_READY', message: '系统正在升级维护，请稍后再试' } });
  // Refused before any request of its own (the marker read is the only one).
  expect(claim.db.writes).toBe(0);
  const again = await claimAs(t, member, dropId);
  expect(again.result.ok).toBe(false);
  expect(again.db.total).toBe(0); // the refusal is remembered: no read per request while refusing

  const register = await registerAs(t, member, dropId);
  expect(register.result.ok ? null : register.result.error.code).toBe('SCHEMA_NOT_READY');

  expect((await t.db.collection(C.dropClaims).where({ dropId }).count()).total).toBe(0);
  expect((await t.db.collection(C.dropStock).where({ dropId }).get()).data).toEqual(stockBefore.data);

  await writeSchemaMarker(t.db, 'deploy', new Date());
  await t.cloud.host.setEnvironment({}); // a new instance (a cold start) reads the marker again
  const after = await claimAs(t, member, dropId);
  expect(after.result.ok).toBe(true);
});
