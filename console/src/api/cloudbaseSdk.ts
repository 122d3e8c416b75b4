/**
 * @cloudbase/js-sdk with only the components the console uses — the app, auth and functions —
 * registered on the app the way the SDK's own entry registers all of them. The full entry also
 * bundles the database, storage, realtime, AI, models and MySQL clients: about twice the size.
 * Imported only by the CloudBase build (client.ts).
 */
import cloudbase from '@cloudbase/js-sdk/app';
import { registerAuth } from '@cloudbase/js-sdk/auth';
import { registerFunctions } from '@cloudbase/js-sdk/functions';
import type fullSdk from '@cloudbase/js-sdk';

registerAuth(cloudbase);
registerFunctions(cloudbase);

/** The same app object the full entry exports, with auth() and callFunction() registered. */
export const sdk = cloudbase as unknown as typeof fullSdk;
