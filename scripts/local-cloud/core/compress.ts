/**
 * Compressed static files for the H5 app: the app's JavaScript is ~480 KB and a phone on a
 * slow network should not download it raw. Brotli when the browser accepts it, else gzip;
 * each file is compressed once per build (cached by path, size and mtime) so requests after
 * the first cost nothing.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.json', '.svg', '.txt', '.map']);
/** Below this, compressing saves less than the headers cost. */
const MIN_BYTES = 1024;

const cache = new Map<string, Buffer>();

/** The encoding to answer with, from the request's Accept-Encoding (q=0 means "not this one"). */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

/** The file's bytes in `encoding`, or null when it is not worth compressing. */
export function compressedFile(file: string, encoding: Encoding): Buffer | null {
  if (!COMPRESSIBLE.has(extname(file))) return null;
  const st = statSync(file);
  if (st.size < MIN_BYTES) return null;
  const key = `${encoding}:${file}:${st.size}:${st.mtimeMs}`;
  let out = cache.get(key);
  if (!out) {
    const raw = readFileSync(file);
    out =
      encoding === 'br'
        ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : gzipSync(raw, { level: 9 });
    cache.set(key, out);
  }
  return out;
}
