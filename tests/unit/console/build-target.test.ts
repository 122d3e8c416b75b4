/**
 * The console's transport is chosen when it is built (scripts/build-console.ts): local by
 * default, CloudBase only with an environment id, anything else refused with a Chinese message
 * before a bundle is written.
 */
import { consoleTargetFrom } from '../../../scripts/build-console';

it('builds for the local cloud unless told otherwise', () => {
  expect(consoleTargetFrom({})).toEqual({ target: 'local', envId: '' });
  expect(consoleTargetFrom({ CONSOLE_TARGET: 'local', TCB_ENV_ID: 'union-prod-1a2b' })).toEqual({ target: 'local', envId: '' });
});

it('a CloudBase build takes the environment id the deploy uses', () => {
  expect(consoleTargetFrom({ CONSOLE_TARGET: 'cloudbase', TCB_ENV_ID: 'union-prod-1a2b' })).toEqual({
    target: 'cloudbase',
    envId: 'union-prod-1a2b',
  });
});

it('refuses a CloudBase build without a usable environment id, and an unknown target', () => {
  expect(() => consoleTargetFrom({ CONSOLE_TARGET: 'cloudbase' })).toThrow('CONSOLE_TARGET=cloudbase 需要 TCB_ENV_ID（云开发环境 ID）');
  expect(() => consoleTargetFrom({ CONSOLE_TARGET: 'cloudbase', TCB_ENV_ID: 'a"; alert(1); "' })).toThrow('需要 TCB_ENV_ID');
  expect(() => consoleTargetFrom({ CONSOLE_TARGET: 'weapp' })).toThrow('CONSOLE_TARGET 只能是 local 或 cloudbase（现在是 weapp）');
});
