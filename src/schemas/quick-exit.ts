/**
 * The "Exit this page" switch, shared by A–Z topics, pages and news posts: one declaration, so
 * the three collections cannot drift apart in label, hint or default.
 */
import { boolean } from './fields';

/**
 * Show the "Exit this page" button on this entry: on for topics someone may need to hide in a
 * hurry from a person watching them (domestic abuse, sexual assault, LGBTQ+ people, children and
 * young people). The editor's words are in the hint.
 */
export const quickExitField = boolean({
  name: 'quickExit',
  label: "Show 'Exit this page'",
  hint: 'Turn on for pages someone may need to hide quickly, for example about domestic abuse, sexual assault, LGBTQ+ people or children. The page then shows a button that leaves this site at once for an everyday website.',
  default: false,
});
