import { Link } from 'react-router';
import { FormError } from '../../components/form-error';
import { formatDateOf } from '../../lib/dates';
import { bakedBadgeUrl, credentialDownloadUrl, credentialJwtUrl, useMyBadges } from './badges-api';

/**
 * The portfolio's "Badges": what the learner was awarded, each with its credential to download (as JSON, or baked
 * into the badge image, PNG or SVG), the public verification page they may share, and LinkedIn's Add to Profile.
 */
export function MyBadges({ orgId }: { orgId: string }) {
  const badges = useMyBadges(orgId);
  const awards = badges.data?.awards ?? [];
  return (
    <section aria-labelledby="badges-heading">
      <h2 id="badges-heading">Badges</h2>
      <FormError error={badges.error} />
      {badges.isSuccess && awards.length === 0 && (
        <p className="notice">Badges your organisation awards you appear here, as credentials you can take anywhere.</p>
      )}
      <p>
        <Link to={`/orgs/${orgId}/recognition`}>Ask for recognition of an achieved goal</Link>
      </p>
      <ul className="cards">
        {awards.map((award) => (
          <li key={award.id}>
            <article className="card" aria-label={award.achievementName}>
              <img src={award.image} alt="" width={64} height={64} />
              <h3>{award.achievementName}</h3>
              <p className="hint">
                Awarded {formatDateOf(award.issuedAt)}
                {award.expiresAt && ` · valid until ${formatDateOf(award.expiresAt)}`}
              </p>
              {award.revokedAt && (
                <p className="notice">
                  Revoked {formatDateOf(award.revokedAt)}: {award.revokedReason}
                </p>
              )}
              <p>{award.reason}</p>
              <div className="actions">
                <a href={bakedBadgeUrl(award.id, 'png')} download>
                  Download the badge<span className="visually-hidden"> {award.achievementName}</span> (PNG)
                </a>
                <a href={bakedBadgeUrl(award.id, 'svg')} download>
                  Download the badge<span className="visually-hidden"> {award.achievementName}</span> (SVG)
                </a>
                <a href={credentialDownloadUrl(award.id)} download>
                  Download the credential<span className="visually-hidden"> {award.achievementName}</span> (JSON)
                </a>
                <a href={credentialJwtUrl(award.id)} download>
                  Download the credential<span className="visually-hidden"> {award.achievementName}</span> (VC-JWT)
                </a>
                <a href={award.verificationUrl}>
                  Verification page<span className="visually-hidden"> of {award.achievementName}</span>
                </a>
                {!award.revokedAt && (
                  <a href={award.addToLinkedInUrl} target="_blank" rel="noopener noreferrer">
                    Add to LinkedIn profile
                    <span className="visually-hidden">: {award.achievementName} (opens LinkedIn in a new tab)</span>
                  </a>
                )}
              </div>
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
