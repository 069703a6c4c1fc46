// Rolls, codes, the staff log and site keys: each handler turns a validated request into domain calls.
import { ERROR_STATUS } from '@linli/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { decodeRollBytes } from '../domain/roll-csv';
import { isDomainError, type StaffIdentity } from '../domain/service';
import { type AppEnv, requireManager } from '../http/context';
import { HttpError } from '../http/errors';
import { readForm } from '../http/form';
import { PAGE_CSP } from '../http/security';
import { CODES_PAGE_CSP, codesFormPage } from '../pages/codes-page';
import type { AppRouteHandler } from './openapi';
import type * as routes from './staff.routes';

const CSV_TYPES = /^(?:text\/csv|text\/plain|application\/csv)\b/i;

/** Issues codes and answers with the printable sheet: the only moment these codes can be printed. */
async function sheet(c: Context<AppEnv>, slug: string, reissue: boolean, by: StaffIdentity) {
  const { service, publicUrl } = c.var.deps;
  const codes = await service.issueCodes(slug, { reissue, by });
  const page = await service.codeSheetHtml(slug, { publicUrl: publicUrl(), codes });
  c.header('Cache-Control', 'no-store');
  c.header('Content-Security-Policy', PAGE_CSP);
  return c.html(page, 201);
}

export const importRoll: AppRouteHandler<typeof routes.importRoll> = async (c) => {
  const by = requireManager(c);
  const { slug } = c.req.valid('param');
  const type = c.req.header('content-type') ?? '';
  if (!CSV_TYPES.test(type)) {
    throw new HttpError('unsupported_media_type', `send the roll as Content-Type: text/csv (got ${type || 'none'})`);
  }
  // Bytes, not text: a roll saved by Excel/WPS on Chinese Windows is GBK, which decodeRollBytes recognises.
  const csv = decodeRollBytes(new Uint8Array(await c.req.arrayBuffer()));
  return c.json(await c.var.deps.service.importRoll(slug, csv, by), 201);
};

export const issueCodes: AppRouteHandler<typeof routes.issueCodes> = async (c) => {
  const by = requireManager(c);
  const { slug } = c.req.valid('param');
  const { reissue = false, format = 'json' } = c.req.valid('json');
  if (format === 'html') return sheet(c, slug, reissue, by);
  const codes = await c.var.deps.service.issueCodes(slug, { reissue, by });
  c.header('Cache-Control', 'no-store');
  return c.json({ codes }, 201);
};

export const codesPage: AppRouteHandler<typeof routes.codesPage> = async (c) => {
  const { slug } = c.req.valid('param');
  const view = await c.var.deps.service.getConsultation(slug);
  c.header('Cache-Control', 'no-store');
  c.header('Content-Security-Policy', CODES_PAGE_CSP);
  return c.html(codesFormPage(view, {}), 200);
};

export const printCodes: AppRouteHandler<typeof routes.printCodes> = async (c) => {
  const { service } = c.var.deps;
  const { slug } = c.req.valid('param');
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
  const staff = c.var.staff ?? (token ? await service.authenticate(token) : null);
  if (!staff) return refuse(token ? '令牌不正确或已停用，请核对后重试。' : '请输入工作人员令牌。', 401);
  if (staff.department) return refuse(`“${staff.department}”的令牌不能管理投票，请使用居委会的令牌。`, 403);
  try {
    return await sheet(c, slug, reissue, staff);
  } catch (error) {
    // A person reads this page: say what went wrong on it, not in a JSON body.
    if (!isDomainError(error)) throw error;
    return refuse(`无法生成投票码：${error.message}`, ERROR_STATUS[error.code] as ContentfulStatusCode);
  }
};

export const staffActions: AppRouteHandler<typeof routes.staffActions> = async (c) => {
  requireManager(c);
  const { slug } = c.req.valid('param');
  const actions = await c.var.deps.service.listStaffActions(slug);
  c.header('Cache-Control', 'no-store');
  return c.json({ slug, actions }, 200);
};

export const addSiteKey: AppRouteHandler<typeof routes.addSiteKey> = async (c) => {
  requireManager(c);
  const { site } = c.req.valid('param');
  const key = c.req.valid('json');
  await c.var.deps.service.addSiteKey(site, key);
  return c.json({ site, kind: key.kind, kid: key.kid ?? null }, 201);
};
