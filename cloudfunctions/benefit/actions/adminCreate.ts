/**
 * benefit.adminCreate: a union admin publishes a drop for their union or one below it.
 * Idempotent by request id (the drop id derives from it). Written in an order that never
 * exposes a half-made drop: seed → draw record → stock shards → the drop document last.
 */
import { createHash, randomBytes } from 'node:crypto';
import { fail, ok } from '../../../shared/envelope';
import { commitmentOf } from '../../../shared/benefit/draw';
import { defaultOpening } from '../../../shared/benefit/rules';
import type { AdminCreateRequest, AdminCreateResult } from '../../../shared/benefit/schemas';
import { normalizeTags } from '../../../shared/member/tags';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { assertInScope, requireAdmin } from '../../member/lib/roles';
import { asDate, isDuplicate, type DrawDoc, type DropDoc, type StockDoc } from '../lib/docs';
import { sha256Hex } from '../lib/keys';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** Stock per shard: one hot document handles a Friday storm; very large drops get more. */
const UNITS_PER_SHARD = 2000;
const MAX_SHARDS = 8;

export function shardCount(stock: number, mode: DropDoc['mode']): number {
  return mode === 'draw' ? 1 : Math.min(MAX_SHARDS, Math.max(1, Math.ceil(stock / UNITS_PER_SHARD)));
}

/** Split the stock over shards as evenly as possible. */
export function shardStock(stock: number, shards: number): number[] {
  return Array.from({ length: shards }, (_, i) => Math.floor(stock / shards) + (i < stock % shards ? 1 : 0));
}

async function addOnce(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (err) {
    if (!isDuplicate(err)) throw err;
  }
}

export const adminCreate = userAction<AdminCreateRequest, AdminCreateResult>('benefit.adminCreate', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const union = (await ctx.db.collection(C.unions).doc(input.unionId).get()).data[0] as { _id: string; name: string; ancestors: string[] } | undefined;
  if (!union) return fail('NOT_FOUND', '所选工会不存在');
  assertInScope(admin, union.ancestors);

  const now = ctx.now().getTime();
  const opensAt = input.opensAt ?? defaultOpening(now);
  const closesAt = input.closesAt ?? opensAt + DAY;
  const redeemBy = input.redeemBy ?? closesAt + 30 * DAY;
  const isDraw = input.mode === 'draw';
  const registerOpensAt = isDraw ? (input.registerOpensAt ?? now) : null;
  const registerClosesAt = isDraw ? (input.registerClosesAt ?? opensAt - HOUR) : null;
  const limit = input.perMemberLimit ?? 1;
  if (opensAt <= now) throw new AppFailure('DROP_TIMES_INVALID', '开抢时间必须晚于现在');
  if (closesAt <= opensAt || redeemBy < closesAt) throw new AppFailure('DROP_TIMES_INVALID');
  if (isDraw && (registerOpensAt === null || registerClosesAt === null || registerClosesAt <= registerOpensAt || registerClosesAt > opensAt - 60_000)) {
    throw new AppFailure('DROP_TIMES_INVALID', '报名须在抽签（开抢时间）前至少 1 分钟截止，且截止时间晚于开始时间');
  }
  if (isDraw && limit !== 1) throw new AppFailure('INVALID_ARGUMENT', '预约抽签每人限 1 份');

  const dropId = 'd' + createHash('sha256').update(`${ctx.openid}:${ctx.requestId}`).digest('hex').slice(0, 20);
  const existing = (await ctx.db.collection(C.drops).doc(dropId).get()).data[0] as DropDoc | undefined;
  if (existing) return ok({ dropId, opensAt: asDate(existing.opensAt).getTime(), seedHash: existing.seedHash });

  let seedHash: string | null = null;
  if (isDraw) {
    await addOnce(ctx.db.collection(C.dropSecrets).add({ _id: dropId, seed: randomBytes(32).toString('hex') }));
    const secret = (await ctx.db.collection(C.dropSecrets).doc(dropId).get()).data[0] as { seed: string };
    seedHash = commitmentOf(secret.seed, sha256Hex);
    const draw: DrawDoc = { _id: dropId, dropId, seedHash, seed: null, stock: input.stock, entrants: [], winners: [], drawnAt: null };
    await addOnce(ctx.db.collection(C.dropDraws).add(draw));
  }
  const shards = shardCount(input.stock, input.mode);
  const split = shardStock(input.stock, shards);
  for (let i = 0; i < shards; i++) {
    const stock: StockDoc = { _id: `${dropId}_s${i}`, dropId, shard: i, left: isDraw ? 0 : split[i], lastTakenAt: null };
    await addOnce(ctx.db.collection(C.dropStock).add(stock));
  }
  const drop: DropDoc = {
    _id: dropId,
    unionId: union._id,
    unionName: union.name,
    unionAncestors: union.ancestors,
    title: input.title.trim(),
    kind: input.kind,
    picture: input.picture ?? null,
    stock: input.stock,
    perMemberLimit: limit,
    mode: input.mode,
    requiredTags: normalizeTags(input.requiredTags ?? []),
    opensAt: new Date(opensAt),
    closesAt: new Date(closesAt),
    redeemBy: new Date(redeemBy),
    registerOpensAt: registerOpensAt === null ? null : new Date(registerOpensAt),
    registerClosesAt: registerClosesAt === null ? null : new Date(registerClosesAt),
    expiryPolicy: input.expiryPolicy ?? 'report',
    shards,
    seedHash,
    status: 'scheduled',
    createdBy: ctx.openid,
    createdAt: new Date(now),
    drawnAt: null,
    registrants: null,
    winners: null,
    noticeCursor: null,
    expiredAt: null,
  };
  await addOnce(ctx.db.collection(C.drops).add(drop));
  return ok({ dropId, opensAt, seedHash });
});
