/**
 * Urgent help without a connection: after one visit online, the service worker shows the offline
 * page (with working phone and text links) for a page never visited, and the saved urgent help
 * page; back online, a deploy's changed pages are shown at once and the saved copy is replaced;
 * and the content editor at /admin/ is left alone.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startNetlifyServer, type RunningServer } from '../harness/netlify-server';
import { writeServiceWorker } from '../../src/integrations/service-worker';
import { DIST } from '../support/built-pages';
import { axeViolations } from './support/axe';
import { registryHelpline, siteSettings } from './support/site';

// The service worker is what these tests check (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker has saved its files and controls the page. */
async function waitForWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    }
  });
}

const settings = siteSettings();
const local = registryHelpline(settings.localCrisisLine);
const samaritans = registryHelpline('samaritans');
const shout = registryHelpline('shout');
const digits = (number: string) => number.replace(/\D/g, '');

test('offline, a page never visited shows the offline page with working phone and text links', async ({
  page,
  context,
}) => {
  await page.goto('/a-z/anxiety/');
  await waitForWorker(page);
  await context.setOffline(true);
  await page.goto('/news/');
  expect(new URL(page.url()).pathname).toBe('/news/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are offline');
  await expect(page.getByText('These numbers still work.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Call 999' })).toHaveAttribute('href', 'tel:999');
  await expect(page.getByRole('link', { name: 'Call 111' })).toHaveAttribute('href', 'tel:111');
  await expect(page.getByText(/option 2/)).toBeVisible();
  await expect(page.getByRole('link', { name: `Call ${samaritans.phone ?? ''}` })).toHaveAttribute(
    'href',
    `tel:${digits(samaritans.phone ?? '')}`,
  );
  await expect(page.getByRole('link', { name: `Call ${local.phone ?? ''}` })).toHaveAttribute(
    'href',
    `tel:${digits(local.phone ?? '')}`,
  );
  await expect(
    page.getByRole('link', { name: new RegExp(`${shout.textKeyword ?? ''}.*${shout.textNumber ?? ''}`) }),
  ).toHaveAttribute('href', new RegExp(`^sms:${digits(shout.textNumber ?? '')}`));
  expect(await axeViolations(page)).toEqual([]);
});

test('offline, the urgent help page opens from the saved copy', async ({ page, context }) => {
  await page.goto('/about/');
  await waitForWorker(page);
  await context.setOffline(true);
  await page.goto('/urgent-help/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get urgent help');
  await expect(page.getByRole('link', { name: 'Call 999' }).first()).toHaveAttribute('href', 'tel:999');
});

test.describe('a new deploy', () => {
  let root: string;
  let server: RunningServer;
  test.beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'offline-deploy-'));
    // The built site, less the content editor's bundle and the search index, which these tests
    // never load.
    cpSync(DIST, root, {
      recursive: true,
      filter: (source) => !/[\\/](admin[\\/]decap|pagefind)$/.test(source),
    });
    server = await startNetlifyServer(root, 'netlify.toml');
  });
  test.afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** Changes one built page's <h1>, as a content edit and a new build would. */
  const editHeading = (page: string, from: string, to: string) => {
    const file = join(root, page);
    const html = readFileSync(file, 'utf8');
    if (!html.includes(`>${from}</h1>`)) throw new Error(`${page} has no <h1> "${from}"`);
    writeFileSync(file, html.replace(`>${from}</h1>`, `>${to}</h1>`));
  };

  test('online, changed pages show their new text at once, and the saved urgent help page is replaced', async ({
    page,
    context,
  }) => {
    await page.goto(`${server.url}/a-z/depression/`);
    await waitForWorker(page);
    await page.goto(`${server.url}/urgent-help/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get urgent help');

    // The deploy: two pages change, and the build's last step writes the worker again.
    editHeading('a-z/depression/index.html', 'Depression', 'Depression and low mood');
    editHeading('urgent-help/index.html', 'Get urgent help', 'Get urgent help now');
    await writeServiceWorker(root);

    await page.goto(`${server.url}/a-z/depression/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Depression and low mood');
    await page.goto(`${server.url}/urgent-help/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get urgent help now');

    // The visit found the new worker; once it is in charge, the copy kept offline is the new one.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
      const worker = registration?.installing ?? registration?.waiting;
      if (worker && worker.state !== 'activated') {
        await new Promise<void>((resolve) =>
          worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
        );
      }
    });
    await context.setOffline(true);
    await page.goto(`${server.url}/urgent-help/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get urgent help now');
  });
});

test.describe('the content editor', () => {
  test('a browser that has the worker loads /admin/ from the network only', async ({ page, context }) => {
    await page.goto('/');
    await waitForWorker(page);
    const fromWorker: string[] = [];
    page.on('response', (response) => {
      if (response.fromServiceWorker()) fromWorker.push(response.url());
    });
    const response = await page.goto('/admin/', { waitUntil: 'networkidle' });
    expect(response?.ok()).toBe(true);
    expect(fromWorker).toEqual([]);
    // Offline, the worker does not answer for the editor with the offline page either.
    await context.setOffline(true);
    await expect(page.goto('/admin/')).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
  });

  test('the editor itself registers no service worker', async ({ page }) => {
    await page.goto('/admin/', { waitUntil: 'networkidle' });
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  });
});
