import { z } from 'zod';
import { idParam, oneLineText } from '../../server/schemas.js';

/* Single sign-on: what the owner sets up, what a person signing in sends, what pages show. */

export const ssoParams = z.object({ orgId: idParam });
export const ssoDomainParams = z.object({ orgId: idParam, domainId: idParam });

const issuerField = z
  .string({ error: "Enter the provider's issuer URL." })
  .trim()
  .min(1, { error: "Enter the provider's issuer URL." })
  .max(500, { error: 'An issuer URL has at most 500 characters.' })
  .pipe(
    z.url({
      protocol: /^https?$/,
      error: 'Enter the issuer as a web address, e.g. https://login.example.com/tenant.',
    }),
  );

/** Roles a person can get by joining through the provider: never owner. */
export const jitRole = z.enum(['member', 'admin'], { error: 'Choose member or admin.' });

export const saveOidcBody = z.object({
  issuer: issuerField,
  clientId: oneLineText({ error: 'Enter the client id the provider gave you.' })
    .trim()
    .min(1, { error: 'Enter the client id the provider gave you.' })
    .max(500, { error: 'A client id has at most 500 characters.' }),
  /** Write-only: left out (or empty) keeps the saved one. */
  clientSecret: z.string().max(2000, { error: 'A client secret has at most 2,000 characters.' }).optional(),
  defaultRole: jitRole.default('member'),
  requireSso: z.boolean({ error: 'Say true or false.' }).default(false),
});
export type SaveOidcBody = z.input<typeof saveOidcBody>;

export const testOidcBody = z.object({ issuer: issuerField });
export type TestOidcBody = z.input<typeof testOidcBody>;

/** What discovery found at an issuer, or why it could not. */
export const discoveryView = z.union([
  z.object({
    ok: z.literal(true),
    issuer: z.string(),
    authorizationEndpoint: z.string(),
    tokenEndpoint: z.string(),
    userinfoEndpoint: z.string().nullable(),
    jwksUri: z.string().nullable(),
    scopes: z.array(z.string()),
    pkceMethods: z.array(z.string()),
    signingAlgorithms: z.array(z.string()),
  }),
  z.object({ ok: z.literal(false), problem: z.string() }),
]);
export type DiscoveryView = z.infer<typeof discoveryView>;

export const domainName = z
  .string({ error: 'Enter a domain, e.g. example.com.' })
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/\.$/, ''))
  .pipe(
    z
      .string()
      .max(253, { error: 'A domain has at most 253 characters.' })
      .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, {
        error: 'Enter a domain such as example.com: letters, digits, hyphens and dots, no @ or https://.',
      }),
  );
export const claimDomainBody = z.object({ domain: domainName });
export type ClaimDomainBody = z.input<typeof claimDomainBody>;

export const verifyDomainBody = z.object({
  /** The token from a confirmation mail (development with the outbox); without it, DNS is asked. */
  mailToken: z.string().min(1).max(200).optional(),
});
export type VerifyDomainBody = z.input<typeof verifyDomainBody>;

export const mailDomainBody = z.object({
  /** The local part of the address at the domain that gets the confirmation link (postmaster by default). */
  mailbox: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._+-]{1,64}$/, { error: 'Enter the part before the @, e.g. postmaster.' })
    .default('postmaster'),
});
export type MailDomainBody = z.input<typeof mailDomainBody>;

export const domainView = z.object({
  id: z.string(),
  domain: z.string(),
  /** The TXT record to publish: name and value. */
  txtName: z.string(),
  txtValue: z.string(),
  verifiedAt: z.string().nullable(),
});
export type DomainView = z.infer<typeof domainView>;

const metadataUrlField = z
  .string()
  .trim()
  .max(1000, { error: 'A metadata URL has at most 1,000 characters.' })
  .pipe(
    z.url({
      protocol: /^https?$/,
      error: "Enter the metadata's web address, e.g. https://idp.example.com/metadata.xml.",
    }),
  );
const metadataXmlField = z
  .string()
  .trim()
  .min(1, { error: "Paste or upload the provider's metadata XML." })
  .max(512 * 1024, { error: 'The metadata XML has at most 512 KiB.' });

