import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../server/context.js';
import { conflict, notFound, validationError } from '../../server/errors.js';
import { secretCipher } from '../../server/sealed-secret.js';
import { inTransaction } from '../../server/transaction.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import { checkIssuerAddress, describeIssuer, OidcProblem } from './oidc-client.js';
import { samlView } from './saml-view.js';
import {
  type ConnectionRow,
  type DomainRow,
  deleteConnection,
  deleteDomain,
  domainVerifiedElsewhere,
  findConnection,
  findDomain,
  insertConnection,
  insertDomain,
  listConnections,
  listDomains,
  markDomainVerified,
  updateConnection,
} from './sso.repository.js';
import type { DiscoveryView, DomainView, SaveOidcBody, SsoSettingsView } from './sso.schema.js';

/*
 * An owner sets up single sign-on: the OIDC connection (SAML's: saml-settings.service.ts) (issuer, client id, the client secret sealed and never
 * shown again, the role people join with, whether passwords are refused) and the mail domains the organisation
 * proves it holds. Every change is in the audit log; the secret never is.
 */

export const CALLBACK_PATH = '/api/sso/oidc/callback';
const TXT_PREFIX = '_waymark';
const TXT_VALUE_PREFIX = 'waymark-verification=';

/** The client secret sealed with a key of its own (HKDF from AUTH_SECRET, purpose "SSO client secrets"). */
export const ssoSecrets = (ctx: AppContext) =>
  secretCipher(ctx.authSecret, {
    salt: 'waymark-sso',
    info: 'waymark sso connection client secrets v1',
    what: 'An SSO client secret',
  });

export const callbackUrlOf = (ctx: AppContext) => `${ctx.config.baseUrl}${CALLBACK_PATH}`;

/** Domains are confirmed by a mailed link only where nobody but the operator reads mail: development's outbox. */
const mailConfirmationOn = (ctx: AppContext) => ctx.mailer.mode === 'outbox' && ctx.config.NODE_ENV !== 'production';

function domainView(d: DomainRow): DomainView {
  return {
    id: d.id,
    domain: d.domain,
    txtName: `${TXT_PREFIX}.${d.domain}`,
    txtValue: `${TXT_VALUE_PREFIX}${d.verificationToken}`,
    verifiedAt: d.verifiedAt?.toISOString() ?? null,
  };
}

