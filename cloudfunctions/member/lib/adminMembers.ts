/**
 * A member looked up by a union admin (会员卡管理). Out of the admin's subtree answers exactly
 * like "no such card" (NOT_FOUND, same message), so an admin cannot learn which card numbers
 * exist in other unions by typing them. A look-up by a typed card number is an identity look-up:
 * under the admin's daily budget, with an audit entry (_lib/lookups.ts).
 */
import { normalizeCardNo } from '../../../shared/member/card';
import { C } from '../../_lib/collections';
import { assertInScope, type Admin } from '../../_lib/roles';
import { AppFailure, type UserContext } from '../../_lib/router';
import { assertLookupBudget, recordLookup, type LookupAction } from '../../_lib/lookups';
import type { MemberDoc } from './docs';

const NOT_FOUND_MESSAGE = '未找到该会员卡，或该会员不在您管理的工会范围内';

export function memberNotFound(): AppFailure {
  return new AppFailure('NOT_FOUND', NOT_FOUND_MESSAGE);
}

/** Normalized card number, or INVALID_ARGUMENT (a format problem reveals nothing about members). */
export function cardNoOf(input: string): string {
  const cardNo = normalizeCardNo(input);
  if (!cardNo) throw new AppFailure('INVALID_ARGUMENT', '会员卡号格式不正确，应为 NB51 加 8 位数字');
  return cardNo;
}

async function readMember(ctx: UserContext, ref: { memberId?: string; cardNo?: string }): Promise<MemberDoc | null> {
  const coll = ctx.db.collection(C.members);
  if (ref.memberId) return ((await coll.doc(ref.memberId).get()).data[0] as MemberDoc | undefined) ?? null;
  const res = await coll
    .where({ cardNo: cardNoOf(ref.cardNo ?? '') })
    .limit(1)
    .get();
  return (res.data[0] as MemberDoc | undefined) ?? null;
}

function inScope(admin: Admin, member: MemberDoc | null): member is MemberDoc {
  if (!member) return false;
  try {
    assertInScope(admin, member.unionAncestors ?? []);
    return true;
  } catch (err) {
    if (err instanceof AppFailure && err.code === 'OUT_OF_SCOPE') return false;
    throw err;
  }
}

/**
 * The member named by id or card number, if it belongs to the admin's subtree; else NOT_FOUND.
 * By card number (typed by the admin) it is a budgeted, audited look-up for `action`.
 */
export async function findMemberInScope(
  ctx: UserContext,
  admin: Admin,
  ref: { memberId?: string; cardNo?: string },
  action: LookupAction,
): Promise<MemberDoc> {
  const typed = !ref.memberId && ref.cardNo !== undefined;
  if (typed) {
    cardNoOf(ref.cardNo ?? ''); // a format error reveals nothing and spends nothing
    await assertLookupBudget(ctx);
  }
  const member = await readMember(ctx, ref);
  const found = inScope(admin, member);
  if (typed) await recordLookup(ctx, { action, looked: 1, misses: found ? 0 : 1, byName: admin.user.nameMasked ?? '' });
  if (!found) throw memberNotFound();
  return member;
}
