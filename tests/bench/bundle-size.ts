import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, type Figure } from './figures';

/** Gzip size of the JS the browser must load before the first screen: entry scripts and modulepreloads. */
export function bundleSize(distDir = 'dist/client'): Figure[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) srcs.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) srcs.add(m[1]!);
  let bytes = 0;
  for (const s of srcs) bytes += gzipSync(readFileSync(join(distDir, s.replace(/^\//, '')))).length;
  return [figure('initial JS, gzip', bytes / 1024, 'kB', '<=', 200, `${srcs.size} files`)];
}
