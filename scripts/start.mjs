// `npm start`: builds the whole site (pages and search index), then serves it for local editing:
// the Astro dev server on http://127.0.0.1:4321/ (search uses the index just built) and the CMS
// at http://127.0.0.1:4321/admin/ on its local backend (decap-server on 127.0.0.1:8081).
import { spawn, spawnSync } from 'node:child_process';
import { startCmsServer } from './cms-server.mjs';

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const port = Number(process.env.PORT ?? 4321);

console.log('Building the site and its search index…');
const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit', env });
if (build.status !== 0) {
  console.error('The build failed: fix the error above, then run `npm start` again.');
  process.exit(build.status ?? 1);
}

const cms = startCmsServer({ quiet: true });
const dev = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(port)], { stdio: 'inherit', env });

console.log(`\nSite:   http://127.0.0.1:${port}/`);
console.log(`Editor: http://127.0.0.1:${port}/admin/ (saves into content/; press Ctrl+C to stop)\n`);

const stop = () => {
  cms.kill('SIGTERM');
  dev.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
dev.on('exit', (code) => {
  cms.kill('SIGTERM');
  process.exit(code ?? 0);
});
