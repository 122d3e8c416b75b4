/**
 * Runs inside a worker thread: the engine and its HTTP server, so the database has a core of its
 * own instead of queueing behind function code. The main thread shares the clock offset and the
 * per-invocation request counters (stats.ts CountSlots) through SharedArrayBuffers, so neither
 * needs a message per request.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { CollectionSpec } from './storage'
import { createEngine } from './engine'
import { startDbServer } from './server'

interface Init {
  file: string
  port: number
  host: string
  collections: CollectionSpec[]
  clockOffset: SharedArrayBuffer
  countSlots: SharedArrayBuffer
}

type Request = { id: number; type: 'close' }

async function main(): Promise<void> {
  const init = workerData as Init
  const offset = new Float64Array(init.clockOffset)
  const engine = createEngine({ file: init.file, clock: () => Date.now() + offset[0], collections: init.collections, countSlots: init.countSlots })
  const server = await startDbServer({ engine, port: init.port, host: init.host })
  const port = parentPort!
  port.on('message', (msg: Request) => {
    void server.close().then(() => {
      engine.close()
      port.postMessage({ id: msg.id, closed: true })
    })
  })
  port.postMessage({ ready: true, url: server.url, port: server.port })
}

main().catch((err: unknown) => {
  parentPort?.postMessage({ failed: err instanceof Error ? err.message : String(err) })
})
