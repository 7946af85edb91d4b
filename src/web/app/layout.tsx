import { House, Map as MapIcon, Rss } from 'lucide-react';
import { type ReactNode, useEffect, useState } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useMatch, useNavigation } from 'react-router';
import { QuickCapture } from '../features/log/quick-capture';
import { type MyMembership, useMe } from '../features/me/me-api';
import { SuspendedNotice } from '../features/me/suspended-notice';
import { NotificationsLink } from '../features/notifications/notifications-link';
import { HeaderSearch } from '../features/search/header-search';
import { ToastOutlet } from '../ui/toast-outlet';
import { useMediaQuery, WIDE } from '../ui/use-media-query';
import { lastOrg } from './session';
import { AccountMenu, OrgSwitcher, PhoneMenu } from './shell/lazy-menus';
import { MainNav } from './shell/main-nav';

/**
 * Pages for signed-in people, in the app's shell (issue 18). Wide screens: a sidebar with the main navigation
 * in its groups, and a bar with search, "Log learning", the notifications bell and the account menu. Phones: the
 * bar keeps the bell and the account menu; a bottom bar holds the most used pages, "Log learning" and a Menu
 * with the rest. Signed out → sign in.
 */
export function SignedInLayout() {
  const me = useMe();
  const location = useLocation();
  const match = useMatch('/orgs/:orgId/*');
  const orgId = match?.params.orgId;
  const wide = useMediaQuery(WIDE);
  if (me.isPending) return <p role="status">Loading…</p>;
  if (!me.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  const { memberships, user } = me.data;
  // Pages outside an organisation (settings, notifications) keep the navigation of the one used last.
  const current =
    memberships.find((m) => m.organizationId === (orgId ?? lastOrg())) ?? (orgId ? undefined : memberships[0]);
  const switcher = memberships.length > 1 && <OrgSwitcher memberships={memberships} current={current} />;
  return (
    <div className={`shell${current && wide ? ' with-sidebar' : ''}`}>
      <SkipLink />
      {current && wide && (
        <MainNav membership={current} className="main-nav sidebar">
          <Brand />
          {switcher}
        </MainNav>
      )}
      <header className="topbar">
        {!(current && wide) && <Brand />}
        {!current && switcher}
        {current && wide && <HeaderSearch orgId={current.organizationId} />}
        <div className="topbar-actions">
          {current && wide && <QuickCapture orgId={current.organizationId} />}
          <NotificationsLink />
          <AccountMenu name={user.name} email={user.email} orgId={current?.organizationId} />
        </div>
      </header>
      <Main notice={<SuspendedNotice suspended={me.data.suspended} />} />
      {current && !wide && <BottomBar membership={current} memberships={memberships} />}
      <ToastOutlet />
    </div>
  );
}

/**
 * The phone's bottom bar: home, plans, "Log learning" in the middle, the feed, and the menu with everything
 * else (within a thumb's reach, labelled in words under each icon).
 */
function BottomBar({ membership, memberships }: { membership: MyMembership; memberships: MyMembership[] }) {
  const org = `/orgs/${membership.organizationId}`;
  return (
    <nav aria-label="Quick" className="bottom-bar">
      <NavLink to={org} end className="bottom-item">
        <House size={22} strokeWidth={1.75} />
        <span>Home</span>
      </NavLink>
      <NavLink to={`${org}/plans`} className="bottom-item">
        <MapIcon size={22} strokeWidth={1.75} />
        <span>Plans</span>
      </NavLink>
      <div className="bottom-capture">
        <QuickCapture orgId={membership.organizationId} />
      </div>
      <NavLink to={`${org}/feed`} className="bottom-item">
        <Rss size={22} strokeWidth={1.75} />
        <span>Feed</span>
      </NavLink>
      <PhoneMenu membership={membership} memberships={memberships} />
    </nav>
  );
}

/** Pages for everyone (sign-in, invitation links): a plain frame. */
export function PublicLayout() {
  return (
    <div className="shell">
      <SkipLink />
      <header className="topbar">
        <Brand />
      </header>
      <Main />
      <ToastOutlet />
    </div>
  );
}

function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to content
    </a>
  );
}

/** The name, and the way home. */
function Brand() {
  return (
    <NavLink to="/" className="brand" end>
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" className="brand-mark">
        <path d="M5 21V4M5 4h11l-2.5 4L16 12H5" />
      </svg>
      Waymark
    </NavLink>
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
function Main({ notice = null }: { notice?: ReactNode }) {
  const loading = useNavigation().state === 'loading';
  const slow = useSlow(loading);
  return (
    <main id="main" tabIndex={-1} aria-busy={loading || undefined} className={slow ? 'loading' : undefined}>
      <p role="status" className="visually-hidden">
        {slow ? 'Loading the page…' : ''}
      </p>
      {notice}
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
