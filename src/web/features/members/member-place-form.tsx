import { useState } from 'react';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { type MemberView, useSaveMemberPlace } from './members-api';

/** The datalists of department and team names in use, so a new entry reuses a name instead of starting a twin. */
export function PlaceNames({ members }: { members: MemberView[] }) {
  const names = (pick: (m: MemberView) => string | null) =>
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
  member: MemberView;
  onSaved: (m: MemberView) => void;
}) {
  const [department, setDepartment] = useState(m.department ?? '');
  const [team, setTeam] = useState(m.team ?? '');
  const save = useSaveMemberPlace(orgId, m, onSaved);
  const unchanged = department === (m.department ?? '') && team === (m.team ?? '');
  return (
    <form
      className="member-place"
      aria-label={`Department and team of ${m.name}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ department, team });
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
