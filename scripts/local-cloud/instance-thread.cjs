// A function instance (see functions.ts): loads the deployed bundles from dist/functions and
// runs `main(event, context)` for each message from the host. Plain CommonJS on purpose: the
// bundles are plain CommonJS too, and nothing here should pass through a TypeScript loader.
//
// host -> instance  { type: 'invoke', id, name, event, context }
// instance -> host  { type: 'ready', names } | { type: 'failed', message }
//                   { type: 'result', id, result } | { type: 'crashed', id, message }
//                   { type: 'console', method, text }
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { join } = require('node:path');
const { format } = require('node:util');

// Function logs go through the host's console, as they would through the platform's log
// collector, so whatever watches the host's console (a test, a terminal) sees them.
for (const method of ['log', 'info', 'warn', 'error', 'debug']) {
  console[method] = (...args) => parentPort.postMessage({ type: 'console', method, text: format(...args) });
}

const mains = new Map();
try {
  for (const name of workerData.names) {
    const mod = require(join(workerData.dir, name, 'index.js'));
    if (typeof mod.main !== 'function') throw new Error(`${name}/index.js does not export main`);
    mains.set(name, mod.main);
  }
} catch (err) {
  parentPort.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  throw err;
}

const crashed = (id, err) => ({ type: 'crashed', id, message: err instanceof Error ? err.message : String(err) });

parentPort.on('message', (msg) => {
  if (msg.type !== 'invoke') return;
  const main = mains.get(msg.name);
  Promise.resolve()
    .then(() => main(msg.event, msg.context))
    .then(
      (result) => {
        try {
          parentPort.postMessage({ type: 'result', id: msg.id, result });
        } catch (err) {
          parentPort.postMessage(crashed(msg.id, err)); // a result that cannot be copied out
        }
      },
      (err) => parentPort.postMessage(crashed(msg.id, err)),
    );
});

parentPort.postMessage({ type: 'ready', names: [...mains.keys()] });
