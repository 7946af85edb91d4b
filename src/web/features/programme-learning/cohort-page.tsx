import { Link, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { formatDay } from '../../lib/dates';
import { EmptyState } from '../../ui/empty-state';
import { CohortFeedsSection } from '../cohort-feeds/cohort-feeds-section';
import { PostCard } from '../posts/post-card';
import { useCohortParticipants, useCohortReflections, useOverview } from './programme-learning-api';

/** A cohort: who takes part and how far each is, and the way to each thing's shared reflections. */
export function CohortPage() {
  const { orgId = '', cohortId = '' } = useParams();
  const people = useCohortParticipants(cohortId);
  const cohort = people.data?.cohort;
  const overview = useOverview(cohort?.programmeId ?? '');
  useTitle(cohort?.name ?? 'Cohort');
  return (
    <section>
      {people.isPending && <p role="status">Loading the cohort…</p>}
      <FormError error={people.error} />
      {cohort && (
        <>
          <p>
            <Link to={`/orgs/${orgId}/programmes/${cohort.programmeId}`}>
              {overview.data?.title ?? 'The programme'}
            </Link>
          </p>
          <h1>{cohort.name}</h1>
          <p className="lead">Started {formatDay(cohort.startsOn)}</p>
          <h2>Reflections, thing by thing</h2>
          <ol>
            {overview.data?.weeks.flatMap((w) =>
              w.things.map((t) => (
                <li key={t.id} value={t.number}>
                  <Link to={`/orgs/${orgId}/cohorts/${cohortId}/things/${t.id}`}>{t.title}</Link>
                </li>
              )),
            )}
          </ol>
          <h2>Participants</h2>
          <ul>
            {people.data?.participants.map((p) => (
              <li key={p.memberId}>
                {p.name}: {p.doneCount} of {people.data?.totalCount} things{p.completed ? ', completed' : ''}
              </li>
            ))}
          </ul>
          <CohortFeedsSection cohortId={cohort.id} />
        </>
      )}
    </section>
  );
}

/** What the cohort shared on one thing, as posts (comments and reactions work here too) and blog links. */
export function CohortThingPage() {
  const { orgId = '', cohortId = '', thingId = '' } = useParams();
  const shared = useCohortReflections(cohortId, thingId);
  const thing = shared.data?.thing;
  useTitle(thing ? `Reflections on ${thing.title}` : 'Reflections');
  return (
    <section>
      <p>
        <Link to={`/orgs/${orgId}/cohorts/${cohortId}`}>The cohort</Link>
      </p>
      {shared.isPending && <p role="status">Loading reflections…</p>}
      <FormError error={shared.error} />
      {thing && shared.data && (
        <>
          <h1>
            Reflections on thing {thing.number}: {thing.title}
          </h1>
          {shared.data.posts.length === 0 && shared.data.links.length === 0 && (
            <EmptyState illustration="notes" title="No reflections shared yet">
              <p>When someone in the cohort shares a reflection on this thing, it appears here.</p>
            </EmptyState>
          )}
          <ul className="cards">
            {shared.data.posts.map((p) => (
              <li key={p.id}>
                <PostCard post={p} orgId={orgId} />
              </li>
            ))}
          </ul>
          {shared.data.links.length > 0 && (
            <>
              <h2>On their own blogs</h2>
              <ul>
                {shared.data.links.map((l) => (
                  <li key={l.url}>
                    {l.name}:{' '}
                    <a href={l.url} rel="noopener noreferrer" target="_blank">
                      {l.title || l.url}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
