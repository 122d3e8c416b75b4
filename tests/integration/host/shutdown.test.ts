import { connect } from 'node:net';
import { givenLocalCloud } from '../../scenarios/cloud';

// Ctrl-C on `npm start` must stop within start.ts's 5 s limit even when a browser's keep-alive
// connection had a request in flight: Node's server.close() alone leaves that socket open for the
// keep-alive timeout (5 s) after its response, and the forced exit then reports a failure.
it('closes promptly when a keep-alive request is in flight at shutdown', async () => {
  const t = await givenLocalCloud({ seed: false });
  const { hostname, port } = new URL(t.cloud.appUrl);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  socket.on('data', (d: Buffer) => (received += d.toString()));
  const socketClosed = new Promise<void>((resolve) => socket.once('close', () => resolve()));

  // Headers now, body later: the request is in flight when close() starts.
  const body = JSON.stringify({ action: 'homeSummary', data: {} });
  socket.write(
    `POST /api/functions/system HTTP/1.1\r\nHost: ${hostname}\r\nConnection: keep-alive\r\n` +
      `Content-Type: application/json\r\nx-local-persona: anonymous\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
  );
  await new Promise((r) => setTimeout(r, 50));
  const started = Date.now();
  const closing = t.close().then(() => Date.now() - started);
  await new Promise((r) => setTimeout(r, 50));
  socket.write(body);

  const closeMs = await closing;
  await socketClosed;
  // The request in flight was answered, not cut, and the server did not wait out the keep-alive.
  expect(received).toMatch(/^HTTP\/1\.1 200 /);
  expect(received).toContain('"ok":');
  expect(closeMs).toBeLessThan(4000);
});
