import type { ComponentType } from 'react';
import { createBrowserRouter, Link } from 'react-router';
import { useTitle } from '../components/use-title';
import { checkinsQuery } from '../features/checkins/checkins-api';
import { meQuery } from '../features/me/me-api';
import { unreadCountQuery } from '../features/notifications/notifications-api';
import { orgQuery } from '../features/orgs/orgs-api';
import { planQuery } from '../features/plans/plan-api';
import { reviewInboxQuery } from '../features/reviews/reviews-api';
import { PageLoading, PublicLayout, SignedInLayout } from './layout';
import { read, readFirst } from './route-data';

/**
 * Every page is its own chunk, fetched the first time it is opened (issue 17: the first load carries only
 * React, the router, the query cache and the two layouts). The router fetches the chunks of every route a
 * URL matches at once, with what the most visited pages show first (`readFirst`), and shows a loading state
 * until they are in. One import per module, so pages of one module share a chunk.
 */
const page =
  <M,>(load: () => Promise<M>, pick: (module: M) => ComponentType) =>
  async () => ({ Component: pick(await load()) });

const authPages = () => import('../features/auth/auth-pages');
const invitationPages = () => import('../features/invitations/invitation-pages');
const sharedPortfolioPage = () => import('../features/portfolio/shared-portfolio-page');
const unsubscribePage = () => import('../features/settings/unsubscribe-page');
const orgPages = () => import('../features/orgs/org-pages');
const membersPage = () => import('../features/members/members-page');
const profilePage = () => import('../features/profile/profile-page');
const plansPage = () => import('../features/plans/plans-page');
const logPage = () => import('../features/log/log-page');
const portfolioPage = () => import('../features/portfolio/portfolio-page');
const sharedWithMePage = () => import('../features/sharing/shared-with-me-page');
const feedPage = () => import('../features/posts/feed-page');
const postPage = () => import('../features/posts/post-page');
const communitiesPage = () => import('../features/communities/communities-page');
const communityPage = () => import('../features/communities/community-page');
const personPage = () => import('../features/posts/person-page');
const searchPage = () => import('../features/search/search-page');
const sharedPlanPage = () => import('../features/sharing/shared-plan-page');
const enlistmentsPage = () => import('../features/enlistment/enlistments-page');
const reviewsInboxPage = () => import('../features/reviews/reviews-inbox-page');
const reviewPage = () => import('../features/reviews/review-page');
const planLayout = () => import('../features/plans/plan-layout');
const planOverview = () => import('../features/plans/plan-overview');
const guidePage = () => import('../features/plans/guide-page');
const partPages = () => import('../features/plans/part-pages');
const goalPage = () => import('../features/evidence/goal-page');
const checkinsPage = () => import('../features/checkins/checkins-page');
const historyPage = () => import('../features/plans/history-page');
const accessPage = () => import('../features/sharing/access-page');
const planReviewsPage = () => import('../features/reviews/plan-reviews-page');
const guideAdminPage = () => import('../features/guides/guide-admin-page');
const templatesPage = () => import('../features/templates/templates-page');
const insightsPage = () => import('../features/insights/insights-page');
const topicsPage = () => import('../features/insights/topics-page');
const insightActionPage = () => import('../features/insights/insight-action-page');
const settingsPage = () => import('../features/settings/settings-page');
const notificationsPage = () => import('../features/notifications/notifications-page');

