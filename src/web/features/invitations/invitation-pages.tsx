import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { roleLabels } from '../../../features/orgs/role-labels';
import { Field } from '../../components/field';
import { FormError, Notice } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { useMe } from '../me/me-api';
import type { Role } from '../members/members-api';
import { useOrg } from '../orgs/orgs-api';
import {
  type CreatedInvitation,
  type InvitationView,
  useAcceptInvitation,
  useInvitationPreview,
  useInvitations,
  useInvite,
  useWithdrawInvitation,
} from './invitations-api';
import { InviteManyForm } from './invite-many-form';

const statusLabel: Record<InvitationView['status'], string> = {
  pending: 'Waiting',
  expired: 'Expired',
  accepted: 'Joined',
  revoked: 'Withdrawn',
};

export function InvitationsPage() {
  const { orgId = '' } = useParams();
  useTitle('Invitations');
  const org = useOrg(orgId);
  const me = useMe();
  const list = useInvitations(orgId);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [copied, setCopied] = useState(false);
  const invite = useInvite(orgId, (inv) => {
    setCreated(inv);
    setCopied(false);
  });
  const withdraw = useWithdrawInvitation(orgId);
  return (
    <section>
      <h1>Invite people{org.data ? ` to ${org.data.name}` : ''}</h1>
      <form
        className="inline-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          invite.mutate({ email: String(data.get('email') ?? ''), role: String(data.get('role') ?? 'member') as Role });
        }}
      >
        <FormError error={invite.error} />
        <Field label="E-mail address" name="email" type="email" required error={fieldError(invite.error, 'email')} />
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue="member">
            <option value="member">Member</option>
            <option value="admin">L&amp;D admin</option>
            {org.data?.yourRole === 'owner' && <option value="owner">Owner</option>}
          </select>
        </div>
        <button type="submit" disabled={invite.isPending}>
          Send invitation
        </button>
      </form>
      {created?.url && (
        <div className="notice" role="status">
          {me.data?.outbox ? (
            <p>
              Invitation made for <strong>{created.email}</strong>. This Waymark sends no e-mail, so pass on the link
              yourself (by chat or your own e-mail). It works for 7 days, for that address only:
            </p>
          ) : (
            <p>
              Invitation sent to <strong>{created.email}</strong>. You can also pass on the link yourself:
            </p>
          )}
          <p className="row">
            <code className="link-box" id="invitation-link">
              {created.url}
            </code>
            <button
              type="button"
              className="secondary"
              aria-describedby="invitation-link"
              onClick={async () => {
                await navigator.clipboard?.writeText(created.url ?? '').catch(() => {});
                setCopied(true);
              }}
            >
              {copied ? 'Copied' : 'Copy link'}
            </button>
          </p>
        </div>
      )}
      <InviteManyForm orgId={orgId} canInviteOwners={org.data?.yourRole === 'owner'} />
      <h2>Invitations</h2>
      <FormError error={list.error ?? withdraw.error} />
      {list.data?.invitations.length === 0 && <p>No invitations yet.</p>}
      {list.data && list.data.invitations.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Invited by</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.invitations.map((inv) => (
              <tr key={inv.id}>
                <td>{inv.email}</td>
                <td>{roleLabels[inv.role]}</td>
                <td>{statusLabel[inv.status]}</td>
                <td>{inv.invitedBy ?? '—'}</td>
                <td>
                  {inv.status === 'pending' && (
                    <button type="button" className="secondary" onClick={() => withdraw.mutate(inv.id)}>
                      Withdraw invitation to {inv.email}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Where an invitation link lands: signed out, it offers sign-up or sign-in; signed in, one click joins. */
export function InviteLandingPage() {
  const { token = '' } = useParams();
  useTitle('Invitation');
  const me = useMe();
  const navigate = useNavigate();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation(token, (orgId) => navigate(`/orgs/${orgId}`));
  const here = `/invite/${token}`;
  if (preview.isPending || me.isPending) return <p role="status">Loading…</p>;
  if (preview.error) {
    return (
      <section className="auth-card">
        <h1>Invitation not found</h1>
        <p>This link is not valid. Check that you copied all of it, or ask for a new invitation.</p>
      </section>
    );
  }
  const inv = preview.data;
  return (
    <section className="auth-card">
      <h1>Join {inv.organizationName} on Waymark</h1>
      <p>
        {inv.invitedBy ?? 'Someone'} invited <strong>{inv.email}</strong> to join as{' '}
        {roleLabels[inv.role].toLowerCase()}.
      </p>
      {inv.status === 'expired' && (
        <p className="alert">This invitation has expired. Ask {inv.invitedBy ?? 'them'} for a new one.</p>
      )}
      {inv.status === 'revoked' && <p className="alert">This invitation was withdrawn.</p>}
      {inv.status === 'accepted' && <Notice>This invitation was used already.</Notice>}
      {inv.status === 'pending' &&
        (me.data ? (
          <>
            <FormError error={accept.error} />
            <p>You are signed in as {me.data.user.email}.</p>
            <button type="button" onClick={() => accept.mutate()} disabled={accept.isPending}>
              Join {inv.organizationName}
            </button>
          </>
        ) : (
          <p className="row">
            <Link
              className="button"
              to={`/sign-up?next=${encodeURIComponent(here)}&email=${encodeURIComponent(inv.email)}`}
            >
              Sign up to join
            </Link>
            <Link className="button secondary" to={`/sign-in?next=${encodeURIComponent(here)}`}>
              Sign in to join
            </Link>
          </p>
        ))}
    </section>
  );
}
