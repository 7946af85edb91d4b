import { formatDateOf } from '../../lib/dates';
import type { VerificationView } from './badges-api';

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

/** What a page shows of a credential: only what the credential itself says. */
export type ShownCredential = {
  name?: string;
  issuer?: { name?: string; id?: string; url?: string };
  validFrom?: string;
  validUntil?: string;
  credentialSubject?: Subject;
};

const headline: Record<VerificationView['status'], string> = {
  valid: 'Verified',
  invalid: 'Not valid',
  expired: 'Expired',
  revoked: 'Revoked',
};

/** The badge's name as the credential gives it. */
export const badgeNameOf = (credential: ShownCredential | undefined) =>
  credential?.credentialSubject?.achievement?.name ?? credential?.name;

/**
 * A credential and what verifying it found, in words: the headline (verified, revoked, ...), who was awarded what
 * by whom, and each check that ran with what it found. Used by the credential's page and by "Verify a badge".
 */
export function CredentialSummary({
  credential,
  verification,
  headingLevel,
}: {
  credential: ShownCredential | undefined;
  verification: VerificationView;
  headingLevel: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const achievement = credential?.credentialSubject?.achievement;
  const holder = credential?.credentialSubject?.identifier?.find((i) => i.identityType === 'name')?.identityHash;
  const image = achievement?.image?.id;
  return (
    <>
      <p className={verification.status === 'valid' ? 'lead' : 'notice'} role="status">
        <strong>{headline[verification.status]}.</strong> {holder ? `Awarded to ${holder}` : 'Awarded'} by{' '}
        {credential?.issuer?.name ?? 'its issuer'}
        {credential?.validFrom && ` on ${formatDateOf(credential.validFrom)}`}.
      </p>
      {/* Only a data: image is shown: a credential from elsewhere may name any address, which is not fetched. */}
      {image?.startsWith('data:image/') && <img src={image} alt="" width={128} height={128} />}
      {achievement?.description && <p>{achievement.description}</p>}
      {achievement?.criteria?.narrative && (
        <>
          <Heading>What earns it</Heading>
          <p>{achievement.criteria.narrative}</p>
        </>
      )}
      {achievement?.tag && achievement.tag.length > 0 && <p className="hint">Skills: {achievement.tag.join(', ')}</p>}
      <Heading>What was checked</Heading>
      <ul>
        {verification.checks.map((check) => (
          <li key={check.check}>
            {check.passed ? '✓ ' : '✗ '}
            <span className="visually-hidden">{check.passed ? 'Passed: ' : 'Failed: '}</span>
            {check.message}
          </li>
        ))}
      </ul>
    </>
  );
}
