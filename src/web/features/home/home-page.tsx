import { Link, useParams } from 'react-router';
import { rememberOrg } from '../../app/session';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { useMe } from '../me/me-api';
import { useOrg } from '../orgs/orgs-api';
import { type HomeView, useHome } from './home-api';
import { NextCards } from './next-cards';

/** For L&D admins and owners: the organisation in a few counts, each with where to act on it. */
function OrganisationFigures({ figures, orgId }: { figures: NonNullable<HomeView['organisation']>; orgId: string }) {
  return (
    <section aria-labelledby="organisation-heading">
      <h2 id="organisation-heading">How your organisation is doing</h2>
      <dl className="home-figures">
        <div>
          <dt>People</dt>
          <dd>
            {figures.members} <span className="hint">({figures.joinedLast30Days} joined in the last 30 days)</span>
          </dd>
        </div>
        <div>
          <dt>Plans started</dt>
          <dd>{figures.plansStarted ?? <span className="hint">fewer than {figures.k} people: not shown</span>}</dd>
        </div>
        <div>
          <dt>Opted in to insights</dt>
          <dd>{figures.optedIn}</dd>
        </div>
      </dl>
      <p>
        <Link to={`/orgs/${orgId}/invitations`}>Invite people</Link> ·{' '}
        <Link to={`/orgs/${orgId}/insights`}>See what people are learning</Link>
      </p>
    </section>
  );
}

/** Recent posts from the people and topics the person follows; how to follow some when there are none. */
function FollowedPosts({ posts, orgId }: { posts: HomeView['posts']; orgId: string }) {
  return (
    <section aria-labelledby="posts-heading">
      <h2 id="posts-heading">From people and topics you follow</h2>
      {posts.length === 0 ? (
        <p className="hint">
          Nothing new yet. Follow colleagues and topics in <Link to={`/orgs/${orgId}/feed`}>the feed</Link> to see what
          they learn here.
        </p>
      ) : (
        <ul className="next-items">
          {posts.map((p) => (
            <li key={p.id}>
              <Link to={`/orgs/${orgId}/posts/${p.id}`}>{p.title}</Link> <span className="hint">by {p.authorName}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Home in an organisation: what is next for the person, as a short list of cards with one action each (the
 * guide or the steps after it, what others wait for, check-ins, sharing and dates), the organisation's counts
 * for admins, posts they follow, and the way to everything else.
 */
export function OrgHomePage() {
  const { orgId = '' } = useParams();
  const org = useOrg(orgId);
  const home = useHome(orgId);
  const me = useMe().data;
  useTitle(org.data?.name ?? 'Home');
  if (org.isPending || home.isPending) return <p role="status">Loading…</p>;
  if (org.error) return <FormError error={org.error} />;
  if (home.error) return <FormError error={home.error} />;
  const o = org.data;
  rememberOrg(o.id);
  return (
    <section className="home">
      <h1>Hello, {me?.user.name}</h1>
      <p className="lead">
        You are {o.yourRole === 'admin' ? 'an L&D admin' : `a${o.yourRole === 'owner' ? 'n owner' : ' member'}`} of{' '}
        <strong>{o.name}</strong>, with {o.memberCount} {o.memberCount === 1 ? 'person' : 'people'}. Here is what is
        next for you.
      </p>
      <h2 id="next-heading">Next for you</h2>
      <NextCards home={home.data} orgId={o.id} />
      {home.data.organisation && <OrganisationFigures figures={home.data.organisation} orgId={o.id} />}
      <FollowedPosts posts={home.data.posts} orgId={o.id} />
      <nav aria-labelledby="around-heading">
        <h2 id="around-heading">Around your learning</h2>
        <ul className="home-links">
          <li>
            <Link to={`/orgs/${o.id}/plans`}>Go to your plans</Link>
          </li>
          <li>
            <Link to={`/orgs/${o.id}/log`}>Log something you learned</Link>
          </li>
          <li>
            <Link to={`/orgs/${o.id}/profile`}>Complete your profile</Link>: what you can help others with
          </li>
          <li>
            <Link to={`/orgs/${o.id}/members`}>See members</Link> of {o.name}
          </li>
        </ul>
      </nav>
    </section>
  );
}
