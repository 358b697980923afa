/**
 * Starts the CMS on /admin: loads the Decap bundle (from npm, at /admin/decap/: see
 * src/integrations/decap-cms.ts), then hands it the site's stylesheet and the preview templates.
 * Bundled by Astro, so /admin needs no inline script.
 */
import type { ContentChecks } from '../../lib/content-rules';
import type { Helpline } from '../../schemas/helplines';
import { chipsNow, cursorAfterNewChip } from './cursor-after-chip';
import { chooseHelpline } from './helpline-dialog';
import { remarkHelplineDirectives } from './helpline-directives';
import { helplineEditorComponent, type EditorComponent } from './helpline-editor';
import { registerPreviews, type CreateClass, type DecapCms } from './previews';

type CmsWindow = Window & {
  CMS?: DecapCms & {
    registerEditorComponent: (component: EditorComponent) => void;
    registerRemarkPlugin: (plugin: typeof remarkHelplineDirectives) => void;
  };
  h?: Parameters<typeof registerPreviews>[1];
  createClass?: CreateClass;
};

/** The helpline registry, built with the site (src/pages/admin/helplines.json.ts). */
async function fetchHelplines(): Promise<Helpline[]> {
  const response = await fetch('/admin/helplines.json');
  return response.ok ? ((await response.json()) as Helpline[]) : [];
}

/**
 * What the preview checks the text with, built with the site (src/pages/admin/content-checks.json.ts):
 * the language rules and the charity's own numbers; none if they cannot be read.
 */
async function fetchContentChecks(): Promise<ContentChecks> {
  const response = await fetch('/admin/content-checks.json');
  return response.ok ? ((await response.json()) as ContentChecks) : { rules: [], ownDials: [] };
}

/**
 * Loads the Decap bundle from `src` and registers the previews once it has run; the preview pane
 * gets `styleUrl` (the site's stylesheet).
 */
export function loadCms(src: string, styleUrl: string): void {
  const script = document.createElement('script');
  script.src = src;
  // Fetched while the bundle loads, so the Helpline button is there before an entry is opened.
  const helplines = fetchHelplines();
  const checks = fetchContentChecks();
  // The registry by id, filled in once it arrives: the preview's reading grade reads a helpline by
  // its name from it, and the preview's checks wait for it.
  const byId = new Map<string, Helpline>();
  const registry = helplines.then((fetched) => {
    for (const line of fetched) byId.set(line.id, line);
    return byId;
  });
  script.addEventListener('load', () => {
    const { CMS, h, createClass } = window as CmsWindow;
    if (!CMS || !h) return;
    registerPreviews(
      CMS,
      h,
      styleUrl,
      (id) => byId.get(id)?.name,
      createClass ? { createClass, checks, registry } : undefined,
    );
    // Directives typed as text are saved whole, never as `:helpline\[id]` (see the module).
    CMS.registerRemarkPlugin(remarkHelplineDirectives);
    // Registered at once, so an entry opened straight away still finds its directives; the
    // registry fills in as soon as it arrives (it is fetched while the bundle loads).
    const lines: Helpline[] = [];
    void helplines.then((fetched) => lines.push(...fetched));
    CMS.registerEditorComponent(
      helplineEditorComponent(
        () => lines,
        async (current) => {
          // A new chip (no `current`): the cursor goes back to the text just after it.
          const chips = current ? undefined : chipsNow();
          const chosen = await chooseHelpline(lines, current);
          if (chosen && chips) cursorAfterNewChip(chips);
          return chosen;
        },
        h,
      ),
    );
  });
  script.addEventListener('error', () => {
    document.body.append('The content editor could not be loaded. Run `npm run build` and try again.');
  });
  document.head.append(script);
}
