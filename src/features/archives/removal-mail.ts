import { dayText } from '../../server/date-text.js';
import { escapeHtml } from '../mail/index.js';

/** Tells the learner they no longer belong to the organisation, and where their data is kept for them. */
export function removalMail(
  to: string,
  m: {
    personName: string;
    organizationName: string;
    removedByName: string | null;
    eraseAfter: Date;
    url: string;
    /** The person's own, from their settings: the last day is theirs. */
    timeZone: string;
  },
) {
  const kept = dayText(m.eraseAfter, m.timeZone);
  const paragraphs = [
    `Hello ${m.personName},`,
    m.removedByName
      ? `${m.removedByName} removed you from ${m.organizationName} on Waymark, so you can no longer open it.`
      : `You left ${m.organizationName} on Waymark.`,
    `Your plans, check-ins, evidence, learning log and posts from ${m.organizationName} are yours: they are kept for you to download until ${kept}, then erased. Sign in and open Settings → Your data from organisations you left.`,
  ];
  return {
    to,
    subject: m.removedByName ? `You were removed from ${m.organizationName}` : `You left ${m.organizationName}`,
    text: [...paragraphs, `Download your data: ${m.url}`, '', '— Waymark'].join('\n\n'),
    html: `${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}<p><a href="${escapeHtml(m.url)}">Download your data</a></p><p>— Waymark</p>`,
  };
}
