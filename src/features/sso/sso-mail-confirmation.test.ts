import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outboxMessage } from '../../db/schema/index.js';
import { createTestApp } from '../../test/app.js';
import { createOrg } from '../../test/factories.js';

/*
 * In development, mail stays in the outbox for the operator, and a domain can be confirmed from a link mailed to
 * an address there instead of DNS: the link's proof is not the TXT value shown on the page, and works for its
 * own domain only.
 */

const t = await createTestApp({ mailer: 'outbox' });

describe('confirming a domain by mail (development, outbox)', () => {
  it('mails a link to an address at the domain; its proof verifies that domain and no other', async () => {
    const { org, owner } = await createOrg(t.db);
    const session = { cookie: await t.sessionFor(owner.id) };
    const url = `/api/orgs/${org.id}/sso/domains`;
    const domain = `dev-${randomUUID().slice(0, 8)}.test`;
    const claimed = await t.callOk('POST', url, session, { domain });
    const other = await t.callOk('POST', url, session, { domain: `other-${domain}` });
    expect((await t.callOk('GET', `/api/orgs/${org.id}/sso`, session)).mailConfirmation).toBe(true);

    const sent = await t.call('POST', `${url}/${claimed.id}/mail`, session, { mailbox: 'IT' });
    expect(sent).toEqual({
      status: 202,
      body: { message: `A confirmation link is on its way to it@${domain} (the outbox).` },
    });
    const [mail] = await t.db
      .select()
      .from(outboxMessage)
      .where(eq(outboxMessage.to, `it@${domain}`));
    const link = new URL(/https?:\/\/\S+/.exec(mail?.text ?? '')?.[0] ?? '');
    expect(link.pathname).toBe(`/orgs/${org.id}/sso`);
    expect(link.searchParams.get('domain')).toBe(claimed.id);
    const proof = link.searchParams.get('confirm') ?? '';
    expect(claimed.txtValue).not.toContain(proof);

    // The proof belongs to its domain: another domain, or the TXT token, are refused.
    const elsewhere = await t.call('POST', `${url}/${other.id}/verify`, session, { mailToken: proof });
    expect(elsewhere.body.error.fields.mailToken).toBe('This confirmation link is not valid for this domain.');
    const txtToken = claimed.txtValue.replace('waymark-verification=', '');
    expect((await t.call('POST', `${url}/${claimed.id}/verify`, session, { mailToken: txtToken })).status).toBe(400);

    const verified = await t.callOk('POST', `${url}/${claimed.id}/verify`, session, { mailToken: proof });
    expect(verified.verifiedAt).toEqual(expect.any(String));
    const audit = await t.callOk('GET', `/api/orgs/${org.id}/audit?action=sso.domain_verified`, session);
    expect(audit.events[0].details).toEqual({ by: 'mail' });
  });
});
