/*
 * Why a single sign-on did not sign the person in, as a code the callback puts in the error page's address and
 * the words that page shows (shared with the web app: no server code here).
 */
export const SSO_PROBLEMS = {
  no_attempt:
    'This sign-in was not started in this browser, or it took longer than 10 minutes. Start again from "Sign in with your organisation".',
  used: 'This sign-in was finished already: its answer cannot be used twice. Start again from "Sign in with your organisation".',
  state:
    'The answer from your organisation\'s sign-in service does not belong to the sign-in this browser started (its state does not match), so it was refused. Start again from "Sign in with your organisation".',
  code_refused:
    'Your organisation\'s sign-in service refused to finish the sign-in: its code was used already or has expired. Start again from "Sign in with your organisation".',
  token_expired:
    "The identity token (or SAML assertion) from your organisation's sign-in service has expired or is not valid yet. Check that the clocks of both services are right, then start again.",
  wrong_audience:
    "The identity token (or SAML assertion) from your organisation's sign-in service was made for another application, so it was refused. Ask your organisation's owner to check the client id or the SAML entity id.",
  wrong_issuer:
    'The identity token came from another sign-in service than the one your organisation set up, so it was refused.',
  nonce: 'The identity token does not belong to this sign-in (its nonce does not match), so it was refused.',
  bad_token: "The identity token from your organisation's sign-in service could not be checked, so it was refused.",
  idp_error: "Your organisation's sign-in service did not sign you in.",
  no_email:
    "Your organisation's sign-in service did not say your e-mail address. Ask its administrator to release the email claim to Waymark.",
  email_domain:
    "Your organisation's sign-in service gave an e-mail address outside the domains your organisation has verified in Waymark, so it was refused.",
  saml_request:
    'The answer from your organisation\'s sign-in service does not answer a sign-in Waymark started (its InResponseTo is missing, unknown or expired), so it was refused. Start again from "Sign in with your organisation".',
  saml_signature:
    "The answer from your organisation's sign-in service is not signed as required (its assertion must carry a valid signature of the provider's certificate), so it was refused.",
  saml_recipient:
    "The answer from your organisation's sign-in service was addressed to another place than this Waymark connection, so it was refused.",
  replayed:
    'This sign-in answer was used before: an answer is accepted once only. Start again from "Sign in with your organisation".',
  not_configured:
    'Single sign-on is no longer set up for this organisation. Sign in with your password, or ask its owner.',
  unreachable:
    "Your organisation's sign-in service could not be reached. Try again in a few minutes; if it goes on, tell your organisation's owner.",
} as const;

export type SsoProblem = keyof typeof SSO_PROBLEMS;

export const isSsoProblem = (code: string): code is SsoProblem => Object.hasOwn(SSO_PROBLEMS, code);
