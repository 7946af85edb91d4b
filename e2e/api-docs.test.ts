import { describe, expect, it } from 'vitest';
import { newPage, serverAndBrowser } from './support/session.js';

/*
 * The API docs page (Swagger UI) under its content security policy: it still works (every operation listed
 * from the OpenAPI document), the browser reports no violation, and another site cannot frame it.
 */

const env = serverAndBrowser();

describe('API docs', () => {
  it('render under their content security policy, and refuse to be framed', async () => {
    const { page } = await newPage(env);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    const res = await page.goto('/api/docs/');
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByText('Waymark API').first().waitFor();
    // Operations are listed from the OpenAPI document (Swagger UI renders the sections as they scroll in).
    await page.getByText('/api/auth/sign-in', { exact: true }).waitFor();
    await page.screenshot({ path: '.tmp/api-docs.png' });
    expect(violations).toEqual([]);

    // Framed by another page: the browser refuses to show it.
    const framing = await page.context().newPage();
    await framing.setContent(`<iframe src="${env.server.baseUrl}/api/docs/" title="docs"></iframe>`);
    await framing.waitForTimeout(1000);
    const framed = framing.frames().find((f) => f.url().includes('/api/docs'));
    expect(
      await framed
        ?.locator('.opblock')
        .count()
        .catch(() => 0),
    ).toBeFalsy();
  });
});
