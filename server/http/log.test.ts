import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger, requestLog } from './log';

describe('request log', () => {
  it('writes one JSON line per request with the route, never ids, query strings or addresses', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    const app = new Hono();
    app.use('*', requestLog(logger));
    app.get('/api/v1/receipts/:receiptId', (c) => c.json({}));
    app.get('/api/v1/consultations/:slug/tally', (c) => c.json({}));
    await app.request('/api/v1/receipts/r_secret123?code=ABCD-2345', { headers: { 'x-forwarded-for': '10.1.2.3' } });
    await app.request('/api/v1/consultations/elevator-3/tally');
    expect(lines).toHaveLength(2);
    const [receipt, tally] = lines.map((l) => JSON.parse(l));
    expect(receipt).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      route: '/api/v1/receipts/:receiptId',
      status: 200,
    });
    expect(lines[0]).not.toMatch(/r_secret123|ABCD|10\.1\.2\.3/);
    expect(tally.slug).toBe('elevator-3');
  });

  it('filters by level', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', (line) => lines.push(line));
    logger.info('hidden');
    logger.error('shown', { error: new Error('boom') });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).error.message).toBe('boom');
  });

  it('at warn still writes a failed request, and a silent logger writes none', async () => {
    for (const [level, expected] of [
      ['warn', 1],
      ['silent', 0],
    ] as const) {
      const lines: string[] = [];
      const app = new Hono();
      app.use('*', requestLog(createLogger(level, (line) => lines.push(line))));
      app.get('/ok', (c) => c.json({}));
      app.get('/broken', (c) => c.json({}, 500));
      expect((await app.request('/ok')).status).toBe(200);
      expect((await app.request('/broken')).status).toBe(500);
      expect(lines).toHaveLength(expected);
      if (expected) expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', route: '/broken', status: 500 });
    }
  });
});
