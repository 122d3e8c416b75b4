/**
 * HTTP front of the engine, on node:http. The SDK POSTs JSON to `<serviceUrl>?env=…&seqId=…`
 * (node-sdk utils/tcbapiendpoint.ts); signature headers are ignored.
 *
 * Every engine answer, errors included, is sent with HTTP 200: the SDK turns non-200 statuses
 * into a generic error whose `code` is the HTTP status (utils/tcbapirequester.ts), whereas a
 * 200 body with a truthy `code` is thrown as TcbError { code, message, requestId }.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Engine } from './engine';
import type { DbQuota } from './quota';

export interface DbServerOptions {
  engine: Engine;
  /** 0 = random free port. */
  port?: number;
  host?: string;
  /** URL path served (default /admin). */
  path?: string;
  /**
   * The same endpoint carries the SDK's `callFunction` (`functions.invokeFunction`, node-sdk
   * functions/index.ts): given, it runs the function and answers its result; without it the
   * action is refused as the engine refuses any action it does not know.
   */
  invokeFunction?: FunctionInvoker;
  /** A quota profile's database limits (off when absent); refusals are answered before executing. */
  quota?: DbQuota;
}

/**
 * Runs function `name` with the JSON text the SDK sent; the function's result. `seqId` is the
 * calling request's sequence id (the caller's invocation id before its first '-'), so the host can
 * give the callee the context CloudBase gives it (the caller's source chain).
 */
export type FunctionInvoker = (name: string, requestData: string, seqId: string | undefined) => Promise<unknown>;

export interface DbServer {
  /** e.g. http://127.0.0.1:PORT/admin — use as tcb.init({ serviceUrl }). */
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 16 * 1024 * 1024;

function send(res: http.ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function startDbServer(opts: DbServerOptions): Promise<DbServer> {
  const { engine } = opts;
  const host = opts.host ?? '127.0.0.1';
  const basePath = opts.path ?? '/admin';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname !== basePath) return send(res, 404, { code: 'NOT_FOUND', message: `no route ${url.pathname}`, requestId: '' });
    if (req.method !== 'POST') return send(res, 405, { code: 'METHOD_NOT_ALLOWED', message: 'POST only', requestId: '' });
    const seq = url.searchParams.get('seqId') ?? '';
    const quota = opts.quota;
    if (quota) {
      const refused = quota.enter(seq);
      if (refused) {
        req.resume(); // drain the body; the socket stays usable for keep-alive
        return send(res, 200, refused);
      }
      res.once('close', () => quota.leave());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        send(res, 200, { code: 'INVALID_PARAM', message: 'request body too large', requestId: '' });
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (res.headersSent) return;
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return send(res, 200, { code: 'INVALID_PARAM', message: 'request body is not valid JSON', requestId: '' });
      }
      const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
      const seqId = url.searchParams.get('seqId') ?? undefined;
      if (b.action === 'functions.invokeFunction' && opts.invokeFunction) {
        // The SDK reads `data.response_data` (JSON text) from the answer.
        opts.invokeFunction(String(b.function_name ?? ''), String(b.request_data ?? ''), seqId).then(
          (result) => send(res, 200, { requestId: seqId ?? '', data: { response_data: JSON.stringify(result ?? null) } }),
          (e: unknown) => send(res, 200, { code: 'FUNCTIONS_EXECUTE_FAIL', message: (e as Error).message, requestId: seqId ?? '' }),
        );
        return;
      }
      const refused = quota?.admit(String(b.action ?? ''), seq);
      if (refused) return send(res, 200, refused);
      try {
        send(res, 200, engine.execute(String(b.action ?? ''), b, { seqId }));
      } catch (e) {
        // execute() never throws by contract; this is the last line of defence (no stack traces).
        send(res, 200, { code: 'DATABASE_REQUEST_FAILED', message: (e as Error).message, requestId: '' });
      }
    });
  });
  // The SDK keeps sockets alive (agentkeepalive, freeSocketTimeout 4.8 s); stay above that.
  server.keepAliveTimeout = 10_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: opts.port ?? 0, host, backlog: 4096 }, () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host}:${port}${basePath}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
