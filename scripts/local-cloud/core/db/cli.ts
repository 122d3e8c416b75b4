/**
 * Standalone database server: `node --import tsx scripts/local-cloud/core/db/cli.ts --file data/db.sqlite
 * [--port 0] [--host 127.0.0.1] [--collections '<CollectionSpec[] JSON>']`.
 * Prints one JSON line `{"port":…,"url":…,"file":…}` on stdout once listening.
 */
import { parseArgs } from 'node:util';
import { createEngine, type CollectionSpec } from './engine';
import { startDbServer } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string', default: '.local-cloud/db.sqlite' },
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      collections: { type: 'string' },
    },
  });
  const collections = values.collections ? (JSON.parse(values.collections) as CollectionSpec[]) : [];
  const engine = createEngine({ file: values.file as string, collections });
  const server = await startDbServer({ engine, port: Number(values.port), host: values.host });
  process.stdout.write(`${JSON.stringify({ port: server.port, url: server.url, file: values.file })}\n`);
  const stop = () => {
    void server.close().then(() => {
      engine.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
