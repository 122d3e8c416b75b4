/**
 * The schema marker (`system_meta/schema`, cloudfunctions/_lib/schema.ts): written only by
 * something that knows every collection and index of this code exists — the deploy after its
 * verification, the local cloud after its database created them.
 */
import { C, SCHEMA } from '../../cloudfunctions/_lib/collections';
import { SCHEMA_MARKER_ID, schemaFingerprint, type SchemaMarker } from '../../cloudfunctions/_lib/schema';
import type { Db } from '../ops/cloud';

export async function writeSchemaMarker(db: Db, by: SchemaMarker['by'], now: Date): Promise<SchemaMarker> {
  const marker: SchemaMarker = { version: SCHEMA.version, fingerprint: schemaFingerprint(), verifiedAt: now, by };
  await db.collection(C.meta).doc(SCHEMA_MARKER_ID).set(marker);
  return marker;
}
