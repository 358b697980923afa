/**
 * A Netlify Scheduled Function that rebuilds the site once a day, so that "What's on", each
 * group's next sessions and news posts scheduled for today follow the date. It calls the site's
 * build hook, whose address is kept in the BUILD_HOOK_URL environment variable (see
 * docs/calendar.md for how to create one). Without it, it logs why and does nothing.
 */
import type { Config } from '@netlify/functions';

/** Where the function writes what it did (the Netlify function log; a stand-in in tests). */
export interface RebuildLog {
  log: (message: string) => void;
  error: (message: string) => void;
}

/**
 * Asks Netlify for a new build by POSTing to the build hook. Returns whether a build was asked
 * for; a missing address or a refused request is logged, never thrown, so one bad day does not
 * mark the schedule as broken.
 */
export async function requestRebuild(hookUrl: string | undefined, out: RebuildLog = console): Promise<boolean> {
  if (!hookUrl) {
    out.log(
      'Daily rebuild skipped: BUILD_HOOK_URL is not set. Create a build hook in Netlify and add its address as BUILD_HOOK_URL (docs/calendar.md).',
    );
    return false;
  }
  const url = new URL(hookUrl);
  // Shown against the deploy in Netlify's list, so people can tell these builds apart.
  url.searchParams.set('trigger_title', 'Daily rebuild (dates and scheduled posts)');
  try {
    const response = await fetch(url, { method: 'POST' });
    if (!response.ok) {
      out.error(`Daily rebuild failed: the build hook answered ${String(response.status)} ${response.statusText}.`);
      return false;
    }
    out.log('Daily rebuild requested.');
    return true;
  } catch (error) {
    out.error(`Daily rebuild failed: could not reach the build hook (${(error as Error).message}).`);
    return false;
  }
}

/** Runs on Netlify's schedule. */
export default async function dailyRebuild(): Promise<Response> {
  const requested = await requestRebuild(process.env['BUILD_HOOK_URL']);
  return new Response(requested ? 'Rebuild requested' : 'No rebuild requested', { status: requested ? 202 : 200 });
}

export const config: Config = { schedule: '@daily' };
