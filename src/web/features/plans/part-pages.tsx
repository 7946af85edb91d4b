import { lazy, Suspense, useState } from 'react';
import { partTitles } from '../../../features/plans/labels';
import { sharingStatus } from '../../../features/plans/sharing-status';
import { useTitle } from '../../components/use-title';
import { today } from '../../lib/dates';
import { PartEditor } from './part-editor';
import { usePlanContext } from './plan-layout';

// The graph library is large: load it only when someone opens the map.
const NetworkMap = lazy(() => import('./network-map').then((m) => ({ default: m.NetworkMap })));

function PartPage({ part, children }: { part: 1 | 2 | 3 | 4; children?: React.ReactNode }) {
  useTitle(`${part}. ${partTitles[part]}`);
  return (
    <section>
      <h1>
        {part}. {partTitles[part]}
      </h1>
      {children}
    </section>
  );
}

export function ReflectionsPage() {
  const plan = usePlanContext();
  return (
    <PartPage part={1}>
      <p className="lead">Times you enjoyed learning, and what they tell you about how you learn best.</p>
      <h2 className="visually-hidden">Your reflections</h2>
      <PartEditor plan={plan} kind="reflection" />
    </PartPage>
  );
}

export function GoalsPage() {
  const plan = usePlanContext();
  return (
    <PartPage part={2}>
      <p className="lead">Each goal answers six questions. The SMART check beside it points out what is still vague.</p>
      <h2 className="visually-hidden">Your goals</h2>
      <PartEditor plan={plan} kind="goal" />
    </PartPage>
  );
}

export function NetworkPage() {
  const plan = usePlanContext();
  const [view, setView] = useState<'list' | 'map'>('list');
  return (
    <PartPage part={3}>
      <p className="lead">The people, communities and resources that help with your goals.</p>
      <div className="view-switch" role="group" aria-label="Show the network as">
        <button
          type="button"
          aria-pressed={view === 'list'}
          className={view === 'list' ? '' : 'secondary'}
          onClick={() => setView('list')}
        >
          List
        </button>
        <button
          type="button"
          aria-pressed={view === 'map'}
          className={view === 'map' ? '' : 'secondary'}
          onClick={() => setView('map')}
        >
          Map
        </button>
      </div>
      <h2 className="visually-hidden">Your network</h2>
      {view === 'list' ? (
        <PartEditor plan={plan} kind="network" />
      ) : (
        <Suspense fallback={<p role="status">Drawing the map…</p>}>
          <NetworkMap plan={plan} />
        </Suspense>
      )}
    </PartPage>
  );
}

export function SharingPage() {
  const plan = usePlanContext();
  const behind = plan.shares.filter(
    (s) => sharingStatus(s, { today: today(), planCreatedAt: plan.createdAt, cycle: plan.cycle }).behind,
  );
  return (
    <PartPage part={4}>
      <p className="lead">
        Learning out loud: how you will share what you learn for each goal, and what success looks like.
      </p>
      {plan.shares.length > 0 && (
        <p className={behind.length ? 'notice behind' : 'notice on-track'} role="status">
          {behind.length
            ? `${behind.length} of ${plan.shares.length} sharing commitments ${behind.length === 1 ? 'is' : 'are'} behind.`
            : 'Every sharing commitment is on track.'}
        </p>
      )}
      <h2 className="visually-hidden">Your sharing commitments</h2>
      <PartEditor plan={plan} kind="share" />
    </PartPage>
  );
}
