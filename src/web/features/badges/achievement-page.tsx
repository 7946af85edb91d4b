import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { PublicAchievementView } from '../../../features/badges/recognition.schema';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { ApiError, api } from '../../lib/api';
import { badgeKeys } from './badges-api';

const achievementPageKey = (achievementId: string) => [...badgeKeys.all, 'public-achievement', achievementId] as const;

/**
 * An achievement's own page, at the address every credential of it names: what it is, what earns it and who
 * issues it, for anyone (a verifier, an employer), signed in or not.
 */
export function AchievementPage() {
  const { achievementId = '' } = useParams();
  const found = useQuery({
    queryKey: achievementPageKey(achievementId),
    queryFn: () => api<PublicAchievementView>('GET', `/api/achievements/${encodeURIComponent(achievementId)}/public`),
    retry: false,
  });
  useTitle(found.data ? `Achievement: ${found.data.name}` : 'Achievement');
  if (found.isPending) return <p role="status">Loading…</p>;
  if (found.error) {
    if (found.error instanceof ApiError && found.error.status === 404) {
      return (
        <section>
          <h1>No such achievement</h1>
          <p>There is no achievement at this address. Check the link you were given.</p>
        </section>
      );
    }
    return <FormError error={found.error} />;
  }
  const a = found.data;
  return (
    <section className="credential">
      <h1>{a.name}</h1>
      <p className="lead">
        An achievement issued by {a.issuer.url ? <a href={a.issuer.url}>{a.issuer.name}</a> : a.issuer.name} as an Open
        Badges 3.0 credential.
      </p>
      <img src={a.image} alt="" width={128} height={128} />
      <p>{a.description}</p>
      <h2>What earns it</h2>
      <p>{a.criteria}</p>
      {a.tags.length > 0 && <p className="hint">Skills: {a.tags.join(', ')}</p>}
      <p className="hint">
        Issuer: {a.issuer.id}. This is the achievement as its issuer defines it today; each credential holds it as it
        was when issued.
      </p>
    </section>
  );
}
