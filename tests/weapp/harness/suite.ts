/**
 * One weapp suite's life: a fresh seeded local cloud and the weapp booted against it before the
 * file's tests, both closed after them, and after every test no page error and no wx API the fake
 * does not know. `env` is set before the cloud starts (functions read template ids and secrets
 * from their environment) and removed at the end.
 */
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { bootWeapp, type Weapp } from './miniapp';

export interface WeappSuite {
  readonly mp: Weapp;
  readonly cloud: TestCloud;
}

export function weappSuite(opts: { env?: Record<string, string>; afterAll?: () => void } = {}): WeappSuite {
  let cloud: TestCloud | undefined;
  let mp: Weapp | undefined;
  beforeAll(async () => {
    for (const [k, v] of Object.entries(opts.env ?? {})) process.env[k] = v;
    cloud = await givenLocalCloud();
    mp = await bootWeapp(cloud.cloud.appUrl);
  });
  afterAll(async () => {
    opts.afterAll?.();
    await mp?.close();
    await cloud?.close();
    for (const k of Object.keys(opts.env ?? {})) delete process.env[k];
  });
  afterEach(() => {
    expect(mp!.errors).toEqual([]);
    expect(mp!.fake.unknown).toEqual([]);
  });
  return {
    get mp() {
      if (!mp) throw new Error('the weapp is not booted yet (use it inside a test)');
      return mp;
    },
    get cloud() {
      if (!cloud) throw new Error('the local cloud is not started yet (use it inside a test)');
      return cloud;
    },
  };
}
