/**
 * Finding support: the finder's filters work as plain links with JavaScript off and filter in place
 * with it on; area and service pages show what a person needs to get there; inactive services are
 * published nowhere.
 */
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { serviceFiles, slug, type ServiceFile } from './support/content';
import { siteSettings, sitemapPaths } from './support/site';

const settings = siteSettings() as ReturnType<typeof siteSettings> & { towns: string[] };
const all = serviceFiles();
const active = all.filter((s) => s.active);
const inactive = all.filter((s) => !s.active);

/** The service names listed in the main content, in page order. */
async function listedServices(page: Page): Promise<string[]> {
  return page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading') })
    .getByRole('heading')
    .allInnerTexts();
}

/** Names of the services a filter should show. */
function namesWhere(match: (s: ServiceFile) => boolean): string[] {
  return active
    .filter(match)
    .map((s) => s.title)
    .sort();
}

const filters = (page: Page) => page.getByRole('navigation', { name: 'Filter services' });

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the finder lists every active service under its town, towns in settings order', async ({ page }) => {
    await page.goto('/services/');
    await expect(page.getByRole('heading', { level: 1, name: 'Find support' })).toBeVisible();
    expect((await listedServices(page)).sort()).toEqual(namesWhere(() => true));
    const townsWithServices = settings.towns.filter((town) => active.some((s) => s.town === town));
    const townHeadings = page.getByRole('main').getByRole('region').getByRole('heading', { level: 2 });
    await expect(townHeadings).toHaveText(townsWithServices);
    for (const town of townsWithServices) {
      const section = page.getByRole('region', { name: town, exact: true });
      const names = await section.getByRole('listitem').getByRole('heading').allInnerTexts();
      expect(names.sort(), town).toEqual(namesWhere((s) => s.town === town));
    }
  });

  test('each filter is a link to a page listing just those services', async ({ page }) => {
    const town = active.find((s) => s.format === 'In person')?.town ?? '';
    await page.goto('/services/');
    await filters(page).getByRole('link', { name: town, exact: true }).click();
    await expect(page).toHaveURL(`/services/area/${slug(town)}/`);
    await expect(filters(page).getByRole('link', { name: town, exact: true })).toHaveAttribute('aria-current', 'page');
    expect((await listedServices(page)).sort()).toEqual(namesWhere((s) => s.town === town));

    const day = active[0]?.days[0] ?? '';
    await filters(page).getByRole('link', { name: day, exact: true }).click();
    await expect(page).toHaveURL(`/services/day/${slug(day)}/`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(day);
    expect((await listedServices(page)).sort()).toEqual(namesWhere((s) => s.days.includes(day)));

    await filters(page).getByRole('link', { name: 'Phone', exact: true }).click();
    await expect(page).toHaveURL('/services/format/phone/');
    expect((await listedServices(page)).sort()).toEqual(namesWhere((s) => s.format === 'Phone'));

    await filters(page).getByRole('link', { name: 'Any format' }).click();
    await expect(page).toHaveURL('/services/');
  });
});

test.describe('with JavaScript on', () => {
  test('filters combine in place, the address follows, and the count is announced', async ({ page }) => {
    // A town with more than one service, so choosing a day as well narrows the list.
    const town = settings.towns.find((t) => active.filter((s) => s.town === t).length > 1) ?? '';
    const day = active.find((s) => s.town === town)?.days[0] ?? '';
    await page.goto('/services/');
    // A marker that a page load would wipe, to prove the list is filtered without leaving the page.
    await page.evaluate(() => Object.assign(window, { stayedOnPage: true }));

    await filters(page).getByRole('link', { name: town, exact: true }).click();
    await expect(page).toHaveURL(`/services/?town=${slug(town)}`);
    const inTown = namesWhere((s) => s.town === town);
    await expect(page.getByRole('status')).toHaveText(`${String(inTown.length)} services found`);
    expect((await listedServices(page)).sort()).toEqual(inTown);
    await expect(filters(page).getByRole('link', { name: town, exact: true })).toHaveAttribute('aria-current', 'true');

    await filters(page).getByRole('link', { name: day, exact: true }).click();
    await expect(page).toHaveURL(`/services/?town=${slug(town)}&day=${slug(day)}`);
    const inTownOnDay = namesWhere((s) => s.town === town && s.days.includes(day));
    await expect(page.getByRole('status')).toHaveText(
      inTownOnDay.length === 1 ? '1 service found' : `${String(inTownOnDay.length)} services found`,
    );
    expect((await listedServices(page)).sort()).toEqual(inTownOnDay);
    expect(await page.evaluate(() => 'stayedOnPage' in window)).toBe(true);

    await page.goBack();
    await expect(page).toHaveURL(`/services/?town=${slug(town)}`);
    await expect(page.getByRole('status')).toHaveText(`${String(inTown.length)} services found`);

    await filters(page).getByRole('link', { name: 'All towns' }).click();
    await expect(page).toHaveURL('/services/');
    expect((await listedServices(page)).length).toBe(active.length);
  });

  test('a shared filtered address opens filtered, and an empty result says so', async ({ page }) => {
    await page.goto('/services/?format=phone');
    const phone = namesWhere((s) => s.format === 'Phone');
    expect((await listedServices(page)).sort()).toEqual(phone);
    await expect(filters(page).getByRole('link', { name: 'Phone', exact: true })).toHaveAttribute(
      'aria-current',
      'true',
    );

    // A town and a day with nothing in common.
    const town = settings.towns.find((t) => active.some((s) => s.town === t)) ?? '';
    const day = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].find(
      (d) => active.some((s) => s.days.includes(d)) && !active.some((s) => s.town === town && s.days.includes(d)),
    );
    if (!day) throw new Error(`every day has a service in ${town}: the sample content needs a day without one`);
    await page.goto(`/services/?town=${slug(town)}&day=${slug(day)}`);
    await expect(page.getByRole('status')).toHaveText('No services found');
    await expect(page.getByText('No services match all of these choices.')).toBeVisible();
    expect(await listedServices(page)).toEqual([]);
  });
});

