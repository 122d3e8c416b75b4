/**
 * Steps of the bulk import after the pure parse: resolve each row's union (exists, in scope,
 * a level members can belong to), hash the identifiers, split off numbers already on file.
 */
import type { ImportRow, RowError } from '../../../shared/member/importTemplate';
import { maskIdNumber, maskName, maskPhone } from '../../../shared/member/mask';
import { isInScope, MEMBER_UNION_LEVELS } from '../../../shared/union/tree';
import { C } from '../../_lib/collections';
import { hashIdNumber, hashName, hashPhone } from '../../_lib/personal';
import { AppFailure, type UserContext } from '../../_lib/router';
import type { MemberDoc, UnionDoc } from './docs';
import type { Admin } from '../../_lib/roles';

/** A row ready to be written: hashes and masks only; the plain values are gone. */
export type PreparedRow = Omit<MemberDoc, 'cardNo' | 'joinedAt' | 'createdBy' | 'importRequestId'> & { row: number };

const CHUNK = 100;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function unionsByCode(ctx: UserContext, codes: string[]): Promise<Map<string, UnionDoc>> {
  const map = new Map<string, UnionDoc>();
  for (const part of chunks([...new Set(codes)], 500)) {
    const res = await ctx.db
      .collection(C.unions)
      .where({ code: ctx.db.command.in(part) })
      .limit(part.length)
      .get();
    for (const u of res.data as UnionDoc[]) map.set(u.code, u);
  }
  return map;
}

/**
 * The union for rows that leave 所属工会编码 empty: the one chosen on the page (checked: in
 * scope, a level members can belong to), else the admin's own if members can belong to it.
 */
export async function blankRowsUnion(ctx: UserContext, admin: Admin, chosen: string | undefined): Promise<UnionDoc | null> {
  if (chosen) {
    const u = (await ctx.db.collection(C.unions).doc(chosen).get()).data[0] as UnionDoc | undefined;
    // Outside the subtree looks the same as not existing: nothing is learnt about other unions.
    if (!u || !isInScope(admin.unionIds, u.ancestors)) throw new AppFailure('OUT_OF_SCOPE', '所选工会不在您的管理范围内');
    if (!MEMBER_UNION_LEVELS.includes(u.level))
      throw new AppFailure('INVALID_ARGUMENT', '会员只能导入到基层工会或街道（乡镇）总工会，请重新选择');
    return u;
  }
  if (admin.unionIds.length !== 1) return null;
  const res = await ctx.db.collection(C.unions).doc(admin.unionIds[0]).get();
  const u = res.data[0] as UnionDoc | undefined;
  return u && MEMBER_UNION_LEVELS.includes(u.level) ? u : null;
}

export async function prepareRows(
  ctx: UserContext,
  admin: Admin,
  rows: ImportRow[],
  fallback: UnionDoc | null,
): Promise<{ prepared: PreparedRow[]; errors: RowError[] }> {
  const byCode = await unionsByCode(
    ctx,
    rows.map((r) => r.unionCode).filter((c): c is string => !!c),
  );
  const prepared: PreparedRow[] = [];
  const errors: RowError[] = [];
  for (const r of rows) {
    const union = r.unionCode ? byCode.get(r.unionCode) : fallback;
    let reason: string | null = null;
    if (!union) reason = r.unionCode ? '所属工会编码不存在' : '未填所属工会：请在页面上选择导入到哪个工会';
    else if (!isInScope(admin.unionIds, union.ancestors)) reason = '所属工会不在您的管理范围内';
    else if (!MEMBER_UNION_LEVELS.includes(union.level)) reason = '会员只能导入到基层工会或街道（乡镇）总工会';
    if (reason || !union) {
      errors.push({ row: r.row, reason: reason ?? '所属工会编码不存在' });
      continue;
    }
    prepared.push({
      row: r.row,
      _id: hashIdNumber(r.idNumber),
      status: 'active',
      nameMasked: maskName(r.realName),
      nameHash: hashName(r.realName),
      idMasked: maskIdNumber(r.idNumber),
      phoneMasked: r.phone ? maskPhone(r.phone) : null,
      phoneHash: r.phone ? hashPhone(r.phone) : null,
      employer: r.employer,
      unionId: union._id,
      unionAncestors: union.ancestors,
      tags: r.tags,
      source: 'import',
      openid: null,
    });
  }
  return { prepared, errors };
}

export type ExistingMember = Pick<MemberDoc, '_id' | 'cardNo' | 'unionId' | 'unionAncestors' | 'createdBy' | 'importRequestId'>;

/** The member records among `ids` (idHash) that exist, by id: only what the import needs to place them. */
export async function existingMembers(ctx: UserContext, ids: string[]): Promise<Map<string, ExistingMember>> {
  const found = new Map<string, ExistingMember>();
  for (const part of chunks(ids)) {
    const res = await ctx.db
      .collection(C.members)
      .where({ _id: ctx.db.command.in(part) })
      .field({ _id: true, cardNo: true, unionId: true, unionAncestors: true, createdBy: true, importRequestId: true })
      .limit(part.length)
      .get();
    for (const d of res.data as ExistingMember[]) found.set(d._id, d);
  }
  return found;
}

export { chunks };
