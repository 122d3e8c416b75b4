/**
 * Runs inside a worker thread: the engine and its HTTP server, so the database uses the second
 * core while the function host (SDK, signing, the app server) keeps the main thread. The main
 * thread shares the clock offset through a SharedArrayBuffer and asks for per-invocation
 * request counts by message.
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
}

type Request = { id: number; type: 'take'; invocationId: string } | { id: number; type: 'close' }

async function main(): Promise<void> {
  const init = workerData as Init
  const offset = new Float64Array(init.clockOffset)
  const engine = createEngine({ file: init.file, clock: () => Date.now() + offset[0], collections: init.collections })
  const server = await startDbServer({ engine, port: init.port, host: init.host })
  const port = parentPort!
  port.on('message', (msg: Request) => {
    if (msg.type === 'take') {
      port.postMessage({ id: msg.id, counts: engine.stats.take(msg.invocationId) })
      return
    }
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
