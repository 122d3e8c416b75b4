/**
 * Compile-time proof that the real @cloudbase/js-sdk has the shapes cloudbaseTransport.ts
 * relies on (and a test's stand-in implements): if an SDK upgrade changes `init`, `auth`,
 * `callFunction` or the sign-in calls incompatibly, `npm run typecheck` fails here.
 */
import type cloudbase from '@cloudbase/js-sdk';
import type { Sdk, SdkApp, SdkAuth } from './cloudbaseTransport';

export type RealSdkFits = [
  typeof cloudbase extends Sdk ? true : never,
  cloudbase.app.App extends SdkApp ? true : never,
  cloudbase.auth.App extends SdkAuth ? true : never,
];
export const REAL_SDK_FITS: RealSdkFits = [true, true, true];
