import { request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/browser.js';
import { colleagueJoins, learnerWithPlan, serverAndBrowser } from './support/session.js';

/*
 * Provisioning as an owner sets it up and a learner lives it: the owner copies the tenant URL and makes a SCIM
 * token on Organisation → Provisioning (SCIM); the directory (a request context with the token, as Entra ID would
 * call) takes over a colleague and suspends them; the colleague is told on their next page, by whom, and downloads
 * their plan; the token's last use shows, and revoking it refuses the directory. axe at 1280 and 390 px.
 */

const env = serverAndBrowser();
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

describe('provisioning from the directory', () => {
  it('is set up by the owner, suspends a colleague who is told how to get their plans, and stops when revoked', async () => {
    const { page: owner, orgId } = await learnerWithPlan(env, 'Olive Owner', 'Directory Library', []);
    const colleague = await colleagueJoins(env, owner, orgId, 'Cora Colleague');
    const colleagueMe = await (await colleague.request.get('/api/me')).json();
    const plan = await (
      await colleague.request.post('/api/plans', { data: { organizationId: orgId, cycle: '2027', title: 'Mine' } })
    ).json();

    await owner.goto(`/orgs/${orgId}`);
    await owner.getByRole('link', { name: 'Provisioning (SCIM)' }).click();
    await owner.getByRole('heading', { name: 'Provisioning (SCIM)', level: 1 }).waitFor();
    expect(await owner.getByLabel('Tenant URL (SCIM base URL)').inputValue()).toBe(`${env.server.baseUrl}/scim/v2`);
    await owner.getByLabel('Name', { exact: true }).fill('Entra ID');
    await owner.getByRole('button', { name: 'Make the token' }).click();
    const secret = await owner.getByLabel('The secret of “Entra ID”').inputValue();
    expect(secret).toMatch(/^wms_/);
    await expectNoAxeViolations(owner, 'provisioning with a new token');

    const entra = await request.newContext({
      baseURL: env.server.baseUrl,
      extraHTTPHeaders: { authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json' },
    });
    const created = await entra.post('/scim/v2/Users', {
      data: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: colleagueMe.user.email,
        active: true,
        displayName: 'Cora Colleague',
      },
    });
    expect(created.status()).toBe(201);
    const id = (await created.json()).id;
    const suspended = await entra.patch(`/scim/v2/Users/${id}`, {
      data: { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] },
    });
    expect(suspended.status()).toBe(204);

    await colleague.goto('/settings');
    const notice = colleague.getByRole('region', { name: 'Your access is suspended' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain("Directory Library is suspended by the organisation's directory");
    const pdf = notice.getByRole('link', { name: 'PDF' });
    expect(await pdf.getAttribute('href')).toBe(`/api/plans/${plan.id}/export?format=pdf`);
    expect((await colleague.request.get(`/api/plans/${plan.id}/export?format=json`)).status()).toBe(200);
    expect((await colleague.request.get(`/api/orgs/${orgId}`)).status()).toBe(404);
    await expectNoAxeViolations(colleague, 'the suspended notice');

    // The owner sees them suspended in the member list, and by whom.
    await owner.goto(`/orgs/${orgId}/members`);
    await owner.getByText("Suspended by the organisation's directory since").waitFor();
    await expectNoAxeViolations(owner, 'the member list with a suspended member');
    await owner.goBack();
    await owner.reload();
    const row = owner.getByRole('row').filter({ hasText: 'Entra ID' });
    await expect.poll(() => row.textContent()).toContain('127.0.0.1');
    await owner.getByRole('radio', { name: /Roles/ }).check();
    await owner.getByRole('button', { name: 'Save' }).click();
    await owner.getByText("Name the directory's group whose members are L&D admins.").waitFor();
    await owner.getByLabel('The group of L&D admins').fill('Waymark admins');
    await owner.getByRole('button', { name: 'Save' }).click();
    await owner.getByText(/^Saved and applied to everyone the directory provisioned/).waitFor();
    await row.getByRole('button', { name: 'Revoke Entra ID' }).click();
    await owner.getByRole('button', { name: 'Revoke the token' }).click();
    await expect.poll(() => row.textContent()).toContain('Revoked');
    expect((await entra.get('/scim/v2/Users')).status()).toBe(401);
    await entra.dispose();
    await owner.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(owner, 'provisioning at 390 px');

    await owner.goto(`/orgs/${orgId}/audit`);
    const table = owner.getByRole('table', { name: 'Events, newest first' });
    await expect.poll(() => table.textContent()).toContain('Made a SCIM provisioning token');
    const text = await table.textContent();
    expect(text).toContain("The directory suspended a person's access");
    expect(text).toContain('Revoked a SCIM provisioning token');
  });
});
