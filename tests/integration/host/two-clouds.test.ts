/**
 * Several local clouds in one process (the test suites start two at once): each one's functions
 * must read and write its own database. The database URL used to reach a host's instance threads
 * through process.env, which the cloud started last had overwritten; a function instance started
 * after that (at start, or after `setEnvironment`) then answered from the other cloud's data.
 */
import { C } from '../../../cloudfunctions/_lib/collections';
import type { ListUnionsResult } from '../../../shared/member/schemas';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';

let first: TestCloud;
let second: TestCloud;

beforeAll(async () => {
  first = await givenLocalCloud({ seed: false });
  second = await givenLocalCloud({ seed: false });
});
afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
});

async function addUnion(t: TestCloud, id: string, name: string): Promise<void> {
  await t.db
    .collection(C.unions)
    .doc(id)
    .set({ code: id, name, level: 'city', parentId: null, ancestors: [id], kind: null, address: '' });
}

async function unionNames(t: TestCloud): Promise<string[]> {
  const res = await t.call<ListUnionsResult>('member', 'listUnions', { level: 'city' }, 'anonymous');
  if (!res.ok) throw new Error(res.error.code);
  return res.data.unions.map((u) => u.name);
}

it('each cloud’s functions answer from its own database, also from an instance started after the other cloud', async () => {
  await addUnion(first, 'c-first', '第一个环境的市总工会');
  await addUnion(second, 'c-second', '第二个环境的市总工会');
  expect(await unionNames(first)).toEqual(['第一个环境的市总工会']);
  expect(await unionNames(second)).toEqual(['第二个环境的市总工会']);
  // A configuration change starts a new instance of the first cloud, after the second one started.
  await first.cloud.host.setEnvironment({ SOME_SETTING: 'changed' });
  expect(await unionNames(first)).toEqual(['第一个环境的市总工会']);
  expect(await unionNames(second)).toEqual(['第二个环境的市总工会']);
});
