import type { ComponentType } from 'react';
import { createBrowserRouter, Link } from 'react-router';
import { useTitle } from '../components/use-title';
import { checkinsQuery } from '../features/checkins/checkins-api';
import { homeQuery, planNextStepsQuery } from '../features/home/home-api';
import { meQuery } from '../features/me/me-api';
import { orgQuery } from '../features/orgs/orgs-api';
import { planQuery } from '../features/plans/plan-api';
import { planReviewsQuery, reviewInboxQuery } from '../features/reviews/reviews-api';
import { PageLoading, PublicLayout, SignedInLayout } from './layout';
import * as pages from './pages';
import { read, readFirst, readForAdmins } from './route-data';

/**
 * Every page is its own chunk, fetched the first time it is opened (issue 17: the first load carries only
 * React, the router, the query cache and the two layouts). The router fetches the chunks of every route a
 * URL matches at once, with what the most visited pages show first (`readFirst`), and shows a loading state
 * until they are in.
 */
const page =
  <M,>(load: () => Promise<M>, pick: (module: M) => ComponentType) =>
  async () => ({ Component: pick(await load()) });

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
      { path: '/sign-up', lazy: page(pages.authPages, (m) => m.SignUpPage) },
      { path: '/sign-in', lazy: page(pages.authPages, (m) => m.SignInPage) },
      { path: '/sign-in/organisation', lazy: page(pages.ssoSignInPages, (m) => m.SsoSignInPage) },
      { path: '/sso/error', lazy: page(pages.ssoSignInPages, (m) => m.SsoErrorPage) },
      { path: '/forgot-password', lazy: page(pages.authPages, (m) => m.ForgotPasswordPage) },
      { path: '/reset-password', lazy: page(pages.authPages, (m) => m.ResetPasswordPage) },
      { path: '/verify-email', lazy: page(pages.authPages, (m) => m.VerifyEmailPage) },
      { path: '/invite/:token', lazy: page(pages.invitationPages, (m) => m.InviteLandingPage) },
      { path: '/p/:token', lazy: page(pages.sharedPortfolioPage, (m) => m.SharedPortfolioPage) },
      { path: '/unsubscribe', lazy: page(pages.unsubscribePage, (m) => m.UnsubscribePage) },
      { path: '/credentials/verify', lazy: page(pages.verifyCredentialPage, (m) => m.VerifyCredentialPage) },
      { path: '/credentials/:awardId', lazy: page(pages.credentialPage, (m) => m.CredentialPage) },
      { path: '/achievements/:achievementId', lazy: page(pages.achievementPage, (m) => m.AchievementPage) },
      // Every token and component, for those building Waymark: not in a production build.
      ...(import.meta.env.DEV
        ? [
            {
              path: '/design',
              lazy: page(
                () => import('../design/design-page'),
                (m) => m.DesignPage,
              ),
            },
          ]
        : []),
    ],
  },
  {
    element: <SignedInLayout />,
    hydrateFallbackElement: <PageLoading />,
    // Who is signed in, and the reviews to sign beside the navigation (an item of its own: arriving later, it would
    // push the navigation down). The bell's unread count waits for the first page (notifications-link.tsx).
    loader: readFirst(({ orgId }) => [read(meQuery), !!orgId && read(reviewInboxQuery(orgId))]),
    children: [
      { path: '/', lazy: page(pages.orgPages, (m) => m.HomePage) },
      { path: '/orgs/new', lazy: page(pages.orgPages, (m) => m.NewOrgPage) },
      {
        path: '/orgs/:orgId',
        loader: readFirst(({ orgId = '' }) => [read(orgQuery(orgId)), read(homeQuery(orgId))]),
        lazy: page(pages.homePage, (m) => m.OrgHomePage),
      },
      { path: '/orgs/:orgId/members', lazy: page(pages.membersPage, (m) => m.MembersPage) },
      { path: '/orgs/:orgId/invitations', lazy: page(pages.invitationPages, (m) => m.InvitationsPage) },
      { path: '/orgs/:orgId/profile', lazy: page(pages.profilePage, (m) => m.ProfilePage) },
      { path: '/orgs/:orgId/plans', lazy: page(pages.plansPage, (m) => m.PlansPage) },
      { path: '/orgs/:orgId/log', lazy: page(pages.logPage, (m) => m.LogPage) },
      { path: '/orgs/:orgId/portfolio', lazy: page(pages.portfolioPage, (m) => m.PortfolioPage) },
      { path: '/orgs/:orgId/shared', lazy: page(pages.sharedWithMePage, (m) => m.SharedWithMePage) },
      { path: '/orgs/:orgId/feed', lazy: page(pages.feedPage, (m) => m.FeedPage) },
      { path: '/orgs/:orgId/posts/:postId', lazy: page(pages.postPage, (m) => m.PostPage) },
      { path: '/orgs/:orgId/communities', lazy: page(pages.communitiesPage, (m) => m.CommunitiesPage) },
      { path: '/orgs/:orgId/communities/:communityId', lazy: page(pages.communityPage, (m) => m.CommunityPage) },
      { path: '/orgs/:orgId/programmes', lazy: page(pages.cataloguePage, (m) => m.CataloguePage) },
      { path: '/orgs/:orgId/programmes/:programmeId', lazy: page(pages.learningProgrammePage, (m) => m.ProgrammePage) },
      { path: '/orgs/:orgId/programmes/:programmeId/blog', lazy: page(pages.blogPage, (m) => m.BlogPage) },
      {
        path: '/orgs/:orgId/programmes/:programmeId/things/:thingId',
        lazy: page(pages.learningThingPage, (m) => m.ThingPage),
      },
      { path: '/orgs/:orgId/cohorts/:cohortId', lazy: page(pages.cohortPage, (m) => m.CohortPage) },
      {
        path: '/orgs/:orgId/cohorts/:cohortId/things/:thingId',
        lazy: page(pages.cohortPage, (m) => m.CohortThingPage),
      },
      {
        path: '/orgs/:orgId/programmes/manage',
        lazy: page(pages.programmesManagePage, (m) => m.ProgrammesManagePage),
      },
      {
        path: '/orgs/:orgId/programmes/manage/:programmeId',
        lazy: page(pages.programmeEditorPage, (m) => m.ProgrammeEditorPage),
      },
      { path: '/orgs/:orgId/people/:memberId', lazy: page(pages.personPage, (m) => m.PersonPage) },
      { path: '/orgs/:orgId/search', lazy: page(pages.searchPage, (m) => m.SearchPage) },
      { path: '/orgs/:orgId/shared/:planId', lazy: page(pages.sharedPlanPage, (m) => m.SharedPlanPage) },
      { path: '/orgs/:orgId/enlistments', lazy: page(pages.enlistmentsPage, (m) => m.EnlistmentsPage) },
      { path: '/orgs/:orgId/reviews', lazy: page(pages.reviewsInboxPage, (m) => m.ReviewsInboxPage) },
      { path: '/orgs/:orgId/reviews/:reviewId', lazy: page(pages.reviewPage, (m) => m.ReviewPage) },
      {
        path: '/orgs/:orgId/plans/:planId',
        loader: readFirst(({ planId = '' }) => [read(planQuery(planId)), read(planReviewsQuery(planId))]),
        lazy: page(pages.planLayout, (m) => m.PlanLayout),
        children: [
          {
            index: true,
            // The next steps the overview shows once the guide is done (home/guide-done.tsx).
            loader: readFirst(({ planId = '' }) => [read(checkinsQuery(planId)), read(planNextStepsQuery(planId))]),
            lazy: page(pages.planOverview, (m) => m.PlanOverviewPage),
          },
          { path: 'guide', lazy: page(pages.guidePage, (m) => m.GuidePage) },
          { path: 'guide/:part/:step', lazy: page(pages.guidePage, (m) => m.GuidePage) },
          { path: 'reflections', lazy: page(pages.partPages, (m) => m.ReflectionsPage) },
          { path: 'goals', lazy: page(pages.partPages, (m) => m.GoalsPage) },
          { path: 'goals/:goalId', lazy: page(pages.goalPage, (m) => m.GoalPage) },
          { path: 'network', lazy: page(pages.partPages, (m) => m.NetworkPage) },
          { path: 'sharing', lazy: page(pages.partPages, (m) => m.SharingPage) },
          { path: 'checkins', lazy: page(pages.checkinsPage, (m) => m.CheckinsPage) },
          { path: 'history', lazy: page(pages.historyPage, (m) => m.HistoryPage) },
          { path: 'access', lazy: page(pages.accessPage, (m) => m.AccessPage) },
          { path: 'reviews', lazy: page(pages.planReviewsPage, (m) => m.PlanReviewsPage) },
        ],
      },
      { path: '/orgs/:orgId/guide', lazy: page(pages.guideAdminPage, (m) => m.GuideAdminPage) },
      { path: '/orgs/:orgId/templates', lazy: page(pages.templatesPage, (m) => m.TemplatesPage) },
      { path: '/orgs/:orgId/badges', lazy: page(pages.badgesAdminPage, (m) => m.BadgesAdminPage) },
      { path: '/orgs/:orgId/recognition', lazy: page(pages.recognitionPage, (m) => m.RecognitionPage) },
      {
        path: '/orgs/:orgId/insights',
        // The organisation (who may see the figures) and, for its admins, the figures the address asks for and
        // the whole organisation's: one wave of reads instead of organisation, then figures, then settings.
        loader: async ({ params: { orgId = '' }, request }) => {
          const search = new URL(request.url).searchParams;
          await Promise.all([
            read(orgQuery(orgId)),
            readForAdmins(orgId, async () => {
              const { dashboardQuery, filtersFrom } = await import('../features/insights/insights-api');
              await Promise.all([read(dashboardQuery(orgId, filtersFrom(search))), read(dashboardQuery(orgId, {}))]);
            }),
          ]);
          return null;
        },
        lazy: page(pages.insightsPage, (m) => m.InsightsPage),
      },
      { path: '/orgs/:orgId/audit', lazy: page(pages.auditPage, (m) => m.AuditPage) },
      { path: '/orgs/:orgId/sso', lazy: page(pages.ssoPage, (m) => m.SsoPage) },
      { path: '/orgs/:orgId/tokens', lazy: page(pages.orgTokensPage, (m) => m.OrgTokensPage) },
      { path: '/orgs/:orgId/provisioning', lazy: page(pages.provisioningPage, (m) => m.ProvisioningPage) },
      {
        path: '/orgs/:orgId/programmes/manage/:programmeId/progress',
        lazy: page(pages.programmeProgressPage, (m) => m.ProgrammeProgressPage),
      },
      {
        path: '/orgs/:orgId/programmes/manage/:programmeId/progress/:enrolmentId/blog',
        lazy: page(pages.participantBlogPage, (m) => m.ParticipantBlogPage),
      },
      { path: '/orgs/:orgId/insights/topics', lazy: page(pages.topicsPage, (m) => m.TopicsPage) },
      {
        path: '/orgs/:orgId/insight-actions/:actionId',
        lazy: page(pages.insightActionPage, (m) => m.InsightActionPage),
      },
      { path: '/settings', lazy: page(pages.settingsPage, (m) => m.SettingsPage) },
      { path: '/notifications', lazy: page(pages.notificationsPage, (m) => m.NotificationsPage) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
