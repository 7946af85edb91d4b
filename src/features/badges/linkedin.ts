/*
 * "Add to LinkedIn profile": LinkedIn's Add to Profile link for certifications, a plain link that opens the
 * member's own profile with the form filled in (nothing is sent to LinkedIn by us, no API key). Parameters as
 * LinkedIn documents them ("Add to Profile for Certifications"): startTask=CERTIFICATION_NAME, name,
 * organizationName (or a LinkedIn organizationId, which an issuer here does not have), issueYear/issueMonth,
 * expirationYear/expirationMonth, certUrl (the public verification page) and certId.
 */

export const LINKEDIN_ADD_TO_PROFILE = 'https://www.linkedin.com/profile/add';

export type LinkedInCertification = {
  name: string;
  organizationName: string;
  issuedAt: Date;
  expiresAt: Date | null;
  certUrl: string;
  certId: string;
};

/** The Add to Profile address for one badge; months are 1-12, in UTC like the credential's dates. */
export function addToLinkedInUrl(cert: LinkedInCertification): string {
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: cert.name,
    organizationName: cert.organizationName,
    issueYear: String(cert.issuedAt.getUTCFullYear()),
    issueMonth: String(cert.issuedAt.getUTCMonth() + 1),
  });
  if (cert.expiresAt) {
    params.set('expirationYear', String(cert.expiresAt.getUTCFullYear()));
    params.set('expirationMonth', String(cert.expiresAt.getUTCMonth() + 1));
  }
  params.set('certUrl', cert.certUrl);
  params.set('certId', cert.certId);
  return `${LINKEDIN_ADD_TO_PROFILE}?${params}`;
}

/** The name of the issuer a credential states (what LinkedIn should show as the issuing organisation). */
export function issuerNameOf(credential: Record<string, unknown>): string {
  const issuer = credential.issuer as { name?: unknown } | string | undefined;
  return typeof issuer === 'object' && typeof issuer?.name === 'string' ? issuer.name : '';
}
