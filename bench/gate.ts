// `node bench/gate.ts [--news 1000] [--root .]`: the content gate alone, in one process, on the
// benchmark's generated content: the CPU time of checking every news post and A–Z topic (safe
// language rules, reading grade, helpline checks), without Astro. Steadier than a whole build on a
// shared machine, so a change to the gate can be measured on its own. Prints the CPU seconds and
// a digest of every verdict: two versions of the gate that agree give the same digest.
//
// The gate is TypeScript with extensionless imports (as Astro's Vite loads it), so it is bundled
// with esbuild (its packages left as imports) into a file under `<root>/node_modules/.bench/`.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateContent } from './generate.ts';

const { values: args } = parseArgs({
  options: { news: { type: 'string', default: '1000' }, root: { type: 'string', default: '.' } },
});
const root = resolve(args.root);
const work = mkdtempSync(join(tmpdir(), 'bench-gate-'));
const content = join(work, 'content');
generateContent(content, { news: Number(args.news), az: 300, services: 50 });

const entry = `
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { markdownGate } from './src/content/content-gate';
import { readSiteLists } from './src/content/site-lists';
import { COLLECTIONS } from './src/schemas/collections';
export async function run(contentDir) {
  const lists = readSiteLists(contentDir, 'settings/site.yaml');
  const folders = ['news', 'a-z'].map((name) => {
    const gate = markdownGate(name, COLLECTIONS.find((c) => c.name === name).schema(lists), contentDir);
    const files = readdirSync(join(contentDir, name)).filter((f) => f.endsWith('.md')).sort();
    return { gate, files: files.map((f) => join(contentDir, name, f)) };
  });
  const verdicts = [];
  const started = process.cpuUsage();
  for (const { gate, files } of folders) for (const file of files) verdicts.push(await gate.check(file));
  const used = process.cpuUsage(started);
  return {
    files: verdicts.length,
    cpu: (used.user + used.system) / 1e6,
    digest: createHash('sha256').update(JSON.stringify(verdicts)).digest('hex').slice(0, 16),
  };
}`;
const outDir = join(root, 'node_modules/.bench');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, 'gate.mjs');
await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile,
  logLevel: 'error',
});
try {
  // The bundle's one export, as the entry above writes it.
  const { run } = (await import(pathToFileURL(outfile).href)) as {
    run: (dir: string) => Promise<{ files: number; cpu: number; digest: string }>;
  };
  const result = await run(content);
  console.log(`content gate: ${result.files} files in ${result.cpu.toFixed(2)} s CPU; verdicts ${result.digest}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
