// A function instance (see functions.ts): loads the deployed bundles from dist/functions and
// runs `main(event, context)` for each message from the host. Plain CommonJS on purpose: the
// bundles are plain CommonJS too, and nothing here should pass through a TypeScript loader.
//
// host -> instance  { type: 'batch', messages: [{ type: 'invoke', id, name, event, context }…] }
// instance -> host  { type: 'ready', names } | { type: 'failed', message }
//                   { type: 'batch', messages: [{ type: 'result', id, result } | { type: 'crashed', id, message }…] }
//                   { type: 'console', method, text }
// host <-> instance  { type: 'ping' } -> { type: 'pong' }: after a timeout, is the thread alive?
// Both sides batch what they have to send in one turn of the event loop: a message wakes the
// other thread, and under a claim storm the wake costs more than the copy.
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

let outbox = [];
function flush() {
  const batch = outbox;
  outbox = [];
  try {
    parentPort.postMessage({ type: 'batch', messages: batch });
  } catch {
    for (const m of batch) {
      try {
        parentPort.postMessage(m);
      } catch (err) {
        parentPort.postMessage(crashed(m.id, err)); // a result that cannot be copied out
      }
    }
  }
}
function answer(m) {
  if (outbox.length === 0) setImmediate(flush);
  outbox.push(m);
}

function invoke(msg) {
  const main = mains.get(msg.name);
  Promise.resolve()
    .then(() => main(msg.event, msg.context))
    .then(
      (result) => answer({ type: 'result', id: msg.id, result }),
      (err) => answer(crashed(msg.id, err)),
    );
}

parentPort.on('message', (msg) => {
  if (msg.type === 'batch')
    for (const m of msg.messages)
      if (m.type === 'invoke') invoke(m);
      else if (msg.type === 'ping') parentPort.postMessage({ type: 'pong' }); // the host's watchdog
});

parentPort.postMessage({ type: 'ready', names: [...mains.keys()] });
