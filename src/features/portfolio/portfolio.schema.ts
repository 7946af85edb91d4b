import { z } from 'zod';
import { evidenceView } from '../evidence/index.js';

const id = z.string().min(1).max(64);

export const portfolioQuery = z.object({ orgId: id });

/**
 * Evidence as the portfolio shows it: what a reader needs, nothing about how it is kept (no version, no
 * log entry). The file's download address depends on who reads: the owner's plan route or the secret link.
 */
export const portfolioEvidence = evidenceView
  .pick({ id: true, kind: true, title: true, note: true, url: true, occurredOn: true, file: true })
  .meta({ id: 'PortfolioEvidence' });
export type PortfolioEvidence = z.infer<typeof portfolioEvidence>;

/** An achieved goal with its evidence. */
export const portfolioGoal = z
  .object({
    id: z.string(),
    planId: z.string(),
    cycle: z.string(),
    what: z.string(),
    why: z.string(),
    howYouKnew: z.string().meta({ description: "The goal's own answer to “How will you know you have learned it?”" }),
    targetDate: z.string().nullable(),
    topics: z.array(z.string()),
    evidence: z.array(portfolioEvidence),
  })
  .meta({ id: 'PortfolioGoal' });
export type PortfolioGoal = z.infer<typeof portfolioGoal>;

/** A badge as a shared portfolio shows it: what its public verification page shows anyway, and the link to it. */
export const portfolioBadge = z
  .object({
    id: z.string(),
    achievementName: z.string(),
    image: z.string(),
    issuedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    verificationUrl: z.string(),
  })
  .meta({ id: 'PortfolioBadge' });
export type PortfolioBadge = z.infer<typeof portfolioBadge>;

/**
 * A learner's portfolio in one organisation: their name and achieved goals, and on a link they chose to show
 * them on, their badges. Never an e-mail address.
 */
export const portfolioView = z
  .object({
    learnerName: z.string(),
    organizationName: z.string(),
    goals: z.array(portfolioGoal),
    badges: z.array(portfolioBadge).optional(),
  })
  .meta({ id: 'Portfolio' });
export type PortfolioView = z.infer<typeof portfolioView>;

export const linkStatus = z.enum(['active', 'expired', 'revoked']);

/** A secret link as its owner sees it later: never its token or address (only a fingerprint is kept). */
export const portfolioLinkView = z
  .object({
    id: z.string(),
    label: z.string(),
    showBadges: z.boolean(),
    status: linkStatus,
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    lastOpenedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'PortfolioLink' });
export type PortfolioLinkView = z.infer<typeof portfolioLinkView>;

/** Answered once, when the link is made: the address cannot be read back later. */
export const createdPortfolioLink = portfolioLinkView
  .extend({ url: z.url().meta({ description: 'The secret address; shown only this once' }) })
  .meta({ id: 'CreatedPortfolioLink' });
export type CreatedPortfolioLink = z.infer<typeof createdPortfolioLink>;

export const portfolioLinkList = z.object({ links: z.array(portfolioLinkView) });
export type PortfolioLinkList = z.infer<typeof portfolioLinkList>;

export const createPortfolioLinkBody = z.object({
  organizationId: id,
  label: z
    .string({ error: 'The label is text.' })
    .trim()
    .max(100, { error: 'Keep the label to 100 characters.' })
    .optional(),
  showBadges: z
    .boolean({ error: 'Say whether to show your badges (true or false).' })
    .default(false)
    .meta({ description: 'Show my badges on the shared link, each linking to its public verification page' }),
  expiresAt: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], {
      error: 'Use a date like 2027-03-31, or a date and time like 2027-03-31T17:00:00Z.',
    })
    .nullable()
    .optional()
    .meta({
      description:
        'When the link stops working. A date alone means the end of that day in your time zone (settings). Leave out for no expiry.',
    }),
});
export type CreatePortfolioLinkBody = z.input<typeof createPortfolioLinkBody>;

export const linkParams = z.object({ linkId: id });

/** What the learner may change on a link later: whether it shows their badges. */
export const updatePortfolioLinkBody = z.object({
  showBadges: z.boolean({ error: 'Say whether to show your badges (true or false).' }),
});
export type UpdatePortfolioLinkBody = z.input<typeof updatePortfolioLinkBody>;

/*
 * Any string is accepted as a token on purpose: a malformed token answers 404 exactly like a revoked one,
 * not a 400 that would tell a guesser which shapes the server expects.
 */
export const sharedParams = z.object({ token: z.string() });
export const sharedFileParams = z.object({ token: z.string(), evidenceId: z.string() });
