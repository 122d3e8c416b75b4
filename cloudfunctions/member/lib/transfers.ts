/**
 * 转会待核对. An import row whose ID number belongs to a member of a union outside the importer's
 * subtree is neither imported nor called a duplicate: telling the importer "already a member"
 * would confirm that a person they cannot see exists. The row becomes a transfer request for the
 * lowest union above both the member's union and the row's union (the one whose admins may see
 * both), whose admins get an in-app notice naming the cards (members of their own subtree) so
 * they can move them with 转会 in 会员卡管理 if the worker has really changed employer. The
 * importer is told only that the row was passed to a higher union for checking.
 *
 * `member_transfers/<memberId>_<toUnionId>` (re-importing the same file adds nothing):
 * memberId / cardNo / fromUnionId (the member's union now) / toUnionId (the row's union) /
 * unionId + unionAncestors (the deciding union and its chain, for scope) / status 'pending' /
 * requestedByName (the importer's masked name) / requestedFromUnionId / requestedAt / requestId.
 * No openid, no name, no ID number.
 */
import { C } from '../../_lib/collections';
import { isDuplicate } from '../../_lib/dbErrors';
import { notify } from '../../_lib/notify';
import type { Admin } from '../../_lib/roles';
import type { UserContext } from '../../_lib/router';
import { unionsById } from '../../_lib/unions';
import type { MemberDoc } from './docs';
import { adminsOf } from './unionAdmins';

export interface TransferDoc {
  _id: string;
  memberId: string;
  cardNo: string;
  fromUnionId: string;
  toUnionId: string;
  unionId: string;
  unionAncestors: string[];
  status: 'pending';
  source: 'import';
  requestedByName: string;
  requestedFromUnionId: string | null;
  requestedAt: Date;
  requestId: string;
}

/** The chain (root → union) of the lowest union above both chains; [] when they share none. */
export function commonChain(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) out.push(a[i]);
  return out;
}

const MANAGE_PAGE = '/packages/admin/member/manage/index';
const LISTED_CARDS = 20;

function cardList(cards: string[]): string {
  return cards.length > LISTED_CARDS ? `${cards.slice(0, LISTED_CARDS).join('、')} 等` : cards.join('、');
}

/** Records one request per (member, target union) and tells the deciding unions' admins. */
export async function forwardTransfers(
  ctx: UserContext,
  admin: Admin,
  rows: Array<{ member: Pick<MemberDoc, '_id' | 'cardNo' | 'unionId' | 'unionAncestors'>; toUnionId: string; toAncestors: string[] }>,
): Promise<void> {
  if (rows.length === 0) return;
  const now = ctx.now();
  const byDecider = new Map<string, { chain: string[]; cards: string[] }>();
  for (const { member, toUnionId, toAncestors } of rows) {
    const chain = commonChain(member.unionAncestors ?? [], toAncestors);
    const decider = chain[chain.length - 1] ?? member.unionAncestors?.[0] ?? member.unionId;
    const doc: TransferDoc = {
      _id: `${member._id}_${toUnionId}`,
      memberId: member._id,
      cardNo: member.cardNo,
      fromUnionId: member.unionId,
      toUnionId,
      unionId: decider,
      unionAncestors: chain.length ? chain : [decider],
      status: 'pending',
      source: 'import',
      requestedByName: admin.user.nameMasked ?? '',
      requestedFromUnionId: admin.unionIds[0] ?? null,
      requestedAt: now,
      requestId: ctx.requestId,
    };
    try {
      await ctx.db.collection(C.memberTransfers).add(doc);
    } catch (err) {
      if (!isDuplicate(err)) throw err;
      continue; // already waiting for the same decision: nobody is told twice
    }
    const entry = byDecider.get(decider) ?? { chain: doc.unionAncestors, cards: [] };
    entry.cards.push(member.cardNo);
    byDecider.set(decider, entry);
  }
  const names = await unionsById(ctx, [...byDecider.keys(), ...admin.unionIds.slice(0, 1)]);
  const from = names.get(admin.unionIds[0] ?? '')?.name ?? '下级工会';
  for (const [decider, { chain, cards }] of byDecider) {
    // The deciding union's admins; if it has none, the nearest union above it that has.
    let openids: string[] = [];
    for (let i = chain.length - 1; i >= 0 && openids.length === 0; i--) openids = await adminsOf(ctx, chain[i]);
    for (const openid of openids) {
      await notify(ctx, {
        openid,
        category: 'membership',
        title: '有会员转会待核对',
        body: `${from}导入会员名单时，有 ${cards.length} 人已登记在${names.get(decider)?.name ?? '您管理的'}范围内的其他工会。如确已调动单位，请在「会员卡管理」中查询会员卡号 ${cardList(cards)} 并办理转会。`,
        link: MANAGE_PAGE,
        dedupeKey: `transfer:${ctx.requestId}:${decider}:${openid}`,
      });
    }
  }
}
