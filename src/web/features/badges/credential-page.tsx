import { Link, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { ApiError } from '../../lib/api';
import { bakedBadgeUrl, credentialDownloadUrl, credentialJwtUrl, usePublicCredential } from './badges-api';
import { badgeNameOf, CredentialSummary, type ShownCredential } from './credential-summary';

/**
 * A credential's public verification page, at the link its learner shares: anonymous by design, it shows what the
 * credential itself holds and what verifying it found, in words.
 */
export function CredentialPage() {
  const { awardId = '' } = useParams();
  const found = usePublicCredential(awardId);
  const credential = found.data?.credential as ShownCredential | undefined;
  const name = badgeNameOf(credential);
  useTitle(name ? `Badge: ${name}` : 'Badge');
  if (found.isPending) return <p role="status">Checking the credential…</p>;
  if (found.error) {
    if (found.error instanceof ApiError && found.error.status === 404) {
      return (
        <section>
          <h1>No such credential</h1>
          <p>There is no credential at this address. Check the link you were given.</p>
        </section>
      );
    }
    return <FormError error={found.error} />;
  }
  return (
    <section className="credential">
      <h1>{name ?? 'Badge'}</h1>
      <CredentialSummary credential={credential} verification={found.data.verification} headingLevel={2} />
      <h2>Take it with you</h2>
      <p className="hint">Issuer: {credential?.issuer?.id}.</p>
      <ul>
        <li>
          <a href={bakedBadgeUrl(awardId, 'png')} download>
            Download the badge image (PNG)
          </a>{' '}
          or{' '}
          <a href={bakedBadgeUrl(awardId, 'svg')} download>
            the badge image (SVG)
          </a>
          : the signed credential is baked into the image, so anyone can check the image alone.
        </li>
        <li>
          <a href={credentialDownloadUrl(awardId)} download>
            Download the credential (JSON)
          </a>{' '}
          or{' '}
          <a href={credentialJwtUrl(awardId)} download>
            the credential as a VC-JWT
          </a>{' '}
          to verify it with any Open Badges 3.0 verifier.
        </li>
        <li>
          <Link to="/credentials/verify">Verify another badge</Link> from its image or its JSON.
        </li>
      </ul>
    </section>
  );
}
