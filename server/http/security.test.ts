import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './context';
import { answerJson, responseHeaders, SECURE_HEADERS_OPTIONS, SECURITY_HEADERS } from './security';

const lower = (headers: Headers) => Object.fromEntries([...headers].map(([k, v]) => [k.toLowerCase(), v]));

describe('response headers', () => {
  it('the precomputed security headers are exactly what hono/secure-headers sets with our options', async () => {
    const app = new Hono().use(secureHeaders(SECURE_HEADERS_OPTIONS)).get('/', (c) => c.body(null, 204));
    const hono = lower((await app.request('/')).headers);
    const ours = Object.fromEntries(Object.entries(SECURITY_HEADERS).map(([k, v]) => [k.toLowerCase(), v]));
    expect(ours).toEqual(hono);
  });

  const app = (allowed: string) =>
    new Hono<AppEnv>()
      .use(responseHeaders((origin) => origin === allowed))
      .get('/plain', (c) => c.json({ ok: true }, 200))
      .get('/page', (c) => {
        c.header('Content-Security-Policy', "default-src 'self'");
        return c.html('<p>page</p>');
      })
      .post('/fast', (c) => answerJson(c, { ok: true }, 201, { Location: '/there' }));

  it('an answer built on the hot path carries the same headers as any other answer', async () => {
    const site = 'https://district.example.org';
    const t = app(site);
    for (const origin of [site, 'https://evil.example.com', undefined]) {
      const headers = origin ? { origin } : undefined;
      const plain = lower((await t.request('/plain', { headers })).headers);
      const fast = await t.request('/fast', { method: 'POST', headers });
      expect(fast.status).toBe(201);
      expect(await fast.json()).toEqual({ ok: true });
      const { location, ...rest } = lower(fast.headers);
      expect(location).toBe('/there');
      delete plain['content-length'];
      delete rest['content-length'];
      expect(rest).toEqual(plain);
      expect(rest['access-control-allow-origin']).toBe(origin === site ? site : undefined);
      expect(rest['content-security-policy']).toContain("default-src 'none'");
      expect(rest['x-frame-options']).toBe('SAMEORIGIN');
    }
  });

  it("keeps a page's own Content-Security-Policy", async () => {
    const page = await app('https://a.example').request('/page');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