function oidcView(c: ConnectionRow | undefined): SsoSettingsView['oidc'] {
  if (!c) return null;
  return {
    issuer: c.config.issuer ?? '',
    clientId: c.config.clientId ?? '',
    hasClientSecret: c.secretSealed !== null,
    defaultRole: c.defaultRole === 'admin' ? 'admin' : 'member',
    requireSso: c.requireSso,
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** Refuses to set up one protocol while the other is: an organisation signs in one way. */
export async function refuseOtherProtocol(db: AppContext['db'], orgId: string, other: 'oidc' | 'saml') {
  if (await findConnection(db, orgId, other)) {
    const name = other === 'oidc' ? 'OpenID Connect' : 'SAML';
    throw conflict(`${name} is set up for this organisation: remove it first.`, {
      protocol: `${name} is set up already; an organisation signs in with one protocol. Remove it first.`,
    });
  }
}

/** The organisation's single sign-on set-up, as its owners see it (never the secret). */
export async function getSsoSettings(ctx: AppContext, actor: Actor, orgId: string): Promise<SsoSettingsView> {
  await requireAccess(ctx, actor, 'sso:manage', { org: orgId });
  const [connections, domains] = await Promise.all([listConnections(ctx.db, orgId), listDomains(ctx.db, orgId)]);
  return {
    callbackUrl: callbackUrlOf(ctx),
    mailConfirmation: mailConfirmationOn(ctx),
    oidc: oidcView(connections.find((c) => c.protocol === 'oidc')),
    saml: samlView(
      ctx,
      connections.find((c) => c.protocol === 'saml'),
    ),
    domains: domains.map(domainView),
  };
}

/**
 * Saves the OIDC connection. The issuer must be one the server may call; a new connection needs its client
 * secret, a changed one keeps the saved secret unless a new one is given.
 */
export async function saveOidcConnection(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: SaveOidcBody & { defaultRole: 'member' | 'admin'; requireSso: boolean },
): Promise<SsoSettingsView> {
  await requireAccess(ctx, actor, 'sso:manage', { org: orgId });
  try {
    await checkIssuerAddress(ctx, input.issuer);
  } catch (err) {
    if (err instanceof OidcProblem) throw validationError({ issuer: err.message });
    throw err;
  }
  const secret = input.clientSecret?.trim() ? ssoSecrets(ctx).encrypt(input.clientSecret.trim()) : undefined;
  await inTransaction(ctx, async (tx) => {
    await refuseOtherProtocol(tx.db, orgId, 'saml');
    const existing = await findConnection(tx.db, orgId);
    const config = { issuer: input.issuer.replace(/\/$/, ''), clientId: input.clientId };
    const values = { config, defaultRole: input.defaultRole, requireSso: input.requireSso };
    if (!existing && !secret) throw validationError({ clientSecret: 'Enter the client secret the provider gave you.' });
    if (existing) await updateConnection(tx.db, existing.id, { ...values, ...(secret && { secretSealed: secret }) });
    else
      await insertConnection(tx.db, {
        id: randomUUID(),
        organizationId: orgId,
        protocol: 'oidc',
        ...values,
        secretSealed: secret ?? null,
      });
    await recordAudit(tx.db, auditActorOf(actor), {
      orgId,
      action: 'sso.configured',
      target: { kind: 'sso_connection', name: 'OpenID Connect' },
      details: {
        issuer: config.issuer,
        clientId: config.clientId,
        defaultRole: input.defaultRole,
        requireSso: input.requireSso,
        secretChanged: secret !== undefined,
        ...(existing && existing.requireSso !== input.requireSso && { requireSsoBefore: existing.requireSso }),
      },
    });
  });
  return getSsoSettings(ctx, actor, orgId);
}

/** Removes the OIDC connection: people of the organisation sign in with passwords again. */
export async function removeOidcConnection(ctx: AppContext, actor: Actor, orgId: string): Promise<void> {
  await requireAccess(ctx, actor, 'sso:manage', { org: orgId });
  await inTransaction(ctx, async (tx) => {
    const existing = await findConnection(tx.db, orgId);
    if (!existing) throw notFound('Single sign-on');
    await deleteConnection(tx.db, existing.id);
    await recordAudit(tx.db, auditActorOf(actor), {
      orgId,
      action: 'sso.removed',
      target: { kind: 'sso_connection', name: 'OpenID Connect' },
      details: { issuer: existing.config.issuer ?? null },
    });
  });
}

/** "Test the connection": discovery at the issuer, what it found or why it failed. */
export async function testOidcIssuer(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  issuer: string,
): Promise<DiscoveryView> {
  await requireAccess(ctx, actor, 'sso:manage', { org: orgId });
  return describeIssuer(ctx, issuer.replace(/\/$/, ''));
}

/** Claims a mail domain; it counts once verified. Claiming one the organisation claimed already answers it again. */
export async function claimDomain(ctx: AppContext, actor: Actor, orgId: string, domain: string): Promise<DomainView> {
  await requireAccess(ctx, actor, 'sso:manage', { org: orgId });
  return inTransaction(ctx, async (tx) => {
    if (await domainVerifiedElsewhere(tx.db, orgId, domain)) {
      throw conflict('Another organisation has verified this domain.', {
        domain: 'Another organisation in Waymark has verified this domain already.',
      });
    }
    const id = randomUUID();
    const created = await insertDomain(tx.db, {
      id,
      organizationId: orgId,
      domain,
      verificationToken: randomBytes(18).toString('base64url'),
    });
    if (!created) {
      const mine = (await listDomains(tx.db, orgId)).find((d) => d.domain === domain);
      if (mine) return domainView(mine);
      throw conflict('This domain could not be claimed.');
    }
    await recordAudit(tx.db, auditActorOf(actor), {
      orgId,
      action: 'sso.domain_claimed',
      target: { kind: 'sso_domain', id, name: domain },
    });
    return domainView(created);
  });
}

/** The proof a confirmation mail carries: derived from the domain's token, never shown on the page. */
function mailProof(ctx: AppContext, d: DomainRow): string {
  return createHmac('sha256', ctx.authSecret)
    .update(`sso-domain-mail:${d.id}:${d.verificationToken}`)
    .digest('base64url');
}

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Whether the domain's TXT record holds the token; DNS failures say what to check. */
async function txtProves(ctx: AppContext, d: DomainRow): Promise<true | string> {
  const name = `${TXT_PREFIX}.${d.domain}`;
  const expected = `${TXT_VALUE_PREFIX}${d.verificationToken}`;
  try {
    const records = await ctx.dns.resolveTxt(name);
    if (records.some((parts) => parts.join('') === expected)) return true;
    return `The TXT record at ${name} does not hold ${expected} yet. DNS changes can take a while: try again later.`;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOTFOUND' || code === 'ENODATA') {
      return `There is no TXT record at ${name} yet. Add it at your DNS provider; changes can take a while to show.`;
    }
    return `DNS could not be asked about ${name} just now (${code ?? 'no answer'}). Try again in a few minutes.`;
  }
}

/**
 * Verifies a claimed domain by its DNS TXT record, or by the proof from a confirmation mail (development with the
 * outbox). Not proven: 400 saying what was found. Another organisation verified it first: 409.
 */
export async function verifyDomain(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  domainId: string,
  mailToken?: string,
): Promise<DomainView> {
  await requireAccess(ctx, actor, 'sso:manage', { org: orgId });
  const d = await findDomain(ctx.db, orgId, domainId);
  if (!d) throw notFound('Domain');
  if (d.verifiedAt) return domainView(d);
  if (mailToken !== undefined) {
    if (!mailConfirmationOn(ctx) || !sameText(mailToken, mailProof(ctx, d))) {
      throw validationError({ mailToken: 'This confirmation link is not valid for this domain.' });
    }
  } else {
    const proven = await txtProves(ctx, d);
    if (proven !== true) throw validationError({ domain: proven }, 'The domain is not verified yet.');
  }
  return inTransaction(ctx, async (tx) => {
    if (await domainVerifiedElsewhere(tx.db, orgId, d.domain)) {
      throw conflict('Another organisation has verified this domain.', {
        domain: 'Another organisation in Waymark has verified this domain already.',
      });
    }
    const verified = (await markDomainVerified(tx.db, d.id)) ?? d;
    await recordAudit(tx.db, auditActorOf(actor), {
      orgId,
      action: 'sso.domain_verified',
      target: { kind: 'sso_domain', id: d.id, name: d.domain },
      details: { by: mailToken === undefined ? 'dns' : 'mail' },
    });
    return domainView(verified);
  });
}

/** Development with the outbox: mails a confirmation link for the domain to an address there. */
export async function mailDomainConfirmation(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  domainId: string,
  mailbox: string,
): Promise<string> {
  await requireAccess(ctx, actor, 'sso:manage', { org: orgId });
  if (!mailConfirmationOn(ctx)) {
    throw conflict('Domains are confirmed by mail only in development with the outbox: add the DNS TXT record.');
  }
  const d = await findDomain(ctx.db, orgId, domainId);
  if (!d) throw notFound('Domain');
  const to = `${mailbox}@${d.domain}`;
  const link = `${ctx.config.baseUrl}/orgs/${orgId}/sso?domain=${d.id}&confirm=${mailProof(ctx, d)}`;
  await ctx.mailer.send({
    to,
    subject: `Confirm that ${d.domain} belongs to your organisation`,
    text: `Someone set up single sign-on in Waymark and claims ${d.domain} for their organisation.\n\nIf that is right, open this link while signed in as the organisation's owner and press Confirm:\n${link}\n\nIf not, ignore this mail.`,
  });
  return to;
}

export async function removeDomain(ctx: AppContext, actor: Actor, orgId: string, domainId: string): Promise<void> {
  await requireAccess(ctx, actor, 'sso:manage', { org: orgId });
  await inTransaction(ctx, async (tx) => {
    const d = await findDomain(tx.db, orgId, domainId);
    if (!d) throw notFound('Domain');
    await deleteDomain(tx.db, d.id);
    await recordAudit(tx.db, auditActorOf(actor), {
      orgId,
      action: 'sso.domain_removed',
      target: { kind: 'sso_domain', id: d.id, name: d.domain },
    });
  });
}
