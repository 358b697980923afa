/**
 * A helpline written as `:helpline[id]` in a post reaches readers from the registry: a tap-to-call
 * and a tap-to-text link on the page (with NHS 111's "option 2" note), and the same links in the
 * post's RSS item. The post is chosen from the content, not named here, so editing posts keeps
 * the test meaningful.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/test';
import { XMLParser } from 'fast-xml-parser';
import { publishedPostFiles } from './support/news';
import { registryHelpline } from './support/site';

const CONTENT = process.env['CONTENT_DIR'] ?? 'content';
const WANTED = [
  ':helpline[samaritans]{show="phone"}',
  ':helpline[shout]{show="text"}',
  ':helpline[nhs-111]{show="phone"}',
];

/** The newest published post that writes all three directives. */
const post = publishedPostFiles().find((candidate) => {
  const source = readFileSync(join(CONTENT, 'news', `${candidate.slug}.md`), 'utf8');
  return WANTED.every((directive) => source.includes(directive));
});
const samaritans = registryHelpline('samaritans') as { phone: string };
const shout = registryHelpline('shout') as { textNumber: string; textKeyword: string };
const nhs111 = registryHelpline('nhs-111') as { note: string };
/** "Choose option 2 … (in England and Wales)." as it reads inside a sentence. */
const note = nhs111.note.replace(/^C/, 'c').replace(/\.$/, '');

test.use({ javaScriptEnabled: false });

test('a post has a published example of each directive', () => {
  expect(post, `a published post in ${CONTENT}/news/ using ${WANTED.join(', ')}`).toBeDefined();
});

test('the directive renders tap-to-call and tap-to-text links from the registry', async ({ page }) => {
  await page.goto(`/news/${post?.slug ?? ''}/`);
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: samaritans.phone, exact: true }).first()).toHaveAttribute(
    'href',
    `tel:${samaritans.phone.replace(/\s/g, '')}`,
  );
  await expect(
    main.getByRole('link', { name: `text ${shout.textKeyword} to ${shout.textNumber}`, exact: true }).first(),
  ).toHaveAttribute('href', `sms:${shout.textNumber}?body=${shout.textKeyword}`);
  await expect(main.getByText(note).first()).toBeVisible();
  // Nothing of the directive syntax is left for readers to see.
  await expect(main.getByText(':helpline[')).toHaveCount(0);
});

test('the post’s RSS item carries the same links', async ({ request }) => {
  const xml = await (await request.get('/rss.xml')).text();
  const items = (
    new XMLParser().parse(xml) as { rss: { channel: { item: { link: string; 'content:encoded': string }[] } } }
  ).rss.channel.item;
  const item = items.find((candidate) => candidate.link.endsWith(`/news/${post?.slug ?? ''}/`));
  expect(item, `RSS item for ${post?.slug ?? ''}`).toBeDefined();
  const html = item?.['content:encoded'] ?? '';
  expect(html).toContain(`href="tel:${samaritans.phone.replace(/\s/g, '')}"`);
  expect(html).toContain(`href="sms:${shout.textNumber}?body=${shout.textKeyword}"`);
  expect(html).toContain(note);
  expect(html).not.toContain(':helpline[');
});
