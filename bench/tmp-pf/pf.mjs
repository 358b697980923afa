import { createIndex, close } from 'pagefind';
import { performance } from 'node:perf_hooks';
const site = process.argv[2];
let t = performance.now();
const lap = (s) => { const n = performance.now(); console.log(s, (n - t).toFixed(0), 'ms'); t = n; };
const { index } = await createIndex({ rootSelector: 'main' }); lap('create');
const a = await index.addDirectory({ path: site, glob: process.env.GLOB }); lap('add ' + a.page_count);
await index.writeFiles({ outputPath: '/tmp/s/pf-out' }); lap('write');
await close();
