import { CodesQuery, CodesRequest, SiteKeyRequest, SiteParam, SlugParam } from '@linli/core';
import { requireManager } from '../http/context';
import { HttpError } from '../http/errors';
import { PAGE_CSP } from '../http/security';
import { params, query, readJson } from '../http/validate';
import { type RouteDeps, router } from './deps';

const CSV_TYPES = /^(?:text\/csv|text\/plain|application\/csv)\b/i;

/** Voter rolls and one-time codes: staff only, and never cached anywhere on the way. */
export function staffRoutes({ service, publicUrl }: RouteDeps) {
  const app = router();

  app.post('/consultations/:slug/roll', async (c) => {
    requireManager(c);
    const { slug } = params(c, SlugParam);
    const type = c.req.header('content-type') ?? '';
    if (!CSV_TYPES.test(type)) {
      throw new HttpError('unsupported_media_type', `send the roll as Content-Type: text/csv (got ${type || 'none'})`);
    }
    const result = await service.importRoll(slug, await c.req.text());
    return c.json(result, 201);
  });

  app.post('/consultations/:slug/codes', async (c) => {
    requireManager(c);
    const { slug } = params(c, SlugParam);
    const { reissue } = await readJson(c, CodesRequest);
    const codes = await service.issueCodes(slug, { reissue });
    c.header('Cache-Control', 'no-store');
    return c.json({ codes }, 201);
  });

  /**
   * Issues codes for the units that have none (all not-yet-voted units with ?reissue=1) and returns them as a
   * printable sheet. Codes are stored hashed, so this sheet is the only time they can be printed.
   */
  app.get('/consultations/:slug/codes.html', async (c) => {
    requireManager(c);
    const { slug } = params(c, SlugParam);
    const { reissue } = query(c, CodesQuery);
    const codes = await service.issueCodes(slug, { reissue: reissue === '1' || reissue === 'true' });
    const html = await service.codeSheetHtml(slug, { publicUrl: publicUrl(), codes });
    c.header('Cache-Control', 'no-store');
    c.header('Content-Security-Policy', PAGE_CSP);
    return c.html(html, 200);
  });

  /**
   * Registers the key a host site signs eligibility tokens with. `site` is a consultation slug, or a community
   * so one key serves all its consultations. The key material is never returned.
   */
  app.post('/sites/:site/keys', async (c) => {
    requireManager(c);
    const { site } = params(c, SiteParam);
    const key = await readJson(c, SiteKeyRequest);
    await service.addSiteKey(site, key);
    return c.json({ site, kind: key.kind, kid: key.kid ?? null }, 201);
  });

  return app;
}
