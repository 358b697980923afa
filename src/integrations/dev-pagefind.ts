/**
 * In `astro dev`, serves the search index from the last production build (dist/pagefind), so
 * search works while editing locally. Production builds write the index themselves.
 */
import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** Astro integration that serves `/pagefind/*` from `dist/pagefind` in the dev server. */
export function devPagefind(indexDir = resolve('dist/pagefind')): AstroIntegration {
  return {
    name: 'dev-pagefind',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use('/pagefind', (req, res, next) => {
          const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'));
          const file = join(indexDir, path);
          if (!file.startsWith(indexDir) || !existsSync(file) || !statSync(file).isFile()) {
            next();
            return;
          }
          res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
          createReadStream(file).pipe(res);
        });
      },
    },
  };
}
