/**
 * In `astro dev` (`npm start`), a save in the content editor changes a file in content/, and Astro
 * then tells every open page to reload: the content layer sends Vite's `full-reload` to all
 * browsers (astro/dist/content/vite-plugin-content-virtual-mod.js `invalidateDataStore`, and
 * vite-plugin-hmr-reload for other files). The editor's page would reload too and the editor lose
 * their place. Vite's own client cannot skip one page (vite/dist/client/client.mjs reloads every
 * page for a `full-reload` without an `.html` path), so in dev this integration sends those reloads
 * as a custom HMR event instead, and a small dev-only script reloads every page except the editor.
 * Production builds are untouched: nothing here runs outside `astro dev`.
 */
import type { AstroIntegration } from 'astro';

/** The custom HMR event that replaces Vite's full reload in dev. */
export const SITE_RELOAD_EVENT = 'site:full-reload';

/** Where the editor lives: pages under it do not reload when content changes. */
export const EDITOR_PATH = '/admin/';

/** What a page runs in dev: reload on the event, unless it is the editor (Vite's import.meta.hot API). */
const RELOAD_SCRIPT = `if (import.meta.hot && !location.pathname.startsWith(${JSON.stringify(EDITOR_PATH)})) {
  import.meta.hot.on(${JSON.stringify(SITE_RELOAD_EVENT)}, () => location.reload());
}`;

/** A message Vite sends to browsers (the first argument of `hot.send`). */
type HotPayload = { type?: string } | string;

/** Wraps a hot channel's `send` so a full reload goes out as {@link SITE_RELOAD_EVENT}. */
function redirectFullReloads(channel: { send: (...args: never[]) => void }): void {
  const send = channel.send.bind(channel) as (payload: unknown, data?: unknown) => void;
  channel.send = (payload: HotPayload, data?: unknown) => {
    if (typeof payload === 'object' && payload.type === 'full-reload') {
      send({ type: 'custom', event: SITE_RELOAD_EVENT, data: payload });
      return;
    }
    send(payload, data);
  };
}

/** Astro integration: in dev, content saves reload the site's pages but never the editor's. */
export function editorNoReload(): AstroIntegration {
  return {
    name: 'editor-no-reload',
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        if (command === 'dev') injectScript('page', RELOAD_SCRIPT);
      },
      'astro:server:setup': ({ server }) => {
        // Astro sends through both: the client environment's hot channel and the WebSocket server.
        redirectFullReloads(server.environments.client.hot);
        redirectFullReloads(server.ws);
      },
    },
  };
}
