import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { ApiError, api, fieldError } from '../../lib/api';
import type { Member } from '../../lib/types';

/** The datalists of department and team names in use, so a new entry reuses a name instead of starting a twin. */
export function PlaceNames({ members }: { members: Member[] }) {
  const names = (pick: (m: Member) => string | null) =>
    [...new Set(members.map(pick).filter((n): n is string => Boolean(n)))].sort();
  return (
    <>
      <datalist id="department-names">
        {names((m) => m.department).map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <datalist id="team-names">
        {names((m) => m.team).map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
    </>
  );
}

/**
 * A member's department and team, set by owners and L&D admins; insights are filtered by them. Both are sent
 * together with the version they were edited on; an empty box clears its name.
 */
export function MemberPlaceForm({
  orgId,
  member: m,
  onSaved,
}: {
  orgId: string;
  member: Member;
  onSaved: (m: Member) => void;
}) {
  const qc = useQueryClient();
  const [department, setDepartment] = useState(m.department ?? '');
  const [team, setTeam] = useState(m.team ?? '');
  const save = useMutation({
    mutationFn: () =>
      api<Member>('PATCH', `/api/orgs/${orgId}/members/${m.id}`, { department, team, version: m.version }),
    onSuccess: (saved) => {
      qc.setQueriesData<{ members: Member[] }>({ queryKey: ['members', orgId] }, (data) =>
        data ? { ...data, members: data.members.map((x) => (x.id === saved.id ? saved : x)) } : data,
      );
      onSaved(saved);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) qc.invalidateQueries({ queryKey: ['members', orgId] });
    },
  });
  const unchanged = department === (m.department ?? '') && team === (m.team ?? '');
  return (
    <form
      className="member-place"
      aria-label={`Department and team of ${m.name}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Field
        label={`Department of ${m.name}`}
        value={department}
        list="department-names"
        maxLength={120}
        onChange={(e) => setDepartment(e.target.value)}
        error={fieldError(save.error, 'department')}
      />
      <Field
        label={`Team of ${m.name}`}
        value={team}
        list="team-names"
        maxLength={120}
        onChange={(e) => setTeam(e.target.value)}
        error={fieldError(save.error, 'team')}
      />
      <button type="submit" className="secondary" disabled={save.isPending || unchanged}>
        Save<span className="visually-hidden"> department and team of {m.name}</span>
      </button>
      <FormError error={save.error} />
    </form>
  );
}
