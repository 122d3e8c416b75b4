/** The H5 server compresses its JavaScript and CSS (brotli, else gzip), and serves raw bytes otherwise. */
import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startLocalCloud, type LocalCloud } from '../../../scripts/local-cloud';

let cloud: LocalCloud;
let dataDir: string;
let staticDir: string;
// Like a bundle: long and repetitive, so it compresses well.
const JS = Array.from({ length: 4000 }, (_, i) => `export const value${i} = "甬工惠 ${i % 17}";\n`).join('');

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'union-gz-'));
  staticDir = mkdtempSync(join(tmpdir(), 'union-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(staticDir, 'app.js'), JS);
  writeFileSync(join(staticDir, 'logo.png'), Buffer.alloc(4096, 7));
  cloud = await startLocalCloud({ dataDir, port: 0, dbPort: 0, staticDir, seed: false, runTimers: false });
});
afterAll(async () => {
  await cloud.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(staticDir, { recursive: true, force: true });
});

function get(path: string, acceptEncoding?: string): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(cloud.appUrl + path, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

it('brotli when accepted, a fraction of the size, and the same bytes once decoded', async () => {
  const res = await get('/app.js', 'gzip, deflate, br');
  expect(res.headers['content-encoding']).toBe('br');
  expect(res.headers.vary).toBe('accept-encoding');
  expect(res.body.length).toBeLessThan(Buffer.byteLength(JS) / 5);
  expect(brotliDecompressSync(res.body).toString()).toBe(JS);
});

it('gzip for a browser without brotli (or one that refuses it with q=0)', async () => {
  for (const accept of ['gzip', 'br;q=0, gzip']) {
    const res = await get('/app.js', accept);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).toString()).toBe(JS);
  }
});

it('raw bytes without Accept-Encoding, and images are never recompressed', async () => {
  const raw = await get('/app.js');
  expect(raw.headers['content-encoding']).toBeUndefined();
  expect(raw.body.toString()).toBe(JS);
  const png = await get('/logo.png', 'br');
  expect(png.headers['content-encoding']).toBeUndefined();
  expect(png.body.length).toBe(4096);
});
