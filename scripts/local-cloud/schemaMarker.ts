/** The local cloud's schema marker: its database creates every index at start (db/storage.ts). */
import tcb from '@cloudbase/node-sdk';
import { writeSchemaMarker } from '../deploy/marker';

export async function markLocalSchema(dbUrl: string, now: number): Promise<void> {
  const app = tcb.init({ env: 'local', serviceUrl: dbUrl, secretId: 'local', secretKey: 'local' } as Parameters<typeof tcb.init>[0]);
  await writeSchemaMarker(app.database(), 'local-cloud', new Date(now));
}
