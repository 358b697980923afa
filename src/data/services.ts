/**
 * Published services and the finder's groupings (by town, day and format), computed once per
 * build and shared by every services page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { join } from 'node:path';
import { getSettings } from './settings';
import { slugify } from '../lib/format';
import {
  activeServices,
  checkServiceSlugs,
  compareServices,
  groupByDay,
  groupByFormat,
  groupByTown,
  type FilterGroup,
  type TownGroup,
} from '../lib/services';
import { SERVICE_FORMATS } from '../schemas/services';

/** A service entry from content/services/. */
export type ServiceEntry = CollectionEntry<'services'>;

/** Everything the finder's pages need, computed once. */
export interface ServiceIndex {
  /** Active services in schedule order. */
  services: ServiceEntry[];
  /** Every town in settings order, with its active services (some may have none). */
  towns: TownGroup<ServiceEntry>[];
  /** Days that have services, Monday first. */
  days: FilterGroup<ServiceEntry>[];
  /** Formats that have services. */
  formats: FilterGroup<ServiceEntry>[];
}

let cache: Promise<ServiceIndex> | undefined;

/** The published services and their groupings. Inactive services appear nowhere. */
export function getServiceIndex(): Promise<ServiceIndex> {
  cache ??= Promise.all([getCollection('services'), getSettings()]).then(([all, settings]) => {
    checkServiceSlugs(all, (service) => join(process.cwd(), service.filePath ?? `services/${service.id}.md`));
    const services = activeServices(all).sort(compareServices);
    return {
      services,
      towns: groupByTown(services, settings.towns),
      days: groupByDay(services),
      formats: groupByFormat(services, SERVICE_FORMATS),
    };
  });
  return cache;
}

/** Web address of a service's own page. */
export function servicePath(service: ServiceEntry): string {
  return `/services/${service.id}/`;
}

/** Web address of a town's page of services. */
export function areaPath(town: string): string {
  return `/services/area/${slugify(town)}/`;
}
