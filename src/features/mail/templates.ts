import { instantText } from '../../server/date-text.js';

/** Plain-text e-mails with a simple HTML twin; every value that came from a person is escaped. */

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function render(paragraphs: string[], link: { url: string; label: string }) {
  const text = [...paragraphs, `${link.label}: ${link.url}`, '', '— Waymark'].join('\n\n');
  const html = `${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p><p>— Waymark</p>`;
  return { text, html };
}

export function resetPasswordMail(to: string, name: string, url: string) {
  return {
    to,
    subject: 'Reset your Waymark password',
    ...render(
      [
        `Hello ${name},`,
        'Someone (hopefully you) asked to reset the password of your Waymark account. The link works for one hour.',
        'If you did not ask for this, you can ignore this e-mail: your password stays as it is.',
      ],
      { url, label: 'Choose a new password' },
    ),
  };
}

/** `timeZone`: the inviter's (the invitee has none with us yet; colleagues mostly share a clock). */
export function invitationMail(
  to: string,
  inviterName: string,
  orgName: string,
  url: string,
  expiresAt: Date,
  timeZone: string,
) {
  return {
    to,
    subject: `${inviterName} invited you to ${orgName} on Waymark`,
    ...render(
      [
        'Hello,',
        `${inviterName} invited you to join ${orgName} on Waymark, where people plan their own learning, find mentors and learn out loud.`,
        `The invitation is valid until ${instantText(expiresAt, timeZone)}.`,
      ],
      { url, label: 'Accept the invitation' },
    ),
  };
}

/** A person the organisation's directory (SCIM) just added: where to sign in, and how without a password yet. */
export function addedByDirectoryMail(to: string, name: string, orgName: string, signInUrl: string) {
  return {
    to,
    subject: `You have been added to ${orgName} on Waymark`,
    ...render(
      [
        `Hello ${name},`,
        `${orgName} added you to Waymark, where people plan their own learning, find mentors and learn out loud.`,
        `Sign in with this address (${to}). If ${orgName} uses single sign-on, choose “Sign in with your organisation”; otherwise choose “Forgot your password?” to set one.`,
      ],
      { url: signInUrl, label: 'Sign in to Waymark' },
    ),
  };
}

export function verifyEmailMail(to: string, name: string, url: string) {
  return {
    to,
    subject: 'Confirm your e-mail address for Waymark',
    ...render(
      [
        `Hello ${name},`,
        'Please confirm that this is your e-mail address, to start using your new Waymark account. The link works for one day.',
        'If you did not create a Waymark account, ignore this e-mail: nothing happens without your click.',
      ],
      { url, label: 'Confirm my address' },
    ),
  };
}

export function existingAccountMail(to: string, name: string, signInUrl: string) {
  return {
    to,
    subject: 'Someone tried to sign up to Waymark with your address',
    ...render(
      [
        `Hello ${name},`,
        'Someone (perhaps you) tried to create a Waymark account with this e-mail address, but you have an account already. No new account was made.',
        'Sign in with your password, or ask for a reset link on the sign-in page if you forgot it. If it was not you, ignore this e-mail.',
      ],
      { url: signInUrl, label: 'Sign in' },
    ),
  };
}
