// Starts decap-server, the CMS's local backend, bound to 127.0.0.1 only. It writes edits made at
// /admin straight into the files under GIT_REPO_DIRECTORY (this folder by default).
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** How to start decap-server. */
export interface CmsServerOptions {
  /** Port on 127.0.0.1 (8081, where the editor looks by default). */
  port?: number;
  /** The folder whose content/ the editor saves into. */
  repoDir?: string;
  /** Only warnings in the output, and none of its output in the terminal. */
  quiet?: boolean;
  /** In its own process group, so a caller can stop it and anything it starts with one signal to the group. */
  detached?: boolean;
}

/** Starts decap-server and returns the child process. */
export function startCmsServer({
  port = 8081,
  repoDir = process.cwd(),
  quiet = false,
  detached = false,
}: CmsServerOptions = {}): ChildProcess {
  const entry = require.resolve('decap-server/dist/index.js');
  return spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      PORT: String(port),
      BIND_HOST: '127.0.0.1',
      MODE: 'fs',
      GIT_REPO_DIRECTORY: repoDir,
      LOG_LEVEL: quiet ? 'warn' : 'info',
    },
    stdio: quiet ? 'ignore' : 'inherit',
    detached,
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const child = startCmsServer({
    port: Number(process.env['PORT'] ?? 8081),
    // Tests point the server at a temporary copy of the content instead of this folder.
    repoDir: process.env['GIT_REPO_DIRECTORY'] ?? process.cwd(),
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}
