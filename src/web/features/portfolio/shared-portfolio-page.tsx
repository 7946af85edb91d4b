import { useEffect } from 'react';
import { useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { ApiError } from '../../lib/api';
import { formatDateOf } from '../../lib/dates';
import { type PortfolioBadge, useSharedPortfolio } from './portfolio-api';
import { PortfolioGoals } from './portfolio-goals';

/**
 * Keeps this page out of search engines and stops its secret address leaking as a referrer, for as long as
 * it is shown (the API answers carry the same wishes as headers; this page is the single-page app's).
 */
function usePrivatePage() {
  useEffect(() => {
    const added = [
      ['robots', 'noindex, nofollow'],
      ['referrer', 'no-referrer'],
    ].map(([name, content]) => {
      const meta = document.createElement('meta');
      meta.name = name as string;
      meta.content = content as string;
      document.head.append(meta);
      return meta;
    });
    return () => {
      for (const meta of added) meta.remove();
    };
  }, []);
}

/** A learner's portfolio as anyone with its secret link sees it, signed in or not; printable. */
export function SharedPortfolioPage() {
  const { token = '' } = useParams();
  usePrivatePage();
  const portfolio = useSharedPortfolio(token);
  const name = portfolio.data?.learnerName;
  useTitle(name ? `Portfolio of ${name}` : 'Portfolio');
  if (portfolio.isPending) return <p role="status">Loading…</p>;
  if (portfolio.error) {
    if (portfolio.error instanceof ApiError && portfolio.error.status === 404) return <LinkDoesNotWork />;
    return (
      <section>
        <h1>Portfolio</h1>
        <FormError error={portfolio.error} />
        <button type="button" onClick={() => portfolio.refetch()}>
          Try again
        </button>
      </section>
    );
  }
  const { goals, organizationName, badges } = portfolio.data;
  return (
    <article className="portfolio portfolio-shared">
      <h1>Learning portfolio of {name}</h1>
      <p className="lead">
        {organizationName}: goals {name} has achieved, and the evidence behind them.
      </p>
      <p className="no-print">
        <button type="button" className="secondary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </p>
      {goals.length === 0 ? (
        <p className="notice">{name} has no achieved goals to show yet.</p>
      ) : (
        <PortfolioGoals goals={goals} level={2} />
      )}
      {badges && badges.length > 0 && <SharedBadges badges={badges} />}
      <p className="hint portfolio-footer">Shared by {name} from Waymark, by a private link.</p>
    </article>
  );
}

/** The learner's badges, shown because they chose to: each opens its public verification page. */
function SharedBadges({ badges }: { badges: PortfolioBadge[] }) {
  return (
    <section aria-labelledby="shared-badges-heading">
      <h2 id="shared-badges-heading">Badges</h2>
      <ul className="cards">
        {badges.map((b) => (
          <li key={b.id}>
            <article className="card" aria-label={b.achievementName}>
              <img src={b.image} alt="" width={64} height={64} />
              <h3>{b.achievementName}</h3>
              <p className="hint">
                Awarded {formatDateOf(b.issuedAt)}
                {b.expiresAt && ` · valid until ${formatDateOf(b.expiresAt)}`}
              </p>
              <a href={b.verificationUrl}>
                Verify this badge<span className="visually-hidden">: {b.achievementName}</span>
              </a>
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What a revoked, expired or mistyped link shows: the same for each, as the API answers. */
function LinkDoesNotWork() {
  useTitle('This link does not work');
  return (
    <section>
      <h1>This link does not work (any more)</h1>
      <p>The portfolio link you followed may have been revoked or may have expired, or part of it may be missing.</p>
      <p>If you still need to see the portfolio, ask the person who shared it for a new link.</p>
    </section>
  );
}
