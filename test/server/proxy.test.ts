import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config';
import { pollBody, TestServer } from './harness';

describe('LINLI_TRUST_PROXY=1 behind one reverse proxy', () => {
  const t = new TestServer(configFromEnv({ LINLI_TRUST_PROXY: '1' }));
  beforeAll(async () => {
    await t.start();
    await t.staff('POST', '/consultations', { body: pollBody('parking') });
  });
  afterAll(() => t.dispose());

  it('limits open ballots by the address the proxy saw, not by what the client wrote in X-Forwarded-For', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      const res = await t.call('POST', '/consultations/parking/ballots', {
        body: { choices: ['a'], voterKey: `spoofing-browser-${i}` },
        // A fresh made-up address on the left each time; the proxy appends the real one on the right.
        headers: { 'x-forwarded-for': `6.6.${i}.${i}, 198.51.100.7` },
      });
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);
    // Another real client behind the same proxy is not affected.
    const other = await t.call('POST', '/consultations/parking/ballots', {
      body: { choices: ['b'], voterKey: 'honest-browser-01' },
      headers: { 'x-forwarded-for': '198.51.100.8' },
    });
    expect(other.status).toBe(201);
  });
});
