import { describe, expect, it } from 'vitest';
import { allowedOrigins, ConfigError, configFromEnv, loadConfig, publicUrlOf } from '../../server/config';

describe('server configuration', () => {
  it('has safe defaults', () => {
    const config = loadConfig();
    expect(config).toMatchObject({ port: 8787, host: '127.0.0.1', db: './linli.db', demo: false, logLevel: 'info' });
    expect(config.rateLimits.openBallot.burst).toBeGreaterThan(0);
    expect(allowedOrigins(config).size).toBe(0);
  });

  it('reads LINLI_* variables, and flags override them', () => {
    const env = configFromEnv({
      LINLI_PORT: '9000',
      LINLI_CORS_ORIGINS: 'https://a.example.org, https://b.example.org',
      LINLI_SITES: '{"district": ["https://district.example.org"]}',
      LINLI_TRUST_PROXY: 'true',
    });
    const config = loadConfig(env, { port: 9100 });
    expect(config.port).toBe(9100);
    expect(config.trustProxy).toBe(1);
    expect([...allowedOrigins(config)].sort()).toEqual([
      'https://a.example.org',
      'https://b.example.org',
      'https://district.example.org',
    ]);
    expect(publicUrlOf(config)).toBe('http://127.0.0.1:9100');
    expect(publicUrlOf({ ...config, publicUrl: 'https://linli.example.org/' })).toBe('https://linli.example.org');
  });

  it('names the bad setting', () => {
    expect(() => loadConfig({ sites: { x: ['https://a.example.org/path'] } })).toThrow(ConfigError);
    expect(() => loadConfig({ sites: { x: ['https://a.example.org/path'] } })).toThrow(/sites\.x\.origins\[0\]/);
    expect(() => loadConfig({ port: 70_000 })).toThrow(/port/);
    expect(() => configFromEnv({ LINLI_SITES: '{oops' })).toThrow(/LINLI_SITES/);
  });
});