test('only the finder adds a script (beside the site-wide `/` shortcut), as an external file', async ({ page }) => {
  const scripts = page.locator('script:not([type="application/ld+json"])');
  await page.goto('/services/');
  await expect(scripts).toHaveCount(2);
  for (const script of await scripts.all()) {
    await expect(script).toHaveAttribute('src', /^\/_astro\/.+\.js$/);
    await expect(script).toHaveText('');
  }
  const service = active[0]?.slug ?? '';
  for (const path of [
    `/services/${service}/`,
    `/services/area/${slug(settings.towns[0] ?? '')}/`,
    '/services/format/online/',
  ]) {
    await page.goto(path);
    await expect(scripts, path).toHaveCount(1);
  }
});

test('an area page lists one town’s services, with breadcrumbs back to the finder', async ({ page }) => {
  const town = settings.towns.find((t) => active.some((s) => s.town === t && s.format === 'In person')) ?? '';
  await page.goto(`/services/area/${slug(town)}/`);
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('listitem')).toHaveText(['Home', 'Find support', town]);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(town);
  expect((await listedServices(page)).sort()).toEqual(namesWhere((s) => s.town === town));
  await crumbs.getByRole('link', { name: 'Find support' }).click();
  await expect(page).toHaveURL('/services/');
});

test('a service page has directions, tap-to-call and email links, and Event data with its schedule', async ({
  page,
}) => {
  const service = active.find((s) => s.address && s.contactPhone && s.contactEmail && s.format === 'In person');
  if (!service?.address || !service.contactPhone || !service.contactEmail) throw new Error('no suitable service');
  await page.goto(`/services/${service.slug}/`);
  await expect(page.getByRole('heading', { level: 1, name: service.title })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem')).toHaveText([
    'Home',
    'Find support',
    service.town,
    service.title,
  ]);
  await expect(page.getByRole('link', { name: /^Get directions/ })).toHaveAttribute(
    'href',
    `https://www.openstreetmap.org/search?query=${encodeURIComponent(service.address)}`,
  );
  await expect(page.getByRole('link', { name: service.contactPhone })).toHaveAttribute(
    'href',
    `tel:${service.contactPhone.replace(/\s/g, '')}`,
  );
  await expect(page.getByRole('link', { name: service.contactEmail })).toHaveAttribute(
    'href',
    `mailto:${service.contactEmail}`,
  );
  await expect(page.locator('iframe')).toHaveCount(0);

  const data = await jsonLd(page);
  const event = data.find((d) => d['@type'] === 'Event');
  expect(event?.['name']).toBe(service.title);
  expect(event?.['eventSchedule']).toMatchObject({
    '@type': 'Schedule',
    byDay: service.days.map((d) => `https://schema.org/${d}`),
    repeatFrequency: { Weekly: 'P1W', Fortnightly: 'P2W', Monthly: 'P1M' }[service.frequency],
  });
  const org = data.find((d) => d['@type'] === 'NGO');
  expect(org).toMatchObject({ name: settings.charityName, telephone: settings.phone, email: settings.email });
  expect(JSON.stringify(org?.['identifier'])).toContain(settings.charityNumber);
});

test('every page names the charity as an NGO in its structured data', async ({ page }) => {
  for (const path of ['/', '/contact/', '/about/our-values/']) {
    await page.goto(path);
    const org = (await jsonLd(page)).filter((d) => d['@type'] === 'NGO');
    expect(org, path).toHaveLength(1);
    expect(JSON.stringify(org[0]?.['identifier']), path).toContain(settings.charityNumber);
  }
});

test('inactive services are published nowhere', async ({ page }) => {
  expect(inactive.length, 'the sample content has an inactive service').toBeGreaterThan(0);
  const paths = sitemapPaths();
  for (const service of inactive) {
    expect(paths).not.toContain(`/services/${service.slug}/`);
    const response = await page.goto(`/services/${service.slug}/`);
    expect(response?.status(), service.slug).toBe(404);
    for (const list of ['/services/', `/services/area/${slug(service.town)}/`]) {
      await page.goto(list);
      await expect(page.getByRole('main').getByText(service.title, { exact: true }), list).toHaveCount(0);
    }
  }
});

/** Every JSON-LD object on the page. */
async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text) => JSON.parse(text) as Record<string, unknown>);
}
