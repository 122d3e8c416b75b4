/**
 * A resent write (same request id, sent again because its answer was lost) gets the first answer
 * again and writes nothing more: 网上入会 (apply), 会员认领 (claim) and 会员批量导入 (adminImport).
 * Another request id keeps today's answer; another caller with the same request id learns nothing.
 */
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { anApplicant, as, givenAdminOf, importCsv, newIdNumber, newOpenid } from '../../scenarios/member';
import { newRequestId, send, sendTwiceAtOnce } from '../../scenarios/repeats';
import type { AdminImportResult, ApplyResult, ClaimResult } from '../../../shared/member/schemas';
import { C } from '../../../cloudfunctions/_lib/collections';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t.close();
});

const docOf = async (collection: string, id: string) =>
  (await t.db.collection(collection).doc(id).get()).data[0] as Record<string, unknown> | undefined;
const applicationsOf = async (openid: string) =>
  (await t.db.collection(C.memberApplications).where({ openid }).get()).data as Array<Record<string, unknown>>;

describe('member.apply', () => {
  it('the same request id twice: both ok with the same application, the resend writes nothing', async () => {
    const a = anApplicant();
    const requestId = newRequestId();
    const first = await send<ApplyResult>(t, 'member', 'apply', a.request, as(a.openid), requestId);
    expect(first.result.ok).toBe(true);
    const [application, user] = await Promise.all([applicationsOf(a.openid), docOf(C.users, a.openid)]);
    const again = await send<ApplyResult>(t, 'member', 'apply', a.request, as(a.openid), requestId);
    expect(again.result).toEqual(first.result);
    expect(await applicationsOf(a.openid)).toEqual(application);
    expect(await docOf(C.users, a.openid)).toEqual(user);
  });

  it('another request id is still refused as pending, and another user with the same request id learns nothing more', async () => {
    const a = anApplicant();
    const requestId = newRequestId();
    expect((await send(t, 'member', 'apply', a.request, as(a.openid), requestId)).result.ok).toBe(true);
    expect((await send(t, 'member', 'apply', a.request, as(a.openid), newRequestId())).result).toMatchObject({
      ok: false,
      error: { code: 'APPLICATION_PENDING' },
    });
    // Someone else typing the same number: the same answer with a guessed request id as with their own.
    const other = newOpenid('o_applicant');
    const guessed = await send(t, 'member', 'apply', a.request, as(other), requestId);
    const own = await send(t, 'member', 'apply', a.request, as(other), newRequestId());
    expect(guessed.result).toMatchObject({ ok: false, error: { code: 'APPLICATION_PENDING' } });
    expect(guessed.result).toEqual(own.result);
    expect(await applicationsOf(other)).toEqual([]);
  });

  it('the same request sent twice at once: one application, both ok with it', async () => {
    const a = anApplicant();
    const [x, y] = await sendTwiceAtOnce<ApplyResult>(t, 'member', 'apply', a.request, as(a.openid), newRequestId());
    expect(x.result.ok && y.result.ok).toBe(true);
    expect(y.result).toEqual(x.result);
    expect(await applicationsOf(a.openid)).toHaveLength(1);
    expect(await docOf(C.users, a.openid)).toMatchObject({ memberStatus: 'pending' });
  });
});

describe('member.claim', () => {
  const DISTRICT = { persona: 'district_admin' };

  /** A worker the 北仑 district imported (unclaimed record); answers the claim request. */
  async function givenImported(): Promise<{ realName: string; idNumber: string; consent: true }> {
    const idNumber = newIdNumber();
    const csv = importCsv([{ realName: '蒋文', idNumber, unionCode: 'nb-bl-xq-lh' }]);
    const res = await t.call<AdminImportResult>('member', 'adminImport', { csv }, DISTRICT);
    if (!res.ok || res.data.imported !== 1) throw new Error('import failed');
    return { realName: '蒋文', idNumber, consent: true };
  }

  const linkOf = async (openid: string) => {
    const user = (await docOf(C.users, openid)) as { memberId: string } & Record<string, unknown>;
    return { user, member: await docOf(C.members, user.memberId) };
  };

  it('the same request id twice: both ok with the same card, the resend writes neither the user nor the record', async () => {
    const request = await givenImported();
    const worker = newOpenid();
    const requestId = newRequestId();
    const first = await send<ClaimResult>(t, 'member', 'claim', request, as(worker), requestId);
    expect(first.result.ok).toBe(true);
    const linked = await linkOf(worker);
    const again = await send<ClaimResult>(t, 'member', 'claim', request, as(worker), requestId);
    expect(again.result).toEqual(first.result);
    expect(await linkOf(worker)).toEqual(linked);
  });

  it('another request id links again as before; another user with the same request id is refused', async () => {
    const request = await givenImported();
    const worker = newOpenid();
    const requestId = newRequestId();
    const first = await send<ClaimResult>(t, 'member', 'claim', request, as(worker), requestId);
    expect((await send<ClaimResult>(t, 'member', 'claim', request, as(worker), newRequestId())).result).toEqual(first.result);
    expect((await send(t, 'member', 'claim', request, as(newOpenid()), requestId)).result).toMatchObject({
      ok: false,
      error: { code: 'MEMBER_ALREADY_CLAIMED' },
    });
  });

  it('the same request sent twice at once: both ok with the same card, linked by one write', async () => {
    const request = await givenImported();
    const worker = newOpenid();
    const [x, y] = await sendTwiceAtOnce<ClaimResult>(t, 'member', 'claim', request, as(worker), newRequestId());
    expect(x.result.ok && y.result.ok).toBe(true);
    expect(y.result).toEqual(x.result);
    const { user, member } = await linkOf(worker);
    expect(member).toMatchObject({ openid: worker });
    // One linking write: the user's copy is the one made with the record's claim, not rewritten by the other call.
    expect(user.updatedAt).toEqual(member?.claimedAt);
  });
});

