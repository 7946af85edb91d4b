import { Link, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { formatDay } from '../../lib/dates';
import { EmptyState } from '../../ui/empty-state';
import { type Catalogue, useCatalogue } from './programme-learning-api';

type Entry = Catalogue['programmes'][number];

/** The organisation's published programmes: what each is, how long, how to take part, and where you are. */
export function CataloguePage() {
  const { orgId = '' } = useParams();
  useTitle('Programmes');
  const list = useCatalogue(orgId);
  return (
    <section>
      <h1>Programmes</h1>
      <p className="lead">Short things to try, one at a time, alone or with a cohort; reflect on each as you go.</p>
      {list.isPending && <p role="status">Loading programmes…</p>}
      <FormError error={list.error} />
      {list.data?.programmes.length === 0 && (
        <EmptyState illustration="plan" title="No programmes yet">
          <p>When your organisation publishes a programme, you will find it here.</p>
        </EmptyState>
      )}
      <ul className="cards">
        {list.data?.programmes.map((p) => (
          <li key={p.id}>
            <ProgrammeCard orgId={orgId} programme={p} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ProgrammeCard({ orgId, programme: p }: { orgId: string; programme: Entry }) {
  const hours = Math.round((p.totalMinutes / 60) * 10) / 10;
  const ways = [p.selfPaced ? 'at your own pace' : null, p.cohorts.length > 0 ? 'with a cohort' : null].filter(Boolean);
  return (
    <article className="card" aria-label={p.title}>
      <h2>
        <Link to={`/orgs/${orgId}/programmes/${p.id}`}>{p.title}</Link>
      </h2>
      <p className="hint">
        {p.weeks} {p.weeks === 1 ? 'week' : 'weeks'} · {p.things} {p.things === 1 ? 'thing' : 'things'} · about {hours}{' '}
        {hours === 1 ? 'hour' : 'hours'}
        {ways.length > 0 && ` · ${ways.join(' or ')}`}
      </p>
      {p.summary && <p>{p.summary}</p>}
      {p.audience && <p className="hint">For {p.audience}</p>}
      {p.cohorts.length > 0 && (
        <ul aria-label={`Cohorts of ${p.title}`}>
          {p.cohorts.map((c) => (
            <li key={c.id}>
              {c.name}: starts {formatDay(c.startsOn)}
              {c.placesLeft !== null && `, ${c.placesLeft} ${c.placesLeft === 1 ? 'place' : 'places'} left`}
              {c.joinBy && `, join by ${formatDay(c.joinBy)}`}
            </li>
          ))}
        </ul>
      )}
      {p.enrolment && p.enrolment.status !== 'left' && (
        <p className="notice on-track">{p.enrolment.status === 'completed' ? 'You completed it.' : 'You take part.'}</p>
      )}
    </article>
  );
}
