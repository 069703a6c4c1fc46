import { randomBytes, randomUUID } from 'node:crypto';
import { BallotRequest, type ConsultationView, ERROR_STATUS, type ErrorCode, Slug } from '@linli/core';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { parseWith } from '../domain/context';
import { isDomainError, isOpenBallot } from '../domain/service';
import type { AppEnv } from '../http/context';
import { HttpError } from '../http/errors';
import { readForm } from '../http/form';
import { messagePage, receiptPage, votePage } from '../pages/vote-page';
import { type RouteDeps, router } from './deps';

/** Like the docs CSP, but the form may post back to this server. */
const VOTE_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
const VOTER_COOKIE = 'linli_voter';

/** What a resident reads when a ballot is refused: plain Chinese, not the API's developer message. */
function residentMessage(code: ErrorCode | string, field: string | undefined, fallback: string): string {
  if (field === 'code') {
    if (code === 'conflict') return '这个投票码已经使用过了。如有疑问，请联系居委会。';
    if (code === 'forbidden') return '投票码不正确，请核对投票卡上的号码。';
    return '请输入投票卡上的 8 位投票码，例如 ABCD-2345。';
  }
  if (code === 'conflict') return '您已经投过票了，每户（每人）只能投一次。';
  if (code === 'gone') return '现在不在投票时间内。';
  if (code === 'rate_limited') return '提交太频繁，请稍后再试。';
  if (code === 'invalid') return `请按要求选择后再提交。（${fallback}）`;
  return '投票没有成功，请稍后再试或联系居委会。';
}

/** Reads the posted form into the API's ballot body for the consultation's method. */
function ballotFromForm(
  view: ConsultationView,
  form: Record<string, string | File | (string | File)[]>,
): BallotRequest {
  const strings = (v: unknown) =>
    (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x) => typeof x === 'string');
  const method = view.ballot?.method;
  if (method === 'ranked') {
    const ranked = Object.entries(form)
      .filter(([k, v]) => k.startsWith('rank:') && typeof v === 'string' && v !== '')
      .map(([k, v]) => ({ id: k.slice(5), rank: Number(v) }))
      .sort((a, b) => a.rank - b.rank);
    return { choices: ranked.map((r) => r.id) };
  }
  if (method === 'budget') {
    const allocation: Record<string, number> = {};
    for (const [k, v] of Object.entries(form)) {
      if (k.startsWith('points:') && typeof v === 'string' && v.trim() !== '' && Number(v) !== 0) {
        allocation[k.slice(7)] = Number(v);
      }
    }
    return { allocation };
  }
  return { choices: strings(form.choice) as string[] };
}

/**
 * `/vote/:slug` — where the QR code on a printed voting card leads. Server-rendered so it works on any phone with
 * no script; the JSON API stays the single place where ballots are validated and made durable.
 */
export function voteRoutes({ service, limiter }: RouteDeps) {
  const app = router();

  const render = (c: Context<AppEnv>, html: string, status: ContentfulStatusCode = 200) => {
    c.header('Content-Security-Policy', VOTE_PAGE_CSP);
    c.header('Cache-Control', 'no-store');
    return c.html(html, status);
  };

  const load = async (c: Context<AppEnv>) => {
    const slug = Slug.safeParse(c.req.param('slug'));
    if (!slug.success) return null;
    try {
      return await service.getConsultation(slug.data);
    } catch (error) {
      if (isDomainError(error) && error.code === 'not_found') return null;
      throw error;
    }
  };

  const ensureVoterCookie = (c: Context<AppEnv>) => {
    const existing = getCookie(c, VOTER_COOKIE);
    if (existing && /^[A-Za-z0-9_-]{16,128}$/.test(existing)) return existing;
    const key = randomBytes(18).toString('base64url');
    setCookie(c, VOTER_COOKIE, key, { httpOnly: true, sameSite: 'Lax', path: '/vote', maxAge: 60 * 60 * 24 * 365 });
    return key;
  };

  app.get('/vote/:slug', async (c) => {
    const view = await load(c);
    if (!view) return render(c, messagePage('没有找到这个事项', '请核对链接，或联系居委会。'), 404);
    if (isOpenBallot(view)) ensureVoterCookie(c);
    const code = c.req.query('code')?.slice(0, 20);
    return render(c, votePage(view, { code, nonce: randomUUID() }));
  });

  app.post('/vote/:slug', async (c) => {
    const view = await load(c);
    if (!view) return render(c, messagePage('没有找到这个事项', '请核对链接，或联系居委会。'), 404);
    // Cross-site posts never get here: crossSiteGuard (server/http/cross-site.ts) refuses them.
    const form = await readForm(c);
    if (!form) return render(c, messagePage('无法提交', '表单内容不完整，请返回投票页面重新提交。'), 400);
    const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).slice(0, 200) : undefined);
    const nonce = text('nonce') ?? randomUUID();
    const input = ballotFromForm(view, form);
    if (view.ballot?.eligibility === 'code') input.code = text('code') || undefined;
    if (isOpenBallot(view)) input.voterKey = ensureVoterCookie(c);
    try {
      if (isOpenBallot(view)) limiter.enforce('openBallot', c.get('clientIp'));
      const idempotencyKey = /^[0-9a-f-]{36}$/.test(nonce) ? `vote-page-${nonce}` : undefined;
      // The form is this page's edge: its ballot is validated as the JSON API's is.
      const { receipt, replayed } = await service.castBallot(view.slug, parseWith(BallotRequest, input), {
        idempotencyKey,
        clientIp: c.get('clientIp'),
      });
      return render(c, receiptPage(view, receipt, replayed), replayed ? 200 : 201);
    } catch (error) {
      const known = isDomainError(error) || error instanceof HttpError;
      if (!known) throw error;
      const code = error.code as ErrorCode;
      const field = isDomainError(error) ? error.field : undefined;
      if (error instanceof HttpError && error.extra.headers) {
        for (const [name, value] of Object.entries(error.extra.headers)) c.header(name, value);
      }
      const state = {
        code: input.code,
        nonce: randomUUID(),
        chosen: input.choices,
        error: residentMessage(code, field, error.message),
      };
      return render(c, votePage(view, state), (ERROR_STATUS[code] ?? 400) as ContentfulStatusCode);
    }
  });

  return app;
}
