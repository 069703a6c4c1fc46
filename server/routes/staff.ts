import {
  CodesRequest,
  ERROR_STATUS,
  SiteKeyRequest,
  SiteParam,
  SlugParam,
  type StaffActionsResponse,
} from '@linli/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { decodeRollBytes } from '../domain/roll-csv';
import type { StaffIdentity } from '../domain/service';
import { isDomainError } from '../domain/service';
import { type AppEnv, requireManager } from '../http/context';
import { HttpError } from '../http/errors';
import { readForm } from '../http/form';
import { PAGE_CSP } from '../http/security';
import { params, readJson } from '../http/validate';
import { CODES_PAGE_CSP, codesFormPage } from '../pages/codes-page';
import { type RouteDeps, router } from './deps';

const CSV_TYPES = /^(?:text\/csv|text\/plain|application\/csv)\b/i;

/** Voter rolls and one-time codes: staff only, and never cached anywhere on the way. */
export function staffRoutes({ service, publicUrl }: RouteDeps) {
  const app = router();

  /** Issues codes and answers with the printable sheet: the only moment these codes can be printed. */
  const sheet = async (c: Context<AppEnv>, slug: string, reissue: boolean, by: StaffIdentity) => {
    const codes = await service.issueCodes(slug, { reissue, by });
    const html = await service.codeSheetHtml(slug, { publicUrl: publicUrl(), codes });
    c.header('Cache-Control', 'no-store');
    c.header('Content-Security-Policy', PAGE_CSP);
    return c.html(html, 201);
  };

  app.post('/consultations/:slug/roll', async (c) => {
    const by = requireManager(c);
    const { slug } = params(c, SlugParam);
    const type = c.req.header('content-type') ?? '';
    if (!CSV_TYPES.test(type)) {
      throw new HttpError('unsupported_media_type', `send the roll as Content-Type: text/csv (got ${type || 'none'})`);
    }
    // Bytes, not text: a roll saved by Excel/WPS on Chinese Windows is GBK, which decodeRollBytes recognises.
    const result = await service.importRoll(slug, decodeRollBytes(new Uint8Array(await c.req.arrayBuffer())), by);
    return c.json(result, 201);
  });

  /** `format: "html"` answers with the printable sheet (text/html) instead of `{codes}`. */
  app.post('/consultations/:slug/codes', async (c) => {
    const by = requireManager(c);
    const { slug } = params(c, SlugParam);
    const { reissue = false, format = 'json' } = await readJson(c, CodesRequest);
    if (format === 'html') return sheet(c, slug, reissue, by);
    const codes = await service.issueCodes(slug, { reissue, by });
    c.header('Cache-Control', 'no-store');
    return c.json({ codes }, 201);
  });

  /**
   * The page staff open in a browser to print codes. Opening it changes nothing (a GET must not issue codes);
   * its form posts the staff token back, since a browser cannot send an Authorization header from a link.
   */
  app.get('/consultations/:slug/codes.html', async (c) => {
    const { slug } = params(c, SlugParam);
    const view = await service.getConsultation(slug);
    c.header('Cache-Control', 'no-store');
    c.header('Content-Security-Policy', CODES_PAGE_CSP);
    return c.html(codesFormPage(view, {}), 200);
  });

  app.post('/consultations/:slug/codes.html', async (c) => {
    const { slug } = params(c, SlugParam);
    const view = await service.getConsultation(slug);
    const form = await readForm(c);
    const refuse = (error: string, status: ContentfulStatusCode) => {
      c.header('Cache-Control', 'no-store');
      c.header('Content-Security-Policy', CODES_PAGE_CSP);
      return c.html(codesFormPage(view, { error, reissue: Boolean(form?.reissue) }), status);
    };
    if (!form) return refuse('表单内容不完整，请重新提交。', 400);
    const reissue = typeof form.reissue === 'string' && form.reissue !== '';
    const token = typeof form.token === 'string' ? form.token.trim() : '';
    const staff = c.get('staff') ?? (token ? await service.authenticate(token) : null);
    if (!staff) return refuse(token ? '令牌不正确或已停用，请核对后重试。' : '请输入工作人员令牌。', 401);
    if (staff.department) return refuse(`“${staff.department}”的令牌不能管理投票，请使用居委会的令牌。`, 403);
    try {
      return await sheet(c, slug, reissue, staff);
    } catch (error) {
      // A person reads this page: say what went wrong on it, not in a JSON body.
      if (!isDomainError(error)) throw error;
      return refuse(`无法生成投票码：${error.message}`, ERROR_STATUS[error.code] as ContentfulStatusCode);
    }
  });

  /** Who changed this consultation: phases, moderation, roll imports and codes issued, with the token's holder. */
  app.get('/consultations/:slug/staff-actions', async (c) => {
    requireManager(c);
    const { slug } = params(c, SlugParam);
    const body: StaffActionsResponse = { slug, actions: await service.listStaffActions(slug) };
    c.header('Cache-Control', 'no-store');
    return c.json(body, 200);
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
