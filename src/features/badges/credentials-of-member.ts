import type { Database } from '../../db/client.js';
import { awardsOfMember } from './badges.repository.js';
import type { Credential } from './credential.js';
import { credentialUrl } from './credential.js';

/*
 * A learner's badges as other features hand them on: in the learner's export (the signed credentials as issued),
 * and on a portfolio link they chose to show them on (what the public verification page shows anyway).
 */

/**
 * Every credential the member holds in the organisation, the signed JSON exactly as issued (parsed, so an export
 * holds it as JSON, not as a string), with whether it was revoked since. Newest first.
 */
export async function credentialsOfMember(db: Database, memberId: string) {
  return (await awardsOfMember(db, memberId)).map(({ award }) => ({
    credential: JSON.parse(award.credential) as Credential,
    revoked: award.revokedAt !== null,
    revokedAt: award.revokedAt?.toISOString() ?? null,
    revokedReason: award.revokedReason,
  }));
}

/** The member's badges that stand (not revoked), each with its public verification page. */
export async function badgesToShow(db: Database, baseUrl: string, memberId: string) {
  return (await awardsOfMember(db, memberId))
    .filter((r) => !r.award.revokedAt)
    .map((r) => ({
      id: r.award.id,
      achievementName: r.achievementName,
      image: r.achievementImage,
      issuedAt: r.award.issuedAt.toISOString(),
      expiresAt: r.award.expiresAt?.toISOString() ?? null,
      verificationUrl: credentialUrl(baseUrl, r.award.id),
    }));
}
