import { useRef, useState } from 'react';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { TextArea } from '../plans/plan-fields';
import { type CreatedInvitations, type InviteManyBody, listProblems, useInviteMany } from './invitations-api';

/** CSV files larger than this are not an HR export of a team: refused before they are read. */
const MAX_FILE_BYTES = 200_000;

/**
 * Invites many people at once: addresses pasted (one per line, or separated by commas or semicolons) or a
 * CSV file. Nobody is invited until every line is right; each problem is listed with its line.
 */
export function InviteManyForm({ orgId, canInviteOwners }: { orgId: string; canInviteOwners: boolean }) {
  const form = useRef<HTMLFormElement>(null);
  const [made, setMade] = useState<CreatedInvitations | null>(null);
  const [fileError, setFileError] = useState<string>();
  const leave = useLeaveGuard();
  const invite = useInviteMany(orgId, (result) => {
    setMade(result);
    form.current?.reset();
  });
  const problems = listProblems(invite.error);

  const submit = async (data: FormData) => {
    setMade(null);
    setFileError(undefined);
    const role = String(data.get('role') ?? 'member') as InviteManyBody['role'];
    const file = data.get('file');
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_FILE_BYTES) {
        setFileError('This file is too large: invite at most 100 people at once.');
        return;
      }
      invite.mutate({ addresses: await file.text(), format: 'csv', role });
    } else {
      invite.mutate({ addresses: String(data.get('addresses') ?? ''), format: 'list', role });
    }
  };

  return (
    <form
      ref={form}
      className="panel"
      aria-labelledby="invite-many-heading"
      noValidate
      {...leave.formProps}
      onSubmit={(e) => {
        e.preventDefault();
        void submit(new FormData(e.currentTarget));
      }}
    >
      <h2 id="invite-many-heading">Invite many people at once</h2>
      <TextArea
        label="E-mail addresses"
        name="addresses"
        rows={5}
        hint="One per line, or separated by commas or semicolons. “Maya Okafor <maya@example.org>” works too. At most 100."
        error={fieldError(invite.error, 'addresses')}
      />
      <div className="field">
        <label htmlFor="invite-many-file">Or a CSV file</label>
        <p className="hint" id="invite-many-file-hint">
          A column called “E-mail” (or “Email”, “Address”); without one, the cell that holds an address. A file is used
          instead of the addresses above.
        </p>
        <input
          id="invite-many-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby={fileError ? 'invite-many-file-hint invite-many-file-error' : 'invite-many-file-hint'}
          aria-invalid={fileError ? true : undefined}
        />
        {fileError && (
          <p className="field-error" id="invite-many-file-error">
            {fileError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="invite-many-role">Role for everyone on the list</label>
        <select id="invite-many-role" name="role" defaultValue="member">
          <option value="member">Member</option>
          <option value="admin">L&amp;D admin</option>
          {canInviteOwners && <option value="owner">Owner</option>}
        </select>
      </div>
      {problems.length > 0 ? (
        <div className="alert" role="alert">
          <p>{(invite.error as Error).message} Fix these lines and send the list again:</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.line}-${p.entry}`}>
                Line {p.line}
                {p.entry && <> (“{p.entry}”)</>}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <FormError error={invite.error} />
      )}
      <div className="actions">
        <button type="submit" disabled={invite.isPending}>
          Send the invitations
        </button>
      </div>
      {made && (
        <div className="notice" role="status">
          <p>
            Invited {made.invitations.length} {made.invitations.length === 1 ? 'person' : 'people'}. Each link works for
            7 days, for its address only:
          </p>
          <ul>
            {made.invitations.map((i) => (
              <li key={i.id}>
                {i.email}: <code className="link-box">{i.url}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {leave.question}
    </form>
  );
}
