import { useTitle } from '../../components/use-title';
import { usePlanContext } from '../plans/plan-layout';
import { AccessLog } from './access-log';
import { GrantList } from './grant-list';
import { ShareForm } from './share-form';

/** The plan's "Sharing & access" tab: share, see who can see what, revoke, and see who looked. */
export function AccessPage() {
  const plan = usePlanContext();
  useTitle(`Sharing & access · ${plan.title || plan.cycle}`);
  return (
    <section>
      <h1>Sharing &amp; access</h1>
      <p className="lead">
        Only you can see your plan until you share it. Share the whole plan, one part or one goal, with one person;
        revoke it whenever you like, and see every time someone looked.
      </p>
      <ShareForm plan={plan} />
      <GrantList planId={plan.id} />
      <AccessLog planId={plan.id} />
    </section>
  );
}
