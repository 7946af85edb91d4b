import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { lastOrg, rememberOrg } from '../../app/session';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { archiveDate, useMyArchives } from '../archives/archives-api';
import { useMe } from '../me/me-api';
import { useCreateOrg, useOrg } from './orgs-api';

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

export function OrgHomePage() {
  const { orgId = '' } = useParams();
  const org = useOrg(orgId);
  const me = useMe().data;
  useTitle(org.data?.name ?? 'Organisation');
  if (org.isPending) return <p role="status">Loading…</p>;
  if (org.error) return <FormError error={org.error} />;
  const o = org.data;
  rememberOrg(o.id);
  const admin = o.yourRole !== 'member';
  return (
    <section>
      <h1>Hello, {me?.user.name}</h1>
      <p className="lead">
        You are {o.yourRole === 'admin' ? 'an L&D admin' : `a${o.yourRole === 'owner' ? 'n owner' : ' member'}`} of{' '}
        <strong>{o.name}</strong>, with {o.memberCount} {o.memberCount === 1 ? 'person' : 'people'}.
      </p>
      <div className="cards">
        <article className="card">
          <h2>Your learning plan</h2>
          <p>
            Reflect on how you learn best, set your own goals, enlist people who can help, and decide how you will share
            what you learn. The guide takes you through it one question at a time.
          </p>
          <Link className="button" to={`/orgs/${o.id}/plans`}>
            Go to your plans
          </Link>
        </article>
        <article className="card">
          <h2>Your learning log</h2>
          <p>
            Informal learning counts. Note what you learn as it happens, from a colleague, a book or a mistake: it takes
            seconds with “Log learning”
            {/* The shortcut only where there is a keyboard to press it (ui/ui.css). */}
            <span className="keyboard-only">
              {' '}
              or the <kbd>L</kbd> key
            </span>
            .
          </p>
          <Link className="button secondary" to={`/orgs/${o.id}/log`}>
            Open your log
          </Link>
        </article>
        <article className="card">
          <h2>Help others learn</h2>
          <p>Tell colleagues what you can help with: your job title and the topics you could mentor on.</p>
          <Link className="button secondary" to={`/orgs/${o.id}/profile`}>
            Complete your profile
          </Link>
        </article>
        <article className="card">
          <h2>Who is here</h2>
          <p>See the people in {o.name}, who supervises whom, and who offers mentoring on which topics.</p>
          <Link className="button" to={`/orgs/${o.id}/members`}>
            See members
          </Link>
        </article>
        {admin && (
          <article className="card">
            <h2>{o.memberCount === 1 ? 'Invite your first colleagues' : 'Invite more people'}</h2>
            <p>Learning is social. Invite people by e-mail; they join with one click.</p>
            <Link className="button" to={`/orgs/${o.id}/invitations`}>
              Invite people
            </Link>
          </article>
        )}
      </div>
    </section>
  );
}
