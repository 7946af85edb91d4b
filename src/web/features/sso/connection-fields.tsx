import { type RefObject, useId } from 'react';
import { ConfirmDialog, type ConfirmHandle } from '../../components/confirm-dialog';

/* What every protocol's form asks alike: the role people join with, "require SSO", and removing the set-up. */

export function JoinRules({ defaultRole, requireSso }: { defaultRole: 'member' | 'admin'; requireSso: boolean }) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-role`}>Role of people who join by signing in</label>
        <select id={`${id}-role`} name="defaultRole" defaultValue={defaultRole}>
          <option value="member">Member</option>
          <option value="admin">L&amp;D admin</option>
        </select>
      </div>
      <label className="check">
        <input type="checkbox" role="switch" name="requireSso" defaultChecked={requireSso} />
        Require single sign-on for addresses in the verified domains (passwords are refused, except owners’)
      </label>
    </>
  );
}

/** The role and switch of a submitted form. */
/** A connection form's buttons: save it, and (once saved) remove single sign-on after a confirmation. */
export function ConnectionActions({
  saving,
  saved,
  confirm,
}: {
  saving: boolean;
  saved: boolean;
  confirm: RefObject<ConfirmHandle | null>;
}) {
  return (
    <div className="actions">
      <button type="submit" disabled={saving}>
        {saving ? 'Saving…' : 'Save'}
      </button>
      {saved && (
        <button type="button" className="secondary" onClick={() => confirm.current?.open()}>
          Remove single sign-on
        </button>
      )}
    </div>
  );
}

export const joinRulesOf = (data: FormData) => ({
  defaultRole: data.get('defaultRole') === 'admin' ? ('admin' as const) : ('member' as const),
  requireSso: data.get('requireSso') === 'on',
});

export function RemoveDialog({
  dialog,
  onConfirm,
}: {
  dialog: RefObject<ConfirmHandle | null>;
  onConfirm: () => void;
}) {
  return (
    <ConfirmDialog ref={dialog} title="Remove single sign-on?" confirmLabel="Remove" danger onConfirm={onConfirm}>
      People will sign in with their Waymark passwords again; those who only ever used single sign-on can choose “Forgot
      your password?” to set one.
    </ConfirmDialog>
  );
}
