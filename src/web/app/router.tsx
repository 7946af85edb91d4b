import { createBrowserRouter, Link } from 'react-router';
import { useTitle } from '../components/use-title';
import {
  ForgotPasswordPage,
  ResetPasswordPage,
  SignInPage,
  SignUpPage,
  VerifyEmailPage,
} from '../features/auth/auth-pages';
import { CheckinsPage } from '../features/checkins/checkins-page';
import { CommunitiesPage } from '../features/communities/communities-page';
import { CommunityPage } from '../features/communities/community-page';
import { EnlistmentsPage } from '../features/enlistment/enlistments-page';
import { GoalPage } from '../features/evidence/goal-page';
import { GuideAdminPage } from '../features/guides/guide-admin-page';
import { InsightActionPage } from '../features/insights/insight-action-page';
import { InsightsPage } from '../features/insights/insights-page';
import { TopicsPage } from '../features/insights/topics-page';
import { InvitationsPage, InviteLandingPage } from '../features/invitations/invitation-pages';
import { LogPage } from '../features/log/log-page';
import { MembersPage } from '../features/members/members-page';
import { NotificationsPage } from '../features/notifications/notifications-page';
import { HomePage, NewOrgPage, OrgHomePage } from '../features/orgs/org-pages';
import { GuidePage } from '../features/plans/guide-page';
import { HistoryPage } from '../features/plans/history-page';
import { GoalsPage, NetworkPage, ReflectionsPage, SharingPage } from '../features/plans/part-pages';
import { PlanLayout } from '../features/plans/plan-layout';
import { PlanOverviewPage } from '../features/plans/plan-overview';
import { PlansPage } from '../features/plans/plans-page';
import { PortfolioPage } from '../features/portfolio/portfolio-page';
import { SharedPortfolioPage } from '../features/portfolio/shared-portfolio-page';
import { FeedPage } from '../features/posts/feed-page';
import { PersonPage } from '../features/posts/person-page';
import { PostPage } from '../features/posts/post-page';
import { ProfilePage } from '../features/profile/profile-page';
import { PlanReviewsPage } from '../features/reviews/plan-reviews-page';
import { ReviewPage } from '../features/reviews/review-page';
import { ReviewsInboxPage } from '../features/reviews/reviews-inbox-page';
import { SearchPage } from '../features/search/search-page';
import { SettingsPage } from '../features/settings/settings-page';
import { UnsubscribePage } from '../features/settings/unsubscribe-page';
import { AccessPage } from '../features/sharing/access-page';
import { SharedPlanPage } from '../features/sharing/shared-plan-page';
import { SharedWithMePage } from '../features/sharing/shared-with-me-page';
import { TemplatesPage } from '../features/templates/templates-page';
import { PublicLayout, SignedInLayout } from './layout';

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
    children: [
      { path: '/sign-up', element: <SignUpPage /> },
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/verify-email', element: <VerifyEmailPage /> },
      { path: '/invite/:token', element: <InviteLandingPage /> },
      { path: '/p/:token', element: <SharedPortfolioPage /> },
      { path: '/unsubscribe', element: <UnsubscribePage /> },
    ],
  },
  {
    element: <SignedInLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/orgs/new', element: <NewOrgPage /> },
      { path: '/orgs/:orgId', element: <OrgHomePage /> },
      { path: '/orgs/:orgId/members', element: <MembersPage /> },
      { path: '/orgs/:orgId/invitations', element: <InvitationsPage /> },
      { path: '/orgs/:orgId/profile', element: <ProfilePage /> },
      { path: '/orgs/:orgId/plans', element: <PlansPage /> },
      { path: '/orgs/:orgId/log', element: <LogPage /> },
      { path: '/orgs/:orgId/portfolio', element: <PortfolioPage /> },
      { path: '/orgs/:orgId/shared', element: <SharedWithMePage /> },
      { path: '/orgs/:orgId/feed', element: <FeedPage /> },
      { path: '/orgs/:orgId/posts/:postId', element: <PostPage /> },
      { path: '/orgs/:orgId/communities', element: <CommunitiesPage /> },
      { path: '/orgs/:orgId/communities/:communityId', element: <CommunityPage /> },
      { path: '/orgs/:orgId/people/:memberId', element: <PersonPage /> },
      { path: '/orgs/:orgId/search', element: <SearchPage /> },
      { path: '/orgs/:orgId/shared/:planId', element: <SharedPlanPage /> },
      { path: '/orgs/:orgId/enlistments', element: <EnlistmentsPage /> },
      { path: '/orgs/:orgId/reviews', element: <ReviewsInboxPage /> },
      { path: '/orgs/:orgId/reviews/:reviewId', element: <ReviewPage /> },
      {
        path: '/orgs/:orgId/plans/:planId',
        element: <PlanLayout />,
        children: [
          { index: true, element: <PlanOverviewPage /> },
          { path: 'guide', element: <GuidePage /> },
          { path: 'guide/:part/:step', element: <GuidePage /> },
          { path: 'reflections', element: <ReflectionsPage /> },
          { path: 'goals', element: <GoalsPage /> },
          { path: 'goals/:goalId', element: <GoalPage /> },
          { path: 'network', element: <NetworkPage /> },
          { path: 'sharing', element: <SharingPage /> },
          { path: 'checkins', element: <CheckinsPage /> },
          { path: 'history', element: <HistoryPage /> },
          { path: 'access', element: <AccessPage /> },
          { path: 'reviews', element: <PlanReviewsPage /> },
        ],
      },
      { path: '/orgs/:orgId/guide', element: <GuideAdminPage /> },
      { path: '/orgs/:orgId/templates', element: <TemplatesPage /> },
      { path: '/orgs/:orgId/insights', element: <InsightsPage /> },
      { path: '/orgs/:orgId/insights/topics', element: <TopicsPage /> },
      { path: '/orgs/:orgId/insight-actions/:actionId', element: <InsightActionPage /> },
      { path: '/settings', element: <SettingsPage /> },
      { path: '/notifications', element: <NotificationsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
