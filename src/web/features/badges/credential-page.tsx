import { useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { ApiError } from '../../lib/api';
import { formatDateOf } from '../../lib/dates';
import { credentialDownloadUrl, type PublicCredentialView, usePublicCredential } from './badges-api';

type Subject = {
  identifier?: { identityType?: string; identityHash?: string }[];
  achievement?: {
    name?: string;
    description?: string;
    criteria?: { narrative?: string };
    image?: { id?: string };
    tag?: string[];
  };
};

const headline: Record<PublicCredentialView['verification']['status'], string> = {
  valid: 'Verified',
  invalid: 'Not valid',
  expired: 'Expired',
  revoked: 'Revoked',
};

/**
 * A credential's public verification page, at the link its learner shares: anonymous by design, it shows what the
 * credential itself holds and what verifying it found, in words.
 */
export function CredentialPage() {
  const { awardId = '' } = useParams();
  const found = usePublicCredential(awardId);
  const credential = found.data?.credential as
    | {
        name?: string;
        issuer?: { name?: string; id?: string; url?: string };
        validFrom?: string;
        validUntil?: string;
        credentialSubject?: Subject;
      }
    | undefined;
  const achievement = credential?.credentialSubject?.achievement;
  const holder = credential?.credentialSubject?.identifier?.find((i) => i.identityType === 'name')?.identityHash;
  useTitle(achievement?.name ? `Badge: ${achievement.name}` : 'Badge');
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
  const { verification } = found.data;
  return (
    <section className="credential">
      <h1>{achievement?.name ?? credential?.name ?? 'Badge'}</h1>
      <p className={verification.status === 'valid' ? 'lead' : 'notice'} role="status">
        <strong>{headline[verification.status]}.</strong> {holder ? `Awarded to ${holder}` : 'Awarded'} by{' '}
        {credential?.issuer?.name ?? 'its issuer'}
        {credential?.validFrom && ` on ${formatDateOf(credential.validFrom)}`}.
      </p>
      {achievement?.image?.id && <img src={achievement.image.id} alt="" width={128} height={128} />}
      {achievement?.description && <p>{achievement.description}</p>}
      {achievement?.criteria?.narrative && (
        <>
          <h2>What earns it</h2>
          <p>{achievement.criteria.narrative}</p>
        </>
      )}
      {achievement?.tag && achievement.tag.length > 0 && <p className="hint">Skills: {achievement.tag.join(', ')}</p>}
      <h2>What was checked</h2>
      <ul>
        {verification.checks.map((check) => (
          <li key={check.check}>
            {check.passed ? '✓ ' : '✗ '}
            <span className="visually-hidden">{check.passed ? 'Passed: ' : 'Failed: '}</span>
            {check.message}
          </li>
        ))}
      </ul>
      <p className="hint">
        Issuer: {credential?.issuer?.id}. <a href={credentialDownloadUrl(awardId)}>Download the credential (JSON)</a> to
        verify it with any Open Badges 3.0 verifier.
      </p>
    </section>
  );
}
