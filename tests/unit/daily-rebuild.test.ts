/**
 * The daily rebuild function against a local stand-in for Netlify's build hook: with
 * BUILD_HOOK_URL set it POSTs once; without it, it says why and makes no request.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import dailyRebuild, { config, requestRebuild } from '../../netlify/functions/daily-rebuild.mts';

let server: Server;
let hookUrl: string;
const requests: { method: string | undefined; url: string | undefined }[] = [];
let status = 200;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    requests.push({ method: req.method, url: req.url });
    res.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/build_hooks/abc123`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  requests.length = 0;
  status = 200;
  vi.unstubAllEnvs();
});

describe('the daily rebuild', () => {
  it('runs every day', () => {
    expect(config.schedule).toBe('@daily');
  });

  it('POSTs to the build hook once when BUILD_HOOK_URL is set', async () => {
    vi.stubEnv('BUILD_HOOK_URL', hookUrl);
    const response = await dailyRebuild();
    expect(response.status).toBe(202);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.url).toMatch(/^\/build_hooks\/abc123\?trigger_title=Daily/);
  });

  it('makes no request and logs why when BUILD_HOOK_URL is not set', async () => {
    vi.stubEnv('BUILD_HOOK_URL', '');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const response = await dailyRebuild();
    expect(response.status).toBe(200);
    expect(requests).toHaveLength(0);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('BUILD_HOOK_URL is not set'));
    log.mockRestore();
  });

  it('logs a refused request instead of throwing', async () => {
    status = 404;
    const messages: string[] = [];
    const out = { log: (m: string) => messages.push(m), error: (m: string) => messages.push(m) };
    expect(await requestRebuild(hookUrl, out)).toBe(false);
    expect(requests).toHaveLength(1);
    expect(messages).toEqual([expect.stringContaining('the build hook answered 404')]);
  });
});
