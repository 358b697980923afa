/**
 * Starts the CMS on /admin: loads the Decap bundle (copied from npm into public/admin/decap/),
 * then hands it the site's stylesheet and the preview templates. Bundled by Astro, so /admin
 * needs no inline script.
 */
import { registerPreviews, type DecapCms } from './previews';

type CmsWindow = Window & { CMS?: DecapCms; h?: Parameters<typeof registerPreviews>[1] };

/**
 * Loads the Decap bundle from `src` and registers the previews once it has run; the preview pane
 * gets `styleUrl` (the site's stylesheet).
 */
export function loadCms(src: string, styleUrl: string): void {
  const script = document.createElement('script');
  script.src = src;
  script.addEventListener('load', () => {
    const { CMS, h } = window as CmsWindow;
    if (CMS && h) registerPreviews(CMS, h, styleUrl);
  });
  script.addEventListener('error', () => {
    document.body.append('The content editor could not be loaded. Run `npm run build` and try again.');
  });
  document.head.append(script);
}
