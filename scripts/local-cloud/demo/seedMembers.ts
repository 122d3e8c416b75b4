/**
 * Membership demo data (seed v2): the personas' member records and cards, the card counter,
 * and two pending join applications in 北仑 for the district admin to review.
 * ID numbers are made up (checksum-valid, region 3302xx) and hashed with ID_HASH_SECRET here,
 * in the host process (ensureLocalSecrets ran before seeding): the plain numbers never reach
 * the database, exactly as in the functions.
 */
import type tcb from '@cloudbase/node-sdk';
import { C } from '../../../cloudfunctions/_lib/collections';
import { newUserDoc } from '../../../cloudfunctions/_lib/docs';
import { hashIdNumber, hashName, hashPhone } from '../../../cloudfunctions/_lib/personal';
import { formatCardNo } from '../../../shared/member/card';
import { withCheckChar } from '../../../shared/member/idNumber';
import { maskIdNumber, maskName, maskPhone } from '../../../shared/member/mask';
import type { MemberTag } from '../../../shared/member/tags';
import { defaultFollows } from '../../../shared/union/tree';
import type { Persona } from './personas';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

interface SeedPerson {
  realName: string;
  id17: string;
  phone: string;
  employer: string;
  unionId: string;
  tags: MemberTag[];
}

/** Persona id → the member they are (guest is not a member). */
export const SEED_MEMBERS: Record<string, SeedPerson> = {
  member: {
    realName: '王建国',
    id17: '33020619850312101',
    phone: '13805741201',
    employer: '宁波北仑港务有限公司',
    unionId: 'nb-bl-xq-gw',
    tags: ['frontline', 'hazardous'],
  },
  parent: {
    realName: '李秀梅',
    id17: '33020619880521102',
    phone: '13805741202',
    employer: '新碶某服装小微企业',
    unionId: 'nb-bl-xq-lh',
    tags: ['frontline'],
  },
  district_admin: {
    realName: '周海燕',
    id17: '33020619800815103',
    phone: '13805741203',
    employer: '北仑区总工会',
    unionId: 'nb-bl',
    tags: ['leader'],
  },
  city_admin: {
    realName: '郑国强',
    id17: '33020319750101104',
    phone: '13805741204',
    employer: '宁波市总工会',
    unionId: 'nb',
    tags: ['leader', 'model_worker'],
  },
};

/** Pending applications (not personas: the admin reviews them in the demo). */
export const SEED_APPLICANTS: Array<SeedPerson & { openid: string; routing: 'employer_union' | 'street_union'; hoursAgo: number }> = [
  {
    openid: 'o_local_applicant_zhangwei',
    realName: '张伟',
    id17: '33020619920704105',
    phone: '13905741205',
    employer: '宁波北仑港务有限公司',
    unionId: 'nb-bl-xq-gw',
    tags: ['frontline'],
    routing: 'employer_union',
    hoursAgo: 30,
  },
  {
    openid: 'o_local_applicant_liufang',
    realName: '刘芳',
    id17: '33020619950228106',
    phone: '13905741206',
    employer: '小港某五金加工小微企业',
    unionId: 'nb-bl-xg',
    tags: [],
    routing: 'street_union',
    hoursAgo: 5,
  },
];

/** The plain ID numbers of the demo people: tests use them to claim, re-apply, or prove they never hit the disk. */
export function seedIdNumber(p: SeedPerson): string {
  return withCheckChar(p.id17);
}

/** `ancestorsOf` comes from the seed's union tree (passed in to keep the modules acyclic). */
export async function seedMembership(db: Db, personas: Persona[], ancestorsOf: (unionId: string) => string[], now: number): Promise<void> {
  const at = new Date(now);
  let seq = 0;
  for (const persona of personas) {
    const p = SEED_MEMBERS[persona.id];
    if (!p) {
      await db.collection(C.users).doc(persona.openid).update({ unionAncestors: [], tags: [], cardNo: null, follows: [], memberId: null });
      continue;
    }
    const id = seedIdNumber(p);
    const idHash = hashIdNumber(id);
    const ancestors = ancestorsOf(p.unionId);
    const cardNo = formatCardNo(++seq);
    await db
      .collection(C.members)
      .doc(idHash)
      .set({
        cardNo,
        status: 'active',
        nameMasked: maskName(p.realName),
        nameHash: hashName(p.realName),
        idMasked: maskIdNumber(id),
        phoneMasked: maskPhone(p.phone),
        phoneHash: hashPhone(p.phone),
        employer: p.employer,
        unionId: p.unionId,
        unionAncestors: ancestors,
        tags: p.tags,
        source: 'application',
        openid: persona.openid,
        joinedAt: at,
        createdBy: 'o_local_admin_city', // the demo's 市总 admin: 变更记录 shows who issued the card
      });
    await db
      .collection(C.users)
      .doc(persona.openid)
      .update({
        memberStatus: 'verified',
        unionAncestors: ancestors,
        tags: p.tags,
        cardNo,
        memberId: idHash,
        follows: defaultFollows(ancestors),
      });
  }
  await db.collection(C.counters).doc('memberCardNo').set({ value: seq, updatedAt: at });

  for (const a of SEED_APPLICANTS) {
    const id = seedIdNumber(a);
    const submittedAt = new Date(now - a.hoursAgo * 3600_000);
    await db
      .collection(C.memberApplications)
      .doc(hashIdNumber(id))
      .set({
        openid: a.openid,
        status: 'pending',
        realName: a.realName,
        nameMasked: maskName(a.realName),
        nameHash: hashName(a.realName),
        idMasked: maskIdNumber(id),
        phoneMasked: maskPhone(a.phone),
        phoneHash: hashPhone(a.phone),
        employer: a.employer,
        routing: a.routing,
        unionId: a.unionId,
        unionAncestors: ancestorsOf(a.unionId),
        tags: a.tags,
        consentAt: submittedAt,
        submittedAt,
        reviewedAt: null,
        reviewedBy: null,
        rejectReason: null,
        cardNo: null,
        history: [],
      });
    // The one users shape (cloudfunctions/_lib/docs.ts), as member.apply leaves it.
    await db
      .collection(C.users)
      .doc(a.openid)
      .set({ ...newUserDoc(a.openid, maskName(a.realName), submittedAt), memberStatus: 'pending' });
  }
}
