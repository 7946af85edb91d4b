import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults: port 3000 and PGlite in ./data', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.databaseKind).toBe('pglite');
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.baseUrl).toBe('http://localhost:3000');
  });

  it('switches to PostgreSQL with DATABASE_URL and treats empty values as unset', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', SMTP_URL: '' });
    expect(c.databaseKind).toBe('postgres');
    expect(c.SMTP_URL).toBeUndefined();
  });

  it('stops with a message naming each bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://x' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/DATABASE_URL: must be a postgres/);
      expect((err as Error).message).toMatch(/SMTP_URL/);
    }
  });

  it('requires AUTH_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'short' })).toThrow(/at least 32/);
  });
});
