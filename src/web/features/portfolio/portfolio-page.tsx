import { Link, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { MyBadges } from '../badges/my-badges';
import { useMyPortfolio } from './portfolio-api';
import { PortfolioGoals } from './portfolio-goals';
import { ShareLinks } from './share-links';

/** The learner's portfolio: achieved goals with their evidence, private unless shared by a secret link. */
export function PortfolioPage() {
  const { orgId = '' } = useParams();
  useTitle('Portfolio');
  const portfolio = useMyPortfolio(orgId);
  const goals = portfolio.data?.goals ?? [];
  return (
    <section className="portfolio">
      <h1>Portfolio</h1>
      <p className="lead">
        What you have achieved, with the evidence behind it. Only you see this page unless you share it by a secret
        link.
      </p>
      <FormError error={portfolio.error} />
      {portfolio.isPending && <p role="status">Loading…</p>}
      <section aria-labelledby="achieved-heading">
        <h2 id="achieved-heading">Achieved goals</h2>
        {portfolio.isSuccess && goals.length === 0 && (
          <p className="notice">
            When you mark a goal as achieved it appears here, with its evidence.{' '}
            <Link to={`/orgs/${orgId}/plans`}>Go to your plans</Link>
          </p>
        )}
        {goals.length > 0 && <PortfolioGoals goals={goals} level={3} orgId={orgId} />}
      </section>
      <MyBadges orgId={orgId} />
      <ShareLinks orgId={orgId} />
    </section>
  );
}
