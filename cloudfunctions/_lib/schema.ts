/**
 * Fail closed when the database lacks an index an invariant stands on. Four invariants are
 * unique indexes (collections.ts): one claim code per claim (`drop_claims.code_unique`), one card
 * number per member (`members.card_unique`), one hold per day-care registration
 * (`daycare_holds.registration_unique`), one union per code (`unions.code_unique`). Without the
 * index the code still runs and silently doubles. So the actions that rely on one call
 * `requireSchema` first: it reads `system_meta/schema` (written by `npm run deploy` after it has
 * verified every index, and by the local cloud after it has created them) once per instance, and
 * refuses with SCHEMA_NOT_READY and an error log line while the marker is missing or older than
 * this code's SCHEMA.version. Cost: one read per cold start; while refusing, one read per
 * RECHECK_MS per instance, so a deploy that fixes the database takes effect without a restart.
 */
import { createHash } from 'node:crypto';
import { C, COLLECTION_SPECS, SCHEMA, type CollectionSpec } from './collections';
import { AppFailure, type BaseContext } from './router';

export const SCHEMA_MARKER_ID = 'schema';
const RECHECK_MS = 30_000;

export interface SchemaMarker {
  version: number;
  fingerprint: string;
  verifiedAt: Date;
  by: 'deploy' | 'local-cloud';
}

/** A stable digest of the declared collections and indexes (order and all). */
export function schemaFingerprint(specs: CollectionSpec[] = COLLECTION_SPECS): string {
  return createHash('sha256').update(JSON.stringify(specs)).digest('hex').slice(0, 16);
}

let verified = false;
let lastRefusalCheck = 0;
let lastMarkerVersion: number | null = null;
/** The read in flight: a cold instance hit by a burst reads the marker once, not once per request. */
let reading: Promise<number | null> | null = null;

/** For tests of a single module instance: forget what this instance has seen. */
export function forgetSchemaCheck(): void {
  verified = false;
  lastRefusalCheck = 0;
  lastMarkerVersion = null;
  reading = null;
}

async function readMarkerVersion(ctx: BaseContext): Promise<number | null> {
  const res = await ctx.db.collection(C.meta).doc(SCHEMA_MARKER_ID).get();
  const doc = res.data[0] as Partial<SchemaMarker> | undefined;
  return typeof doc?.version === 'number' ? doc.version : null;
}

/** Throws SCHEMA_NOT_READY unless the database was verified for this code's indexes. */
export async function requireSchema(ctx: BaseContext, action: string): Promise<void> {
  if (verified) return;
  const now = Date.now();
  if (reading || now - lastRefusalCheck >= RECHECK_MS) {
    if (!reading) {
      lastRefusalCheck = now;
      reading = readMarkerVersion(ctx).finally(() => {
        reading = null;
      });
    }
    lastMarkerVersion = await reading;
    if (lastMarkerVersion !== null && lastMarkerVersion >= SCHEMA.version) {
      verified = true;
      return;
    }
  }
  ctx.log.error('schema not verified: refusing an action that relies on a unique index; run npm run deploy', {
    action,
    markerVersion: lastMarkerVersion,
    expectedVersion: SCHEMA.version,
  });
  throw new AppFailure('SCHEMA_NOT_READY');
}
