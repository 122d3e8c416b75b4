/**
 * The documents of a new drop (drop, stock shards, and for a draw the secret seed and the
 * public draw record with its commitment). Used by benefit.adminCreate and the demo seed.
 */
import { randomBytes } from 'node:crypto';
import { commitmentOf } from '../../../shared/benefit/draw';
import { normalizeTags, type MemberTag } from '../../../shared/member/tags';
import type { DropKind, DropMode, ExpiryPolicy } from '../../../shared/benefit/schemas';
import { venueInfo, type VenueInfo } from '../../../shared/venue/schemas';
import type { DrawDoc, DropDoc, StockDoc } from './docs';
import { sha256Hex } from './keys';

/** Stock per shard: one hot document handles a Friday storm; very large drops get more. */
const UNITS_PER_SHARD = 2000;
const MAX_SHARDS = 8;

export function shardCount(stock: number, mode: DropMode): number {
  return mode === 'draw' ? 1 : Math.min(MAX_SHARDS, Math.max(1, Math.ceil(stock / UNITS_PER_SHARD)));
}

/** Split the stock over shards as evenly as possible. */
export function shardStock(stock: number, shards: number): number[] {
  return Array.from({ length: shards }, (_, i) => Math.floor(stock / shards) + (i < stock % shards ? 1 : 0));
}

export interface NewDropInput {
  dropId: string;
  union: { _id: string; name: string; ancestors: string[] };
  title: string;
  kind: DropKind;
  picture: string | null;
  stock: number;
  perMemberLimit: number;
  mode: DropMode;
  requiredTags: readonly string[];
  opensAt: number;
  closesAt: number;
  redeemBy: number;
  registerOpensAt: number | null;
  registerClosesAt: number | null;
  expiryPolicy: ExpiryPolicy;
  venue?: VenueInfo | null;
  createdBy: string;
  now: number;
  /** An existing seed (a retried create keeps the first one). */
  seed?: string;
}

export interface NewDropDocs {
  drop: DropDoc;
  stock: StockDoc[];
  secret: { _id: string; seed: string } | null;
  draw: DrawDoc | null;
}

export function newSeed(): string {
  return randomBytes(32).toString('hex');
}

export function newDropDocs(i: NewDropInput): NewDropDocs {
  const isDraw = i.mode === 'draw';
  const seed = isDraw ? (i.seed ?? newSeed()) : null;
  const seedHash = seed ? commitmentOf(seed, sha256Hex) : null;
  const shards = shardCount(i.stock, i.mode);
  const split = shardStock(i.stock, shards);
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  return {
    secret: seed ? { _id: i.dropId, seed } : null,
    draw: seedHash
      ? { _id: i.dropId, dropId: i.dropId, seedHash, seed: null, stock: i.stock, entrants: [], winners: [], drawnAt: null }
      : null,
    stock: split.map((left, s) => ({ _id: `${i.dropId}_s${s}`, dropId: i.dropId, shard: s, left: isDraw ? 0 : left, lastTakenAt: null })),
    drop: {
      _id: i.dropId,
      unionId: i.union._id,
      unionName: i.union.name,
      unionAncestors: i.union.ancestors,
      title: i.title.trim(),
      kind: i.kind,
      picture: i.picture,
      stock: i.stock,
      perMemberLimit: i.perMemberLimit,
      mode: i.mode,
      requiredTags: normalizeTags(i.requiredTags) as MemberTag[],
      opensAt: new Date(i.opensAt),
      closesAt: new Date(i.closesAt),
      redeemBy: new Date(i.redeemBy),
      registerOpensAt: date(i.registerOpensAt),
      registerClosesAt: date(i.registerClosesAt),
      expiryPolicy: i.expiryPolicy,
      venue: i.venue ? venueInfo(i.venue) : null,
      shards,
      seedHash,
      status: 'scheduled',
      createdBy: i.createdBy,
      createdAt: new Date(i.now),
      drawnAt: null,
      registrants: null,
      winners: null,
      noticeCursor: null,
      expiredAt: null,
    },
  };
}
