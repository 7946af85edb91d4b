import { Link } from 'react-router';
import { FormError } from '../../components/form-error';
import { formatDateOf } from '../../lib/dates';
import { DataTable } from './figure-section';
import { fewerThan, plural } from './insight-format';
import { type InsightAction, useInsightActions } from './insights-api';

const kindNames: Record<InsightAction['kind'], string> = {
  mentor_call: 'Mentor call',
  community: 'Community',
  resource: 'Recommended resource',
};

/**
 * Who was told. Mentors are counted as they are (offering to mentor is public in the organisation); the
 * learners of a topic only from k up, and the server sends 0 below that (no action is ever sent to nobody).
 */
function told(a: InsightAction, k: number) {
  if (a.kind === 'mentor_call') return plural(a.recipients, 'member who offers it', 'members who offer it');
  return a.recipients === 0 ? `${fewerThan(k)} learners` : plural(a.recipients, 'learner', 'learners');
}

function uptake(a: InsightAction, k: number) {
  if (a.uptake === null) return fewerThan(k);
  if (a.kind === 'mentor_call') return `${a.uptake} volunteered`;
  if (a.kind === 'community') return `${a.uptake} joined`;
  return `${a.uptake} added it to their plan`;
}

function What({ orgId, action: a }: { orgId: string; action: InsightAction }) {
  const title =
    a.kind === 'community' && a.communityId ? (
      <Link to={`/orgs/${orgId}/communities/${a.communityId}`}>{a.title}</Link>
    ) : a.kind === 'resource' && a.url ? (
      <a href={a.url}>{a.title}</a>
    ) : (
      a.title
    );
  return (
    <>
      <span className="muted">{kindNames[a.kind]}:</span> {title}
    </>
  );
}

/** What L&D did about insights, newest first, with how many were told and how many took it up. */
export function ActionList({ orgId, k }: { orgId: string; k: number }) {
  const actions = useInsightActions(orgId);
  if (actions.error) return <FormError error={actions.error} />;
  if (!actions.data) return <p role="status">Loading actions…</p>;
  if (actions.data.actions.length === 0) {
    return (
      <p>
        Nothing yet. Start a mentor call, open a community or recommend a resource from a row of the topics or the
        mentor demand above.
      </p>
    );
  }
  return (
    <DataTable
      caption="Actions started from insights, newest first"
      columns={[
        { label: 'Action' },
        { label: 'Topic' },
        { label: 'Told' },
        { label: 'Taken up' },
        { label: 'Started' },
      ]}
      rows={actions.data.actions.map((a) => ({
        key: a.id,
        cells: [
          <What key="what" orgId={orgId} action={a} />,
          a.topic,
          told(a, k),
          uptake(a, k),
          <>
            <time dateTime={a.createdAt}>{formatDateOf(a.createdAt)}</time>
            {a.createdBy && ` by ${a.createdBy}`}
          </>,
        ],
      }))}
    />
  );
}