/** Metadata by URL or by the XML itself: exactly one of them. */
function exactlyOneSource(
  v: { metadataUrl?: string | undefined; metadataXml?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (v.metadataUrl && v.metadataXml) {
    ctx.addIssue({ code: 'custom', path: ['metadataXml'], message: 'Give the metadata URL or its XML, not both.' });
  } else if (!v.metadataUrl && !v.metadataXml) {
    ctx.addIssue({
      code: 'custom',
      path: ['metadataUrl'],
      message: "Enter the provider's metadata URL, or paste or upload its metadata XML.",
    });
  }
}
export const readSamlMetadataBody = z
  .object({ metadataUrl: metadataUrlField.optional(), metadataXml: metadataXmlField.optional() })
  .superRefine(exactlyOneSource);
export type ReadSamlMetadataBody = z.input<typeof readSamlMetadataBody>;

export const saveSamlBody = z
  .object({
    metadataUrl: metadataUrlField.optional(),
    metadataXml: metadataXmlField.optional(),
    defaultRole: jitRole.default('member'),
    requireSso: z.boolean({ error: 'Say true or false.' }).default(false),
  })
  .superRefine(exactlyOneSource);
export type SaveSamlBody = z.input<typeof saveSamlBody>;

/** What Waymark read from an identity provider's metadata. */
export const samlMetadataView = z.object({
  entityId: z.string(),
  ssoUrl: z.string(),
  /** How people are sent there: HTTP-Redirect when offered, else HTTP-POST. */
  ssoBinding: z.enum(['redirect', 'post']),
  certificates: z.array(z.object({ subject: z.string(), notAfter: z.string(), fingerprint: z.string() })),
});
export type SamlMetadataView = z.infer<typeof samlMetadataView>;

export const samlConnectionParams = z.object({ connectionId: idParam });
export const samlAcsBody = z.object({
  SAMLResponse: z
    .string({ error: 'The provider sent no SAMLResponse.' })
    .min(1, { error: 'The provider sent no SAMLResponse.' })
    .max(512 * 1024, { error: 'A SAMLResponse has at most 512 KiB.' })
    .regex(/^[A-Za-z0-9+/=\s]+$/, { error: 'The SAMLResponse is not base64.' }),
  RelayState: z.string().max(1000).optional(),
});

export const ssoSettingsView = z.object({
  /** Where the provider sends people back: the owner pastes it into the provider. */
  callbackUrl: z.string(),
  /** Whether domains can be confirmed by a mailed link (development with the outbox). */
  mailConfirmation: z.boolean(),
  oidc: z
    .object({
      issuer: z.string(),
      clientId: z.string(),
      hasClientSecret: z.boolean(),
      defaultRole: jitRole,
      requireSso: z.boolean(),
      updatedAt: z.string(),
    })
    .nullable(),
  saml: samlMetadataView
    .extend({
      metadataUrl: z.string().nullable(),
      defaultRole: jitRole,
      requireSso: z.boolean(),
      updatedAt: z.string(),
      /** What the owner enters at the provider (or the metadata URL that says it all). */
      serviceProvider: z.object({
        entityId: z.string(),
        acsUrl: z.string(),
        metadataUrl: z.string(),
        nameIdFormat: z.string(),
      }),
    })
    .nullable(),
  domains: z.array(domainView),
});
export type SsoSettingsView = z.infer<typeof ssoSettingsView>;

export const startSsoBody = z.object({
  email: z
    .string({ error: 'Enter your work e-mail address.' })
    .trim()
    .toLowerCase()
    .max(254, { error: 'An e-mail address has at most 254 characters.' })
    .pipe(z.email({ error: 'Enter your work e-mail address.' })),
  /** Where in Waymark to go afterwards: a path. */
  next: z.string().max(500).optional(),
});
export type StartSsoBody = z.input<typeof startSsoBody>;
export const startSsoView = z.object({ redirectUrl: z.string(), organisation: z.string() });
export type StartSsoView = z.infer<typeof startSsoView>;

export const callbackQuery = z.looseObject({
  code: z.string().max(4000).optional(),
  state: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(500).optional(),
});