function NotFoundPage() {
  useTitle('Page not found');
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Go to your home page</Link>.
      </p>
    </section>
  );
}

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      { path: '/sign-up', lazy: page(authPages, (m) => m.SignUpPage) },
      { path: '/sign-in', lazy: page(authPages, (m) => m.SignInPage) },
      { path: '/forgot-password', lazy: page(authPages, (m) => m.ForgotPasswordPage) },
      { path: '/reset-password', lazy: page(authPages, (m) => m.ResetPasswordPage) },
      { path: '/verify-email', lazy: page(authPages, (m) => m.VerifyEmailPage) },
      { path: '/invite/:token', lazy: page(invitationPages, (m) => m.InviteLandingPage) },
      { path: '/p/:token', lazy: page(sharedPortfolioPage, (m) => m.SharedPortfolioPage) },
      { path: '/unsubscribe', lazy: page(unsubscribePage, (m) => m.UnsubscribePage) },
    ],
  },
  {
    element: <SignedInLayout />,
    hydrateFallbackElement: <PageLoading />,
    // Who is signed in, and what the header shows beside the navigation (unread notifications, reviews to sign).
    loader: readFirst(({ orgId }) => [read(meQuery), read(unreadCountQuery), !!orgId && read(reviewInboxQuery(orgId))]),
    children: [
      { path: '/', lazy: page(orgPages, (m) => m.HomePage) },
      { path: '/orgs/new', lazy: page(orgPages, (m) => m.NewOrgPage) },
      {
        path: '/orgs/:orgId',
        loader: readFirst(({ orgId = '' }) => [read(orgQuery(orgId))]),
        lazy: page(orgPages, (m) => m.OrgHomePage),
      },
      { path: '/orgs/:orgId/members', lazy: page(membersPage, (m) => m.MembersPage) },
      { path: '/orgs/:orgId/invitations', lazy: page(invitationPages, (m) => m.InvitationsPage) },
      { path: '/orgs/:orgId/profile', lazy: page(profilePage, (m) => m.ProfilePage) },
      { path: '/orgs/:orgId/plans', lazy: page(plansPage, (m) => m.PlansPage) },
      { path: '/orgs/:orgId/log', lazy: page(logPage, (m) => m.LogPage) },
      { path: '/orgs/:orgId/portfolio', lazy: page(portfolioPage, (m) => m.PortfolioPage) },
      { path: '/orgs/:orgId/shared', lazy: page(sharedWithMePage, (m) => m.SharedWithMePage) },
      { path: '/orgs/:orgId/feed', lazy: page(feedPage, (m) => m.FeedPage) },
      { path: '/orgs/:orgId/posts/:postId', lazy: page(postPage, (m) => m.PostPage) },
      { path: '/orgs/:orgId/communities', lazy: page(communitiesPage, (m) => m.CommunitiesPage) },
      { path: '/orgs/:orgId/communities/:communityId', lazy: page(communityPage, (m) => m.CommunityPage) },
      { path: '/orgs/:orgId/people/:memberId', lazy: page(personPage, (m) => m.PersonPage) },
      { path: '/orgs/:orgId/search', lazy: page(searchPage, (m) => m.SearchPage) },
      { path: '/orgs/:orgId/shared/:planId', lazy: page(sharedPlanPage, (m) => m.SharedPlanPage) },
      { path: '/orgs/:orgId/enlistments', lazy: page(enlistmentsPage, (m) => m.EnlistmentsPage) },
      { path: '/orgs/:orgId/reviews', lazy: page(reviewsInboxPage, (m) => m.ReviewsInboxPage) },
      { path: '/orgs/:orgId/reviews/:reviewId', lazy: page(reviewPage, (m) => m.ReviewPage) },
      {
        path: '/orgs/:orgId/plans/:planId',
        loader: readFirst(({ planId = '' }) => [read(planQuery(planId))]),
        lazy: page(planLayout, (m) => m.PlanLayout),
        children: [
          {
            index: true,
            loader: readFirst(({ planId = '' }) => [read(checkinsQuery(planId))]),
            lazy: page(planOverview, (m) => m.PlanOverviewPage),
          },
          { path: 'guide', lazy: page(guidePage, (m) => m.GuidePage) },
          { path: 'guide/:part/:step', lazy: page(guidePage, (m) => m.GuidePage) },
          { path: 'reflections', lazy: page(partPages, (m) => m.ReflectionsPage) },
          { path: 'goals', lazy: page(partPages, (m) => m.GoalsPage) },
          { path: 'goals/:goalId', lazy: page(goalPage, (m) => m.GoalPage) },
          { path: 'network', lazy: page(partPages, (m) => m.NetworkPage) },
          { path: 'sharing', lazy: page(partPages, (m) => m.SharingPage) },
          { path: 'checkins', lazy: page(checkinsPage, (m) => m.CheckinsPage) },
          { path: 'history', lazy: page(historyPage, (m) => m.HistoryPage) },
          { path: 'access', lazy: page(accessPage, (m) => m.AccessPage) },
          { path: 'reviews', lazy: page(planReviewsPage, (m) => m.PlanReviewsPage) },
        ],
      },
      { path: '/orgs/:orgId/guide', lazy: page(guideAdminPage, (m) => m.GuideAdminPage) },
      { path: '/orgs/:orgId/templates', lazy: page(templatesPage, (m) => m.TemplatesPage) },
      { path: '/orgs/:orgId/insights', lazy: page(insightsPage, (m) => m.InsightsPage) },
      { path: '/orgs/:orgId/insights/topics', lazy: page(topicsPage, (m) => m.TopicsPage) },
      { path: '/orgs/:orgId/insight-actions/:actionId', lazy: page(insightActionPage, (m) => m.InsightActionPage) },
      { path: '/settings', lazy: page(settingsPage, (m) => m.SettingsPage) },
      { path: '/notifications', lazy: page(notificationsPage, (m) => m.NotificationsPage) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
