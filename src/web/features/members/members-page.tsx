import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ConfirmDialog, type ConfirmHandle } from '../../components/confirm-dialog';
import { FormError, Notice } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { ApiError, api } from '../../lib/api';
import { type Member, type Role, roleLabel } from '../../lib/types';
import { RemovedMembersSection } from '../archives/removed-members-section';
import { useOrg } from '../orgs/org-pages';
import { MemberPlaceForm, PlaceNames } from './member-place-form';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** "Department · Team", either alone when the other is not set. */
const placeOf = (m: Member) => [m.department, m.team].filter(Boolean).join(' · ');

export function MembersPage() {
  const { orgId = '' } = useParams();
  useTitle('Members');
  const org = useOrg(orgId);
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const search = useDebounced(q, 250);
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['members', orgId, search, role],
    queryFn: () =>
      api<{ members: Member[]; total: number }>(
        'GET',
        `/api/orgs/${orgId}/members?${new URLSearchParams({ ...(search && { q: search }), ...(role && { role }), limit: '200' })}`,
      ),
  });
  const all = useQuery({
    queryKey: ['members', orgId, 'all'],
    queryFn: () => api<{ members: Member[] }>('GET', `/api/orgs/${orgId}/members?limit=500`),
  });
  const [message, setMessage] = useState('');
  const update = useMutation({
    mutationFn: ({ m, change }: { m: Member; change: { role?: Role; supervisorId?: string | null } }) =>
      api<Member>('PATCH', `/api/orgs/${orgId}/members/${m.id}`, { ...change, version: m.version }),
    onSuccess: (m) => {
      // Put the saved member (and its new version) in every cached list at once: a second change made before
      // the lists reload must not conflict with the first.
      qc.setQueriesData<{ members: Member[] }>({ queryKey: ['members', orgId] }, (data) =>
        data ? { ...data, members: data.members.map((x) => (x.id === m.id ? m : x)) } : data,
      );
      setMessage(`Saved ${m.name}: ${roleLabel[m.role]}${m.supervisor ? `, supervised by ${m.supervisor.name}` : ''}.`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409 && e.body.current)
        setMessage('Someone changed this member meanwhile; the list now shows their change.');
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ['members', orgId] }),
  });
  const remove = useMutation({
    mutationFn: (m: Member) => api('DELETE', `/api/orgs/${orgId}/members/${m.id}`),
    onSuccess: (_r, m) => setMessage(`${m.name} was removed. Their data is kept for them to download, then erased.`),
    onSettled: () => {
      qc.invalidateQueries({ queryKey: ['members', orgId] });
      qc.invalidateQueries({ queryKey: ['archives', 'removed', orgId] });
    },
  });
  const dialog = useRef<ConfirmHandle>(null);
  const [toRemove, setToRemove] = useState<Member | null>(null);
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
                        {roleLabel[r]}
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
                <span>{roleLabel[m.role]}</span>
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
