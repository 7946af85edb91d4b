import { describe, expect, it } from 'vitest';
import { addMember } from '../src/test/factories.js';
import { expectNoAxeViolations, screenshot } from './support/browser.js';
import { serverAndBrowser, signUpWithOrganisation } from './support/session.js';

/*
 * An owner reads the organisation's audit log: a role change made on the members page is there with who, whom,
 * before and after; the kind filter and a person's link narrow it (in the address, so a reload keeps it); the
 * CSV downloads; the retention is changed and the change itself shows. axe at 1280 and 390 px.
 */

const env = serverAndBrowser();

describe('the audit log, as an owner reads it', () => {
  it('shows a role change, filters by kind and person, downloads CSV and changes the retention', async () => {
    const { page } = await signUpWithOrganisation(env, 'Olu Owner');
    const me = await (await page.request.get('/api/me')).json();
    const orgId = me.memberships[0].organizationId as string;
    const colleague = await addMember(env.server.ctx.db, { id: orgId } as Parameters<typeof addMember>[1], {
      name: 'Rhea Ross',
    });
    const changed = await page.request.patch(`/api/orgs/${orgId}/members/${colleague.id}`, { data: { role: 'admin' } });
    expect(changed.status(), await changed.text()).toBe(200);

    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Events, newest first' });
    const roleRow = table.getByRole('row').filter({ hasText: 'Changed a role' });
    await expect.poll(() => roleRow.textContent()).toContain('Rhea Ross');
    expect(await roleRow.textContent()).toContain('from: member · to: admin');
    await expectNoAxeViolations(page, 'audit log');

    await page.getByLabel('Kind of event').selectOption({ label: 'Changed a role' });
    await page.getByRole('button', { name: 'Show events' }).click();
    await expect.poll(() => page.url()).toContain('action=member.role_changed');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await page.reload();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await table.getByRole('link', { name: 'Rhea Ross' }).first().click();
    await page.getByText('Showing events by or about one person.').waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download these events as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^waymark-audit-\d{4}-\d\d-\d\d\.csv$/);

    await page.getByRole('button', { name: 'Show everyone' }).click();
    await page.getByLabel('Days to keep events').fill('0');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Keep events at least 1 day.').waitFor();
    await page.getByLabel('Days to keep events').fill('90');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved: events are kept for 90 days.').waitFor();
    await expect
      .poll(() => table.getByRole('row').nth(1).textContent())
      .toContain('Changed how long the audit log is kept');
    await screenshot(page, 'audit-log-1280');

    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'audit log at 390 px');
    await screenshot(page, 'audit-log-390');
  });
});
