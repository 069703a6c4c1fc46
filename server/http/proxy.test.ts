import { describe, expect, it } from 'vitest';
import { configFromEnv, loadConfig } from '../config';
import { clientAddress } from './proxy';

describe('the client address behind proxies', () => {
  it('believes no X-Forwarded-For unless told to', () => {
    expect(clientAddress('203.0.113.9', '1.2.3.4', false)).toBe('203.0.113.9');
  });

  it('takes the right-most entry with one trusted hop, whatever the client wrote to the left', () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the address it saw.
    expect(clientAddress('10.0.0.2', '6.6.6.6, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.2', '198.51.100.7', 1)).toBe('198.51.100.7');
    // Two proxies (a CDN then nginx): the second entry from the right.
    expect(clientAddress('10.0.0.2', '6.6.6.6, 198.51.100.7, 172.16.0.5', 2)).toBe('198.51.100.7');
  });

  it('with a list, skips only the listed proxies from the right', () => {
    const trust = ['10.0.0.0/8', '::1'];
    expect(clientAddress('10.0.0.2', '6.6.6.6, 198.51.100.7, 10.1.2.3', trust)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:10.0.0.2', '6.6.6.6, 198.51.100.7', trust)).toBe('198.51.100.7');
    // A connection not from a listed proxy: its header is the client's own words.
    expect(clientAddress('203.0.113.9', '6.6.6.6', trust)).toBe('203.0.113.9');
  });

  it('reads LINLI_TRUST_PROXY as a hop count or a list, and names a bad entry', () => {
    expect(loadConfig(configFromEnv({ LINLI_TRUST_PROXY: '1' })).trustProxy).toBe(1);
    expect(loadConfig(configFromEnv({ LINLI_TRUST_PROXY: 'true' })).trustProxy).toBe(1);
    expect(loadConfig(configFromEnv({ LINLI_TRUST_PROXY: 'false' })).trustProxy).toBe(false);
    expect(loadConfig(configFromEnv({ LINLI_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' })).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    expect(() => loadConfig(configFromEnv({ LINLI_TRUST_PROXY: '10.0.0.0/99' }))).toThrow(
      /trustProxy.*10\.0\.0\.0\/99/,
    );
  });
});
