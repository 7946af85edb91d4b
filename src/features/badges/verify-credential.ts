import * as vc from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import type { AppContext } from '../../server/context.js';
import { findAward } from './badges.repository.js';
import { type Credential, credentialUrl, verifyingSuite } from './credential.js';
import { RefusedToFetch } from './credential-contexts.js';
import { documentLoaderOf } from './document-loader.js';
import { orgOfDid } from './issuer-identity.js';
import { publishedDidDocument } from './issuer-keys.js';

/*
 * Verification as anyone would do it, in words: which checks ran and what each found. The signature and the
 * issuer are checked by @digitalbazaar/vc (its verifyCredential, with the bundled contexts), the revocation by
 * @digitalbazaar/vc-bitstring-status-list against the issuer's signed status list, the expiry against today.
 */

export type Check = {
  check: 'format' | 'issuer' | 'signature' | 'expiry' | 'revocation';
  passed: boolean;
  message: string;
};
export type Verification = {
  /** valid: every check passed; otherwise the first thing that is wrong. */
  status: 'valid' | 'invalid' | 'expired' | 'revoked';
  checks: Check[];
};

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const idOf = (v: unknown) => (typeof v === 'string' ? v : (v as { id?: unknown } | undefined)?.id);

/** The paths at which two JSON values differ (a tampered credential against the one issued). */
function changedPaths(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return a === b ? [] : [path || '(the whole credential)'];
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => {
    if (k === 'proof') return [];
    const next = Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
    return changedPaths((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], next);
  });
}

/** What the error of a failed proof means, in words. */
function proofFailure(error: unknown): string {
  const errors = asList((error as { errors?: unknown })?.errors ?? error) as (
    | { message?: string; cause?: unknown }
    | undefined
  )[];
  if (errors.some((e) => e instanceof RefusedToFetch || e?.cause instanceof RefusedToFetch)) {
    return 'the key that signed it is not one its issuer publishes.';
  }
  const message = errors[0]?.message ?? String(errors[0]);
  if (/invalid signature/i.test(message))
    return 'the signature does not match the content: it was changed after it was signed, or signed with another key.';
  if (/not found|No matching proofs/i.test(message)) return 'it carries no eddsa-rdfc-2022 proof by its issuer.';
  return `the proof could not be checked (${message}).`;
}

/** Checks a credential: its form, its issuer, its signature, its expiry and whether it was revoked. */
export async function verifyBadgeCredential(
  ctx: AppContext,
  credential: Credential,
  now = new Date(),
): Promise<Verification> {
  const checks: Check[] = [];
  const fail = (status: Verification['status']) => ({ status, checks });
  const types = asList(credential.type);
  if (!types.includes('VerifiableCredential') || !types.includes('OpenBadgeCredential') || !credential.proof) {
    checks.push({ check: 'format', passed: false, message: 'It is not a signed OpenBadgeCredential.' });
    return fail('invalid');
  }
  checks.push({ check: 'format', passed: true, message: 'It is a signed Open Badges 3.0 credential.' });

  const issuer = idOf(credential.issuer);
  const orgId = typeof issuer === 'string' ? orgOfDid(ctx.config.baseUrl, issuer) : undefined;
  if (!orgId || !(await publishedDidDocument(ctx, orgId))) {
    checks.push({
      check: 'issuer',
      passed: false,
      message: `Its issuer (${String(issuer)}) is not an issuer this Waymark can resolve.`,
    });
    return fail('invalid');
  }
  checks.push({
    check: 'issuer',
    passed: true,
    message: `Its issuer's DID (${issuer}) resolves to a published DID document.`,
  });

  const documentLoader = documentLoaderOf(ctx);
  const validFrom = typeof credential.validFrom === 'string' ? new Date(credential.validFrom) : now;
  // The proof is checked as of the day it took effect: expiry is a check of its own, said apart below.
  const proof = await vc.verifyCredential({
    credential,
    suite: verifyingSuite(),
    documentLoader,
    now: Number.isNaN(validFrom.getTime()) ? now : validFrom,
    checkStatus: async () => ({ verified: true }),
  });
  if (!proof.verified) {
    let message = `The signature is not valid: ${proofFailure(proof.error ?? proof.results)}`;
    const issued = await issuedCopy(ctx, credential);
    if (issued) {
      const changed = changedPaths(issued, credential);
      if (changed.length > 0) message += ` Changed since it was issued: ${changed.join(', ')}.`;
    }
    checks.push({ check: 'signature', passed: false, message });
    return fail('invalid');
  }
  checks.push({
    check: 'signature',
    passed: true,
    message: 'The signature (eddsa-rdfc-2022) is valid: nothing changed since it was signed.',
  });

  const validUntil = typeof credential.validUntil === 'string' ? new Date(credential.validUntil) : undefined;
  const expired = validUntil !== undefined && validUntil.getTime() < now.getTime();
  checks.push(
    validUntil
      ? {
          check: 'expiry',
          passed: !expired,
          message: `${expired ? 'It expired' : 'It is valid until'} ${credential.validUntil}.`,
        }
      : { check: 'expiry', passed: true, message: 'It does not expire.' },
  );

  let revoked = false;
  if (credential.credentialStatus) {
    const status = await checkStatus({
      credential,
      documentLoader,
      suite: verifyingSuite(),
      verifyBitstringStatusListCredential: true,
    });
    if (!status.verified) {
      checks.push({ check: 'revocation', passed: false, message: 'Its revocation status could not be checked.' });
      return fail('invalid');
    }
    revoked = status.results?.[0]?.status === true;
    checks.push({
      check: 'revocation',
      passed: !revoked,
      message: revoked ? 'Its issuer has revoked it.' : 'Its issuer has not revoked it (signed status list checked).',
    });
  }
  return fail(revoked ? 'revoked' : expired ? 'expired' : 'valid');
}

/** The credential as this app issued it, when the one given claims to be one of ours. */
async function issuedCopy(ctx: AppContext, credential: Credential) {
  const prefix = credentialUrl(ctx.config.baseUrl, '');
  const id =
    typeof credential.id === 'string' && credential.id.startsWith(prefix)
      ? credential.id.slice(prefix.length)
      : undefined;
  const award = id ? await findAward(ctx.db, id) : undefined;
  return award && (JSON.parse(award.award.credential) as Credential);
}
