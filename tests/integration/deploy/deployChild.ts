/**
 * Runs runDeploy in a process of its own for deploy.test.ts: Node reads NODE_TLS_REJECT_UNAUTHORIZED
 * from the real process environment (jest gives a test a copy), and only this short-lived process
 * should trust the stand-in's self-signed certificate.
 *   tsx deployChild.ts '{"proxy":"http://…","markerDbUrl":"http://…/admin","functions":["system"]}'
 */
import CloudBase from '@cloudbase/manager-node';
import { FUNCTIONS_OUT } from '../../../scripts/build-functions';
import type { DatabaseApi } from '../../../scripts/deploy/database';
import { credentialsOf } from '../../../scripts/deploy/environment';
import type { FunctionsApi } from '../../../scripts/deploy/functions';
import { runDeploy } from '../../../scripts/deploy/run';
import { connect, consoleIo } from '../../../scripts/ops/cloud';

const cfg = JSON.parse(process.argv[2]) as { proxy: string; markerDbUrl: string; functions: string[] };

runDeploy({
  env: process.env,
  io: consoleIo,
  functionNames: cfg.functions,
  functionsOut: FUNCTIONS_OUT,
  connect: () => {
    const c = credentialsOf(process.env);
    const manager = new CloudBase({ envId: c.envId, secretId: c.secretId, secretKey: c.secretKey, proxy: cfg.proxy });
    const marker = connect(cfg.markerDbUrl, {});
    if (!marker.ok) throw new Error(marker.reason);
    return {
      database: manager.database as unknown as DatabaseApi,
      functions: manager.functions as unknown as FunctionsApi,
      markerDb: marker.db,
    };
  },
}).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`部署失败：${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
