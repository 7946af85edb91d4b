import { useEffect, useState } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useMatch, useNavigate, useNavigation } from 'react-router';
import { useSignOut } from '../features/auth/auth-api';
import { QuickCapture } from '../features/log/quick-capture';
import { useMe } from '../features/me/me-api';
import { NotificationsLink } from '../features/notifications/notifications-link';
import { ReviewsNavItem } from '../features/reviews/reviews-nav-item';
import { HeaderSearch } from '../features/search/header-search';
import { lastOrg, rememberOrg } from './session';

/** Pages for signed-in people: header with organisation switcher and navigation. Signed out → sign in. */
export function SignedInLayout() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const match = useMatch('/orgs/:orgId/*');
  const orgId = match?.params.orgId;
  const onRequests = useMatch('/orgs/:orgId/enlistments') !== null;
  const signOut = useSignOut(() => navigate('/sign-in'));
  if (me.isPending) return <p role="status">Loading…</p>;
  if (!me.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  // Pages outside an organisation (settings, notifications) keep the navigation of the one used last.
  const current =
    me.data.memberships.find((m) => m.organizationId === (orgId ?? lastOrg())) ??
    (orgId ? undefined : me.data.memberships[0]);
  const isAdmin = current && current.role !== 'member';
  return (
    <>
      <Header>
        {me.data.memberships.length > 0 && (
          <div className="org-switch">
            <label htmlFor="org-switch">Organisation</label>
            <select
              id="org-switch"
              value={orgId ?? ''}
              onChange={(e) => {
                if (e.target.value === 'new') return navigate('/orgs/new');
                rememberOrg(e.target.value);
                navigate(`/orgs/${e.target.value}`);
              }}
            >
              {!orgId && <option value="">Choose…</option>}
              {me.data.memberships.map((m) => (
                <option key={m.organizationId} value={m.organizationId}>
                  {m.organizationName}
                </option>
              ))}
              <option value="new">+ Create another organisation</option>
            </select>
          </div>
        )}
        <nav aria-label="Main">
          <ul>
            {current && (
              <>
                <li>
                  <NavLink to={`/orgs/${current.organizationId}`} end>
                    Home
                  </NavLink>
                </li>
                <li>
                  <NavLink to={`/orgs/${current.organizationId}/plans`}>Plans</NavLink>
                </li>
                <li>
                  <NavLink to={`/orgs/${current.organizationId}/log`}>Log</NavLink>
                </li>
                <li>
                  <NavLink to={`/orgs/${current.organizationId}/portfolio`}>Portfolio</NavLink>
                </li>
                {/* Groups, each starting with a divider: your own learning, other people, the organisation, you. */}
                <li className="group-start">
                  <NavLink to={`/orgs/${current.organizationId}/feed`}>Feed</NavLink>
                </li>
                <li>
                  <NavLink to={`/orgs/${current.organizationId}/communities`}>Communities</NavLink>
                </li>
                <li>
                  {/* One entry for what colleagues show you and ask of you; the page has tabs for both. */}
                  <NavLink
                    to={`/orgs/${current.organizationId}/shared`}
                    className={({ isActive }) => (isActive || onRequests ? 'active' : '')}
                  >
                    Shared with me
                  </NavLink>
                </li>
                <ReviewsNavItem orgId={current.organizationId} />
                <li>
                  <NavLink to={`/orgs/${current.organizationId}/members`}>Members</NavLink>
                </li>
                {isAdmin && (
                  <>
                    <li className="group-start">
                      <NavLink to={`/orgs/${current.organizationId}/invitations`}>Invitations</NavLink>
                    </li>
                    <li>
                      <NavLink to={`/orgs/${current.organizationId}/templates`}>Templates</NavLink>
                    </li>
                    <li>
                      <NavLink to={`/orgs/${current.organizationId}/guide`}>Guide</NavLink>
                    </li>
                    <li>
                      <NavLink to={`/orgs/${current.organizationId}/insights`}>Insights</NavLink>
                    </li>
                  </>
                )}
                <li className="group-start">
                  <NavLink to={`/orgs/${current.organizationId}/profile`}>Profile</NavLink>
                </li>
              </>
            )}
            <li>
              <NotificationsLink />
            </li>
            <li>
              <NavLink to="/settings">Settings</NavLink>
            </li>
          </ul>
        </nav>
        <div className="who">
          {current && <HeaderSearch orgId={current.organizationId} />}
          {current && <QuickCapture orgId={current.organizationId} />}
          <span>{me.data.user.name}</span>
          <button type="button" className="secondary" onClick={() => signOut.mutate()}>
            Sign out
          </button>
        </div>
      </Header>
      <Main />
    </>
  );
}

/** Pages for everyone (sign-in, invitation links): a plain frame. */
export function PublicLayout() {
  return (
    <>
      <Header />
      <Main />
    </>
  );
}

/** The skip link and the header every page starts with; signed-in pages add their navigation. */
function Header({ children }: { children?: React.ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <NavLink to="/" className="brand">
          Waymark
        </NavLink>
        {children}
      </header>
    </>
  );
}

/** True once `busy` has lasted `ms`: a quick load shows nothing, a slow one says so. */
function useSlow(busy: boolean, ms = 400) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!busy) return;
    const timer = setTimeout(() => setSlow(true), ms);
    return () => clearTimeout(timer);
  }, [busy, ms]);
  return slow;
}

/**
 * While the next page's code and first data load, the current page stays, marked busy; when that takes a
 * moment, it dims and a status says so (screen readers hear it too).
 */
function Main() {
  const loading = useNavigation().state === 'loading';
  const slow = useSlow(loading);
  return (
    <main id="main" tabIndex={-1} aria-busy={loading || undefined} className={slow ? 'loading' : undefined}>
      <p role="status" className="visually-hidden">
        {slow ? 'Loading the page…' : ''}
      </p>
      <Outlet />
    </main>
  );
}

/** The first load, before the page's code and first data are in: nothing else is on the screen yet. */
export function PageLoading() {
  return (
    <p role="status" className="page-loading">
      Loading Waymark…
    </p>
  );
}
