/*
 * The pages' code, one chunk per module (pages of one module share it), loaded when first needed: by the router
 * (router.tsx), or for the page a visit starts on as soon as the first script runs (landing.ts). Nothing here is
 * imported statically, so importing this file loads none of it.
 */
export const authPages = () => import('../features/auth/auth-pages');
export const invitationPages = () => import('../features/invitations/invitation-pages');
export const sharedPortfolioPage = () => import('../features/portfolio/shared-portfolio-page');
export const unsubscribePage = () => import('../features/settings/unsubscribe-page');
export const orgPages = () => import('../features/orgs/org-pages');
export const homePage = () => import('../features/home/home-page');
export const membersPage = () => import('../features/members/members-page');
export const profilePage = () => import('../features/profile/profile-page');
export const plansPage = () => import('../features/plans/plans-page');
export const logPage = () => import('../features/log/log-page');
export const portfolioPage = () => import('../features/portfolio/portfolio-page');
export const sharedWithMePage = () => import('../features/sharing/shared-with-me-page');
export const feedPage = () => import('../features/posts/feed-page');
export const postPage = () => import('../features/posts/post-page');
export const communitiesPage = () => import('../features/communities/communities-page');
export const communityPage = () => import('../features/communities/community-page');
export const cataloguePage = () => import('../features/programme-learning/catalogue-page');
export const learningProgrammePage = () => import('../features/programme-learning/programme-page');
export const learningThingPage = () => import('../features/programme-learning/thing-page');
export const blogPage = () => import('../features/blog-feeds/blog-page');
export const cohortPage = () => import('../features/programme-learning/cohort-page');
export const programmesManagePage = () => import('../features/programmes/programmes-manage-page');
export const programmeEditorPage = () => import('../features/programmes/programme-editor-page');
export const personPage = () => import('../features/posts/person-page');
export const searchPage = () => import('../features/search/search-page');
export const sharedPlanPage = () => import('../features/sharing/shared-plan-page');
export const enlistmentsPage = () => import('../features/enlistment/enlistments-page');
export const reviewsInboxPage = () => import('../features/reviews/reviews-inbox-page');
export const reviewPage = () => import('../features/reviews/review-page');
export const planLayout = () => import('../features/plans/plan-layout');
export const planOverview = () => import('../features/plans/plan-overview');
export const guidePage = () => import('../features/plans/guide-page');
export const partPages = () => import('../features/plans/part-pages');
export const goalPage = () => import('../features/evidence/goal-page');
export const checkinsPage = () => import('../features/checkins/checkins-page');
export const historyPage = () => import('../features/plans/history-page');
export const accessPage = () => import('../features/sharing/access-page');
export const planReviewsPage = () => import('../features/reviews/plan-reviews-page');
export const guideAdminPage = () => import('../features/guides/guide-admin-page');
export const templatesPage = () => import('../features/templates/templates-page');
export const insightsPage = () => import('../features/insights/insights-page');
export const programmeProgressPage = () => import('../features/programme-progress/programme-progress-page');
export const topicsPage = () => import('../features/insights/topics-page');
export const insightActionPage = () => import('../features/insights/insight-action-page');
export const settingsPage = () => import('../features/settings/settings-page');
export const notificationsPage = () => import('../features/notifications/notifications-page');
export const badgesAdminPage = () => import('../features/badges/badges-admin-page');
export const credentialPage = () => import('../features/badges/credential-page');
export const verifyCredentialPage = () => import('../features/badges/verify-credential-page');
