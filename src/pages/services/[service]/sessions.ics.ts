/**
 * One group's sessions as an iCalendar file (/services/<slug>/sessions.ics), for "Add to
 * calendar". Only running services with dated sessions have one. Netlify serves it as
 * text/calendar (netlify.toml).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSessionIndex, sessionsCalendar, sessionsPath } from '../../../data/sessions';

export const getStaticPaths = (async () => {
  const { services } = await getSessionIndex();
  return services.map((service) => ({ params: { service: service.id }, props: { service } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { service } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const text = await sessionsCalendar([service], service.data.title, sessionsPath(service));
  return new Response(text, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
