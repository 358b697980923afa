/**
 * A tiny static file server for a built site folder, as a static host would serve it:
 * `/path/` → `path/index.html`, unknown paths → `404.html` with status 404, text gzipped. Used by the search
 * tests and the search benchmark, which serve builds other than the main one.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';
import { contentType } from './mime.ts';

/** Text files that hosts such as Netlify compress on the way out (Pagefind's index files are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.xml', '.svg', '.txt']);

/** A running server and how to reach and stop it. */
export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves `root` on 127.0.0.1 at a free port.
 * @param root The built site folder.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    let file = join(root, path);
    if (!file.startsWith(root)) file = join(root, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file) && statSync(file).isFile();
    if (!found) file = join(root, '404.html');
    res.statusCode = found ? 200 : 404;
    if (!found && !existsSync(file)) {
      res.end('Not found');
      return;
    }
    res.setHeader('Content-Type', contentType(file));
    if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
      res.setHeader('Content-Encoding', 'gzip');
      createReadStream(file).pipe(createGzip()).pipe(res);
      return;
    }
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
