import { Link, Navigate, useNavigate } from 'react-router';
import { lastOrg } from '../../app/session';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { archiveDate, useMyArchives } from '../archives/archives-api';
import { useMe } from '../me/me-api';
import { useCreateOrg } from './orgs-api';

/** Home: the last organisation used, or the first; a newcomer with none is asked to create one. */
export function HomePage() {
  const me = useMe().data;
  if (!me) return null;
  const remembered = me.memberships.find((m) => m.organizationId === lastOrg());
  const target = remembered ?? me.memberships[0];
  if (target) return <Navigate to={`/orgs/${target.organizationId}`} replace />;
  return <NewOrgPage first />;
}

/** Someone removed from their only organisation lands here: their data is waiting for them, for a while. */
function LeftOrganisationsNotice() {
  const archives = useMyArchives().data?.archives ?? [];
  if (archives.length === 0) return null;
  const names = archives.map((a) => a.organizationName).join(', ');
  return (
    <p className="notice">
      Your plans and learning from {names} are kept for you to download until{' '}
      {archiveDate(archives.map((a) => a.keptUntil).sort()[0] as string)}:{' '}
      <Link to="/settings#your-data">download them under Settings</Link>.
    </p>
  );
}

export function NewOrgPage({ first = false }: { first?: boolean }) {
  useTitle(first ? 'Welcome' : 'Create an organisation');
  const navigate = useNavigate();
  const me = useMe().data;
  const m = useCreateOrg((org) => navigate(`/orgs/${org.id}`));
  return (
    <section className="narrow">
      <h1>{first ? `Welcome to Waymark, ${me?.user.name ?? ''}` : 'Create an organisation'}</h1>
      {first && <LeftOrganisationsNotice />}
      {first && (
        <p>
          Waymark keeps your personal learning plan: what you want to learn, why, how, and who can help. Your
          organisation is where you find mentors and peers. If a colleague invited you, open the link in their e-mail;
          otherwise start your organisation here and invite people.
        </p>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate({ name: String(new FormData(e.currentTarget).get('name') ?? '') });
        }}
      >
        <FormError error={m.error} />
        <Field
          label="Organisation name"
          name="name"
          required
          error={fieldError(m.error, 'name')}
          hint="For example, Riverside Library Service."
        />
        <button type="submit" disabled={m.isPending}>
          Create organisation
        </button>
      </form>
    </section>
  );
}
