import { DaysForm } from '../../components/days-form';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { confirmDone } from '../../ui/toasts';
import { type OrgView, useSaveRemovedDataDays } from '../orgs/orgs-api';
import { archiveDate, useRemovedMembers } from './archives-api';

/**
 * For owners and L&D admins on the members page: who was removed, and until when their data is kept for them
 * (never the data itself). Owners set how many days that is.
 */
export function RemovedMembersSection({ org }: { org: OrgView }) {
  const removed = useRemovedMembers(org.id, org.yourRole !== 'member');
  // Here, not in the form: a saved value starts the form again (its key), and the notice must outlive that.
  const save = useSaveRemovedDataDays(org.id);
  const list = removed.data?.removed ?? [];
  return (
    <section aria-labelledby="removed-people" className="removed-people">
      <h2 id="removed-people">Removed people</h2>
      <p className="hint">
        A removed person’s plans, log and evidence leave the organisation with them: they can download them for{' '}
        {org.removedDataDays} {org.removedDataDays === 1 ? 'day' : 'days'}, then they are erased.
      </p>
      <FormError error={removed.error} />
      {list.length === 0 ? (
        <p>Nobody was removed recently.</p>
      ) : (
        <ul className="removed-list">
          {list.map((r) => (
            <li key={r.id}>
              <strong>{r.name}</strong> <span className="muted">{r.email}</span> —{' '}
              {r.removedByName ? `removed by ${r.removedByName}` : 'left'} on {archiveDate(r.removedAt)}; their data is
              kept for them until {archiveDate(r.keptUntil)}.
            </li>
          ))}
        </ul>
      )}
      {org.yourRole === 'owner' && <RemovedDataDaysForm key={org.removedDataDays} org={org} save={save} />}
    </section>
  );
}

function RemovedDataDaysForm({ org, save }: { org: OrgView; save: ReturnType<typeof useSaveRemovedDataDays> }) {
  return (
    <DaysForm
      label="Days to keep a removed person’s data"
      initial={org.removedDataDays}
      max={365}
      error={fieldError(save.error, 'removedDataDays')}
      pending={save.isPending}
      onSave={(days) => save.mutate(days, { onSuccess: () => confirmDone(`Saved: ${days} days.`) })}
    />
  );
}
