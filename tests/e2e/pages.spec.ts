/**
 * Our values, breadcrumbs, the contact page and its form, and the home page's paths.
 */
import { expect, test } from './support/test';
import { serviceFiles, slug, valueFiles } from './support/content';
import { siteSettings, sitemapPaths } from './support/site';

const settings = siteSettings() as ReturnType<typeof siteSettings> & {
  tagline: string;
  towns: string[];
  address: string;
  openingHours: { days: string; hours: string }[];
};
const values = valueFiles().sort((a, b) => a.order - b.order);

test.use({ javaScriptEnabled: false });

test('our values lists all the values in order, each leading to its own page with breadcrumbs', async ({ page }) => {
  await page.goto('/about/our-values/');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem')).toHaveText([
    'Home',
    'About us',
    'Our values',
  ]);
  const list = page.getByRole('main').getByRole('listitem');
  await expect(list.getByRole('heading', { level: 2 })).toHaveText(values.map((v) => v.title));
  for (const value of values) await expect(list.getByText(value.summary)).toBeVisible();

  const value = values.at(-1);
  if (!value) throw new Error('no values');
  await list.getByRole('link', { name: value.title }).click();
  await expect(page).toHaveURL(`/about/our-values/${value.slug}/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(value.title);
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('listitem')).toHaveText(['Home', 'About us', 'Our values', value.title]);
  await expect(crumbs.getByRole('listitem').last()).toHaveAttribute('aria-current', 'page');
  await crumbs.getByRole('link', { name: 'About us' }).click();
  await expect(page).toHaveURL('/about/');
});

test('the contact page gives every way to reach us, from the settings', async ({ page }) => {
  await page.goto('/contact/');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(main.getByRole('link', { name: settings.phone })).toHaveAttribute(
    'href',
    `tel:${settings.phone.replace(/\s/g, '')}`,
  );
  await expect(main.getByRole('link', { name: settings.email })).toHaveAttribute('href', `mailto:${settings.email}`);
  for (const line of settings.address.split('\n')) await expect(main.locator('address')).toContainText(line);
  for (const row of settings.openingHours) {
    await expect(main.getByText(row.days, { exact: true })).toBeVisible();
    await expect(main.getByText(row.hours, { exact: true })).toBeVisible();
  }
});

test('the contact form is a plain Netlify form with labelled fields, a honeypot and a thank-you page', async ({
  page,
}) => {
  await page.goto('/contact/');
  const form = page.getByRole('form', { name: 'Send us a message' });
  await expect(form).toHaveAttribute('method', 'post');
  await expect(form).toHaveAttribute('action', '/contact/thank-you/');
  await expect(form).toHaveAttribute('data-netlify', 'true');
  await expect(form).toHaveAttribute('netlify-honeypot', 'bot-field');
  await expect(form.locator('input[type="hidden"][name="form-name"]')).toHaveValue('contact');
  // The honeypot is in the form for bots but hidden from people, screen readers included.
  await expect(form.locator('input[name="bot-field"]')).toBeHidden();
  await expect(form.getByLabel('Your name')).toHaveAttribute('name', 'name');
  await expect(form.getByLabel('Email address (optional)')).toHaveAttribute('type', 'email');
  await expect(form.getByLabel('Your message')).toHaveAttribute('required', '');
  await expect(form.getByRole('button', { name: 'Send message' })).toBeVisible();

  const section = page.getByRole('region', { name: 'Send us a message' });
  await expect(section.getByText('This form is not for emergencies')).toBeVisible();
  await expect(section.getByRole('link', { name: 'urgent help page' })).toHaveAttribute('href', '/urgent-help/');
  await expect(section.getByRole('link', { name: 'Our privacy notice' })).toHaveAttribute('href', '/privacy/');

  await page.goto('/contact/thank-you/');
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you for your message' })).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  expect(sitemapPaths()).not.toContain('/contact/thank-you/');
});

test('the home page says who we are and gives a clear path to each part of the site', async ({ page }) => {
  await page.goto('/');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: settings.charityName })).toBeVisible();
  await expect(main.getByText(settings.tagline)).toBeVisible();

  const paths: [name: RegExp | string, href: string][] = [
    [/^Get urgent help/, '/urgent-help/'],
    ['Find a group or service', '/services/'],
    ['Look something up in the A–Z', '/a-z/'],
    ['Read about our values', '/about/our-values/'],
    ['Donate, fundraise or volunteer', '/support-us/'],
  ];
  for (const [name, href] of paths) await expect(main.getByRole('link', { name })).toHaveAttribute('href', href);

  const towns = settings.towns.filter((town) => serviceFiles().some((s) => s.town === town && s.active));
  for (const town of towns) {
    await expect(main.getByRole('link', { name: town, exact: true })).toHaveAttribute(
      'href',
      `/services/area/${slug(town)}/`,
    );
  }
  for (const value of values) {
    await expect(main.getByRole('link', { name: value.title, exact: true })).toHaveAttribute(
      'href',
      `/about/our-values/${value.slug}/`,
    );
  }
  await main.getByRole('link', { name: 'Find a group or service' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Find support' })).toBeVisible();
});
