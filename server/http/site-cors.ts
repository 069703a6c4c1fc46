import type { ServerConfig, SiteConfig } from '../config';
import type { LinliService } from '../domain/service';

const LOCAL_ORIGIN = /^http:\/\/(?:localhost|127\.0\.0\.1)(?::\d{1,5})?$/;
const CONSULTATION_PATH = /^\/api\/v1\/consultations\/([^/]+)(?:\/|$)/;
const COMMUNITY_PATH = /^\/api\/v1\/communities\/([^/]+)(?:\/|$)/;

/** The community (小区) a consultation belongs to, or null when there is no such consultation. */
export type CommunityOf = (slug: string) => Promise<string | null>;

const everything = (site: SiteConfig) => site.consultations === undefined && site.communities === undefined;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Whether a browser on `origin` may read the response to a request for `path`. A site's origins reach only the
 * consultations the site is configured for (by slug, or by community), so the page of one 小区 cannot drive
 * another's vote; routes not under a consultation or community (the list, receipts, reports, the widget script)
 * are open to every configured origin. In demo mode any local origin may call anything.
 */
export function sitePolicy(
  config: Pick<ServerConfig, 'sites' | 'demo'>,
  communityOf: CommunityOf,
): (origin: string, path: string) => Promise<boolean> {
  const byOrigin = new Map<string, SiteConfig[]>();
  for (const site of Object.values(config.sites)) {
    for (const origin of site.origins) byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), site]);
  }
  return async (origin, path) => {
    if (config.demo && LOCAL_ORIGIN.test(origin)) return true;
    const sites = byOrigin.get(origin);
    if (!sites) return false;
    if (sites.some(everything)) return true;
    const consultation = CONSULTATION_PATH.exec(path)?.[1];
    if (consultation !== undefined) {
      const slug = decoded(consultation);
      if (sites.some((site) => site.consultations?.includes(slug))) return true;
      if (!sites.some((site) => site.communities?.length)) return false;
      const community = await communityOf(slug);
      return community !== null && sites.some((site) => site.communities?.includes(community));
    }
    const community = COMMUNITY_PATH.exec(path)?.[1];
    if (community !== undefined) return sites.some((site) => site.communities?.includes(decoded(community)));
    return true;
  };
}

/**
 * Looks a consultation's community up through the service, remembered for a minute: a preflight and the request
 * after it, or a busy widget, should not each cost a read, and moving a consultation to another 小区 is rare.
 */
export function cachedCommunityOf(service: Pick<LinliService, 'getConsultation'>, ttlMs = 60_000): CommunityOf {
  const cache = new Map<string, { community: string; at: number }>();
  return async (slug) => {
    const hit = cache.get(slug);
    if (hit && Date.now() - hit.at < ttlMs) return hit.community;
    try {
      const { community } = await service.getConsultation(slug);
      if (cache.size >= 10_000) cache.clear();
      cache.set(slug, { community, at: Date.now() });
      return community;
    } catch {
      // Unknown slug (or a store error): no CORS; the request itself answers 404.
      return null;
    }
  };
}
