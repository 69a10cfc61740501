import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config';

describe('configuration from the environment', () => {
  it('has defaults a newcomer can run with', () => {
    const config = configFromEnv({});
    expect(config).toMatchObject({ port: 3000, seed: 'demo', databaseUrl: null, publicUrl: null, trustProxy: false });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('reads the settings, and refuses ones that make no sense', () => {
    expect(configFromEnv({ PORT: '8080', NEWSROOM_SEED: 'none', NEWSROOM_TRUST_PROXY: '1', NEWSROOM_PUBLIC_URL: 'https://news.example.org/x' })).toMatchObject({
      port: 8080,
      seed: 'none',
      trustProxy: 1,
      publicUrl: 'https://news.example.org',
    });
    expect(configFromEnv({ NEWSROOM_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
    expect(() => configFromEnv({ NEWSROOM_SEED: 'lots' })).toThrow(/NEWSROOM_SEED/);
    expect(() => configFromEnv({ NEWSROOM_PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/NEWSROOM_PUBLIC_URL/);
    expect(() => configFromEnv({ NEWSROOM_PUBLIC_URL: 'not a url' })).toThrow(/NEWSROOM_PUBLIC_URL/);
  });
});
