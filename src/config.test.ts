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

  it('keeps files in the database with DATABASE_URL and on disk with PGlite, unless FILE_STORE says otherwise', () => {
    expect(loadConfig({}).fileStore).toBe('disk');
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).fileStore).toBe('database');
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', FILE_STORE: 'disk' }).fileStore).toBe('disk');
    expect(loadConfig({ FILE_STORE: 'database' }).fileStore).toBe('database');
    expect(() => loadConfig({ FILE_STORE: 's3' })).toThrow(/FILE_STORE: must be disk or database/);
  });

  it('requires AUTH_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'short' })).toThrow(/at least 32/);
  });

  it('refuses to start in production without SMTP_URL unless mail is kept for the command line on purpose', () => {
    const secret = { NODE_ENV: 'production', AUTH_SECRET: 'a-production-secret-that-is-long-enough' };
    expect(() => loadConfig(secret)).toThrow(/SMTP_URL: required when NODE_ENV=production[\s\S]*MAIL_TRANSPORT=outbox/);
    expect(loadConfig({ ...secret, MAIL_TRANSPORT: 'outbox' }).mailTransport).toBe('outbox');
    expect(loadConfig({ ...secret, SMTP_URL: 'smtp://mail.example.test:587' }).mailTransport).toBe('smtp');
    // Development keeps mail for the command line without being asked.
    expect(loadConfig({}).mailTransport).toBe('outbox');
  });

  it('names the conflict when MAIL_TRANSPORT and SMTP_URL disagree', () => {
    expect(() => loadConfig({ MAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_URL: required when MAIL_TRANSPORT=smtp/);
    expect(() => loadConfig({ MAIL_TRANSPORT: 'outbox', SMTP_URL: 'smtp://mail.example.test' })).toThrow(
      /MAIL_TRANSPORT: outbox keeps mail unsent, but SMTP_URL is set/,
    );
    expect(() => loadConfig({ MAIL_TRANSPORT: 'pigeon' })).toThrow(/MAIL_TRANSPORT: must be smtp or outbox/);
  });
});
