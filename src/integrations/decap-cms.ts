/**
 * Serves the content editor's code (Decap CMS) from this site, never from a CDN: the pinned npm
 * package's browser build goes to `/admin/decap/`. A production build copies it into the output
 * folder when Astro has written the pages; the dev server serves it straight from node_modules.
 */
import type { AstroIntegration } from 'astro';
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the editor page loads the bundle from (src/pages/admin/index.astro). */
export const DECAP_PATH = '/admin/decap';

/**
 * The package ships two builds: decap-cms.js (with its numbered chunks) is the one /admin loads;
 * cms.js and its chunks are for bundlers, so they stay behind, as do source maps (about half the
 * size in all).
 */
const UNUSED = /(^|[/\\])(\d+\.)?cms\.(js|css)(\.LICENSE\.txt)?$|\.map$/;

/** Whether a file of the package's `dist/` folder is part of the bundle the editor loads. */
export function isEditorFile(path: string): boolean {
  return !UNUSED.test(path);
}

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The package's browser build (its `dist/` folder), found the way Node finds the package. */
function decapDist(): string {
  const require = createRequire(import.meta.url);
  const dist = join(dirname(require.resolve('decap-cms/package.json')), 'dist');
  if (!existsSync(dist)) throw new Error(`Decap CMS has no browser build at ${dist}: run \`npm install\`.`);
  return dist;
}

/** Astro integration that puts Decap CMS's browser build at `/admin/decap/`. */
export function decapCms(): AstroIntegration {
  return {
    name: 'decap-cms',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const dist = decapDist();
        server.middlewares.use(DECAP_PATH, (req, res, next) => {
          const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'));
          const file = join(dist, path);
          if (!file.startsWith(dist + sep) || !isEditorFile(file) || !existsSync(file) || !statSync(file).isFile()) {
            next();
            return;
          }
          res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const to = fileURLToPath(new URL(`.${DECAP_PATH}/`, dir));
        cpSync(decapDist(), to, { recursive: true, filter: isEditorFile });
        logger.info(`copied the editor's code to ${DECAP_PATH}/`);
      },
    },
  };
}
