import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { roleLabels } from '../../../features/orgs/role-labels';
import { ConfirmDialog, type ConfirmHandle } from '../../components/confirm-dialog';
import { FormError, Notice } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { ApiError } from '../../lib/api';
import { formatDateOf } from '../../lib/dates';
import { RemovedMembersSection } from '../archives/removed-members-section';
import { useOrg } from '../orgs/orgs-api';
import { MemberPlaceForm, PlaceNames } from './member-place-form';
import {
  type MemberView,
  type Role,
  useAllMembers,
  useMemberSearch,
  useRemoveMember,
  useUpdateMember,
} from './members-api';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** "Department · Team", either alone when the other is not set. */
const placeOf = (m: MemberView) => [m.department, m.team].filter(Boolean).join(' · ');

export function MembersPage() {
  const { orgId = '' } = useParams();
  useTitle('Members');
  const org = useOrg(orgId);
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const search = useDebounced(q, 250);
  const list = useMemberSearch(orgId, search, role);
  const all = useAllMembers(orgId);
  const [message, setMessage] = useState('');
  const update = useUpdateMember(orgId, {
    saved: (m) =>
      setMessage(
        `Saved ${m.name}: ${roleLabels[m.role]}${m.supervisor ? `, supervised by ${m.supervisor.name}` : ''}.`,
      ),
    failed: (e) => {
      if (e instanceof ApiError && e.status === 409 && e.body.current)
        setMessage('Someone changed this member meanwhile; the list now shows their change.');
    },
  });
  const remove = useRemoveMember(orgId, (m) =>
    setMessage(`${m.name} was removed. Their data is kept for them to download, then erased.`),
  );
  const dialog = useRef<ConfirmHandle>(null);
  const [toRemove, setToRemove] = useState<MemberView | null>(null);
  const canManage = org.data && org.data.yourRole !== 'member';

  return (
    <section>
      <h1>Members{org.data ? ` of ${org.data.name}` : ''}</h1>
      <search className="filters" aria-label="Find members">
        <div className="field">
          <label htmlFor="member-search">Search by name, e-mail or title</label>
          <input id="member-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="member-role">Role</label>
          <select id="member-role" value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">Everyone</option>
            <option value="owner">Owners</option>
            <option value="admin">L&amp;D admins</option>
            <option value="member">Members</option>
          </select>
        </div>
      </search>
      {message && <Notice>{message}</Notice>}
      <FormError error={update.error ?? remove.error ?? list.error} />
      {list.data && (
        <p aria-live="polite">
          {list.data.total} {list.data.total === 1 ? 'person' : 'people'}
        </p>
      )}
      {list.data && list.data.members.length === 0 && <p>Nobody matches this search.</p>}
      {canManage && all.data && <PlaceNames members={all.data.members} />}
      <ul className="member-list">
        {list.data?.members.map((m) => (
          <li key={m.id} className="member">
            <div className="member-who">
              <strong>{m.name}</strong>
              <span>{m.title ?? ''}</span>
              {(m.department || m.team) && <span>{placeOf(m)}</span>}
              <span className="muted">{m.email}</span>
              {m.offersMentoring && <span className="tag">Mentors: {m.mentoringTopics.join(', ') || 'ask me'}</span>}
              {m.suspended && (
                <span className="tag tag-suspended">
                  Suspended by {m.suspended.by} since {formatDateOf(m.suspended.at)}: they cannot take part until
                  restored there
                </span>
              )}
            </div>
            {canManage ? (
              <div className="member-manage">
                <div className="field">
                  <label htmlFor={`role-${m.id}`}>Role of {m.name}</label>
                  <select
                    id={`role-${m.id}`}
                    value={m.role}
                    onChange={(e) => update.mutate({ m, change: { role: e.target.value as Role } })}
                  >
                    {(['owner', 'admin', 'member'] as const).map((r) => (
                      <option key={r} value={r}>
                        {roleLabels[r]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`sup-${m.id}`}>Supervisor of {m.name}</label>
                  <select
                    id={`sup-${m.id}`}
                    value={m.supervisor?.id ?? ''}
                    onChange={(e) => update.mutate({ m, change: { supervisorId: e.target.value || null } })}
                  >
                    <option value="">No supervisor</option>
                    {all.data?.members
                      .filter((s) => s.id !== m.id)
                      .map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name}
                        </option>
                      ))}
                  </select>
                </div>
                <MemberPlaceForm
                  orgId={orgId}
                  member={m}
                  onSaved={(saved) => setMessage(`Saved ${saved.name}: ${placeOf(saved) || 'no department or team'}.`)}
                />
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    setToRemove(m);
                    dialog.current?.open();
                  }}
                >
                  Remove {m.name}
                </button>
              </div>
            ) : (
              <div className="member-manage">
                <span>{roleLabels[m.role]}</span>
                <span>{m.supervisor ? `Supervisor: ${m.supervisor.name}` : ''}</span>
              </div>
            )}
          </li>
        ))}
      </ul>
      {canManage && org.data && <RemovedMembersSection org={org.data} />}
      <ConfirmDialog
        ref={dialog}
        title={`Remove ${toRemove?.name}?`}
        confirmLabel="Remove"
        danger
        onConfirm={() => {
          if (toRemove) remove.mutate(toRemove);
        }}
        onClose={() => setToRemove(null)}
      >
        <p>
          They lose access to this organisation at once, and their plans, log, evidence and posts leave it with them:
          they can download them for {org.data?.removedDataDays ?? 30} days, then they are erased. Their account stays;
          you can invite them again.
        </p>
      </ConfirmDialog>
    </section>
  );
}
