/**
 * Every group's sessions in one iCalendar file (/services/sessions.ics), for "Subscribe to all our
 * groups". Calendar apps that subscribe pick up cancellations after each daily rebuild.
 */
import type { APIRoute } from 'astro';
import { ALL_SESSIONS_PATH, getSessionIndex, sessionsCalendar } from '../../data/sessions';

export const GET: APIRoute = async () => {
  const { services } = await getSessionIndex();
  const text = await sessionsCalendar(services, 'All our groups', ALL_SESSIONS_PATH);
  return new Response(text, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
