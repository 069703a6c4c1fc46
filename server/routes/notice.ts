import { SlugParam } from '@linli/core';
import { parseWith } from '../domain/context';
import { PAGE_CSP } from '../http/security';
import { type RouteDeps, router } from './deps';

/**
 * GET /consultations/:slug/notice.html — the result notice (结果公示) to print and post, at a stable address on the
 * site (not under the API: it is a page for people). Public, and reachable in every phase after voting; while the
 * result is hidden it says so and still prints the chain head.
 */
export function noticeRoutes({ service, publicUrl }: RouteDeps) {
  const app = router();
  app.get('/consultations/:slug/notice.html', async (c) => {
    const { slug } = parseWith(SlugParam, c.req.param());
    const html = await service.noticeHtml(slug, { publicUrl: publicUrl() });
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('Cache-Control', 'no-cache');
    return c.html(html, 200);
  });
  return app;
}
