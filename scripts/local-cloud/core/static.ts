/**
 * Serves a built web app (the H5 build, the 工会工作台) from a folder: unknown paths fall back to
 * index.html (client-side routing), paths that climb out of the folder are answered with
 * index.html too, and text files go out brotli- (else gzip-) compressed when the browser accepts
 * it (./compress.ts). `missing` is the plain-text answer (503) while the folder has no build.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { compressedFile, pickEncoding } from './compress';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function serveStatic(staticDir: string | null, req: IncomingMessage, urlPath: string, res: ServerResponse, missing: string): void {
  if (!staticDir || !existsSync(join(staticDir, 'index.html'))) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(missing);
    return;
  }
  let rel: string;
  try {
    rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  } catch {
    rel = '';
  }
  let file = join(staticDir, rel);
  if (!file.startsWith(staticDir + sep) && file !== staticDir) file = join(staticDir, 'index.html');
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticDir, 'index.html');
  const isHtml = extname(file) === '.html';
  const headers = {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'cache-control': isHtml ? 'no-cache' : 'public, max-age=300',
    vary: 'accept-encoding',
  };
  const encoding = pickEncoding(req.headers['accept-encoding']);
  const body = encoding ? compressedFile(file, encoding) : null;
  if (encoding && body) {
    res.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
}
