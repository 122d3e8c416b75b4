/**
 * Mount point for the H5 local-demo tools (the persona switcher). The `require` sits behind a
 * build-time constant, so webpack drops it — and the whole local/ folder — from the weapp build;
 * scripts/weapp-size.ts greps dist/weapp to prove it.
 */
import type { ComponentType } from 'react';

const PersonaSwitcher: ComponentType | null =
  process.env.TARO_ENV === 'h5' ? (require('../local/PersonaSwitcher') as typeof import('../local/PersonaSwitcher')).default : null;

export default function LocalTools() {
  return PersonaSwitcher ? <PersonaSwitcher /> : null;
}
