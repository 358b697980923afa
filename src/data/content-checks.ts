/**
 * What the CMS preview checks the text being typed with (/admin/content-checks.json, read by
 * src/browser/cms/previews.ts): the language rules and the charity's own numbers, read as the
 * content gate reads them (`loadContentRules` of src/content/rules-file.ts, `ownNumbers` of
 * src/content/helplines.ts), so the editor warns about exactly what the build would.
 */
import { CONTENT_DIR, SETTINGS_FILE } from '../config';
import { ownNumbers } from '../content/helplines';
import { loadContentRules } from '../content/rules-file';
import type { ContentChecks } from '../lib/content-rules';

/** The rules, and the charity's own numbers, digits only. */
export function getContentChecks(): ContentChecks {
  return { rules: loadContentRules(), ownDials: [...ownNumbers(CONTENT_DIR, SETTINGS_FILE)] };
}
