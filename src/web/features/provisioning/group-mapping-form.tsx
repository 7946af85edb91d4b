import { useId, useState } from 'react';
import { FormError, Notice } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { type ScimSettings, useSaveGroupMapping } from './provisioning-api';

const CHOICES: { value: ScimSettings['groupMapping']; label: string }[] = [
  { value: 'departments', label: 'Departments: a group’s name becomes its members’ department' },
  { value: 'teams', label: 'Teams: a group’s name becomes its members’ team' },
  { value: 'roles', label: 'Roles: members of one group are L&D admins, everyone else a member' },
];

/** What the directory's groups set on members. */
export function GroupMappingForm({ orgId, settings }: { orgId: string; settings: ScimSettings }) {
  const id = useId();
  const save = useSaveGroupMapping(orgId);
  const [mapping, setMapping] = useState(settings.groupMapping);
  const [adminGroup, setAdminGroup] = useState(settings.adminGroup ?? '');
  const adminError = fieldError(save.error, 'adminGroup');
  return (
    <form
      noValidate
      aria-labelledby={`${id}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ groupMapping: mapping, adminGroup: mapping === 'roles' ? adminGroup : null });
      }}
    >
      <h2 id={`${id}-heading`}>What the directory’s groups set</h2>
      <fieldset className="checkbox-group">
        <legend>Groups set members’</legend>
        {CHOICES.map((c) => (
          <label key={c.value} className="check">
            <input
              type="radio"
              name={`${id}-mapping`}
              value={c.value}
              checked={mapping === c.value}
              onChange={() => setMapping(c.value)}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
      {mapping === 'roles' && (
        <div className="field">
          <label htmlFor={`${id}-admin`}>The group of L&amp;D admins</label>
          <p className="hint" id={`${id}-admin-hint`}>
            Its name in the directory. Owners are never changed by the directory.
          </p>
          <input
            id={`${id}-admin`}
            value={adminGroup}
            maxLength={200}
            onChange={(e) => setAdminGroup(e.target.value)}
            aria-invalid={adminError ? true : undefined}
            aria-describedby={[`${id}-admin-hint`, adminError && `${id}-admin-error`].filter(Boolean).join(' ')}
          />
          {adminError && (
            <p className="field-error" id={`${id}-admin-error`}>
              {adminError}
            </p>
          )}
        </div>
      )}
      <FormError error={save.error && !adminError ? save.error : null} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          Save
        </button>
      </div>
      {save.isSuccess && (
        <Notice>
          Saved and applied to everyone the directory provisioned, from the groups it last sent:{' '}
          {save.data.membersChanged === 1 ? '1 member changed' : `${save.data.membersChanged} members changed`}.
        </Notice>
      )}
    </form>
  );
}