describe('member.adminImport', () => {
  function aFile(rows: number): string {
    return importCsv(Array.from({ length: rows }, () => ({ realName: '陈大海', idNumber: newIdNumber(), unionCode: 'nb-bl-dq-kd' })));
  }
  const importedBy = async (openid: string) => (await t.db.collection(C.members).where({ createdBy: openid }).count()).total;

  it('the same request id twice: both answer the first import, the resend writes nothing', async () => {
    const admin = await givenAdminOf(t, 'nb-bl');
    const csv = aFile(3);
    const requestId = newRequestId();
    const first = await send<AdminImportResult>(t, 'member', 'adminImport', { csv }, as(admin.openid), requestId);
    expect(first.result).toMatchObject({ ok: true, data: { imported: 3, skippedDuplicates: 0 } });
    const again = await send<AdminImportResult>(t, 'member', 'adminImport', { csv }, as(admin.openid), requestId);
    expect(again.result).toEqual(first.result);
    expect(again.writes).toBe(0);
    expect(await importedBy(admin.openid)).toBe(3);
  });

  it('another request id (importing the file again) counts the rows as already on file; so does another admin with the same id', async () => {
    const admin = await givenAdminOf(t, 'nb-bl');
    const csv = aFile(2);
    const requestId = newRequestId();
    expect((await send(t, 'member', 'adminImport', { csv }, as(admin.openid), requestId)).result).toMatchObject({
      ok: true,
      data: { imported: 2 },
    });
    expect((await send(t, 'member', 'adminImport', { csv }, as(admin.openid), newRequestId())).result).toMatchObject({
      ok: true,
      data: { imported: 0, skippedDuplicates: 2 },
    });
    const other = await givenAdminOf(t, 'nb-bl');
    expect((await send(t, 'member', 'adminImport', { csv }, as(other.openid), requestId)).result).toMatchObject({
      ok: true,
      data: { imported: 0, skippedDuplicates: 2 },
    });
  });

  it('a resend of an import that was cut off finishes it and answers the whole file as imported', async () => {
    const admin = await givenAdminOf(t, 'nb-bl');
    const csv = aFile(3);
    const requestId = newRequestId();
    expect((await send(t, 'member', 'adminImport', { csv }, as(admin.openid), requestId)).result).toMatchObject({
      ok: true,
      data: { imported: 3 },
    });
    // As if the call had died before its last record was written.
    const written = (await t.db.collection(C.members).where({ createdBy: admin.openid }).get()).data as Array<{ _id: string }>;
    await t.db.collection(C.members).doc(written[2]._id).remove();
    const again = await send<AdminImportResult>(t, 'member', 'adminImport', { csv }, as(admin.openid), requestId);
    expect(again.result).toMatchObject({ ok: true, data: { imported: 3, skippedDuplicates: 0 } });
    expect(await importedBy(admin.openid)).toBe(3);
  });

  it('the same request sent twice at once: each person once, both answer the whole file as imported', async () => {
    const admin = await givenAdminOf(t, 'nb-bl');
    const csv = aFile(4);
    const [x, y] = await sendTwiceAtOnce<AdminImportResult>(t, 'member', 'adminImport', { csv }, as(admin.openid), newRequestId());
    expect(x.result).toMatchObject({ ok: true, data: { imported: 4, skippedDuplicates: 0 } });
    expect(y.result).toEqual(x.result);
    expect(await importedBy(admin.openid)).toBe(4);
  });
});
