// The floor: what Astro itself costs for the same news posts, so our build can be reported as a
// ratio to it measured in the same run on the same machine (issue 20). A bare Astro project, written
// to a temporary folder: one glob collection of content/news with our news schema, one page per post
// rendering <Content /> in a bare HTML layout, one index page, then Pagefind over the output. It
// uses Astro's defaults throughout (Markdown processor, no integrations, no content checks).
//
// The project's node_modules is linked into the folder, so it builds with the same Astro, Node and
// Pagefind as the site.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** A file's contents, as a module path Vite can import from outside the floor's folder. */
const source = (path: string) => JSON.stringify(join(ROOT, path));

const FILES = {
  'package.json': JSON.stringify({ name: 'astro-floor', private: true, type: 'module' }, null, 2),
  'astro.config.mjs': `import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.OUT_DIR,
  cacheDir: process.env.ASTRO_CACHE_DIR,
  vite: { cacheDir: process.env.VITE_CACHE_DIR },
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { readSiteLists } from ${source('src/content/site-lists.ts')};
import { newsSchema } from ${source('src/schemas/news.ts')};

const CONTENT_DIR = process.env.CONTENT_DIR ?? '';

export const collections = {
  news: defineCollection({
    loader: glob({ pattern: '**/[^_]*.md', base: \`\${CONTENT_DIR}/news\` }),
    schema: newsSchema(readSiteLists(CONTENT_DIR, 'settings/site.yaml')).schema,
  }),
};
`,
  'src/layouts/Bare.astro': `---
const { title } = Astro.props;
---
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width" />
    <title>{title}</title>
  </head>
  <body>
    <main data-pagefind-body>
      <slot />
    </main>
  </body>
</html>
`,
  'src/pages/index.astro': `---
import { getCollection } from 'astro:content';
import Bare from '../layouts/Bare.astro';

const posts = await getCollection('news');
---
<Bare title="News">
  <h1>News</h1>
  <ul>{posts.map((post) => <li><a href={\`/news/\${post.id}/\`}>{post.data.title}</a></li>)}</ul>
</Bare>
`,
  'src/pages/news/[slug].astro': `---
import { getCollection, render } from 'astro:content';
import Bare from '../../layouts/Bare.astro';

export async function getStaticPaths() {
  const posts = await getCollection('news');
  return posts.map((post) => ({ params: { slug: post.id }, props: { post } }));
}

const { post } = Astro.props;
const { Content } = await render(post);
---
<Bare title={post.data.title}>
  <h1>{post.data.title}</h1>
  <Content />
</Bare>
`,
};

/** Writes the floor project into `dir` and returns the folder to pass to `astro build --root`. */
export function writeFloorProject(dir: string): string {
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** One command of the floor's build: a name for the report, the program and its arguments. */
export interface FloorCommand {
  label: string;
  command: string;
  args: string[];
}

/** The floor's build: Astro's CLI, then Pagefind's CLI over the output (each run by this Node). */
export function floorCommands(dir: string, outDir: string): FloorCommand[] {
  return [
    {
      label: 'astro build',
      command: process.execPath,
      args: [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', dir],
    },
    {
      label: 'pagefind',
      command: process.execPath,
      args: [join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', outDir],
    },
  ];
}
