/** General pages (content/pages/). */
import { defineSchema, relation, text } from './fields';
import { quickExitField } from './quick-exit';

/** Fields of a page. */
export const pagesSchema = defineSchema([
  text({ name: 'title', label: 'Title', hint: 'The main heading of the page.', required: true, max: 80 }),
  text({
    name: 'description',
    label: 'Description',
    hint: 'One sentence for search results and link previews, up to 160 characters.',
    required: true,
    max: 160,
  }),
  relation({
    name: 'parent',
    label: 'Parent page',
    hint: 'The page this one sits under, for breadcrumbs and the web address. Optional.',
    collection: 'pages',
    multiple: false,
  }),
  quickExitField,
]);
