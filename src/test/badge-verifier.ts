import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { bundledDocumentLoader } from '../features/badges/credential-contexts.js';
import type { Cast } from './actors.js';
import type { TestApp } from './app.js';

/*
 * For tests: a verifier that owes nothing to our verification code: @digitalbazaar/vc's verifyCredential and the
 * status list library's checkStatus, with the bundled contexts, resolving did:web the way the method says (the
 * DID's path → <host>/<path>/did.json) and fetching status lists by their address, both through HTTP to the app.
 */

/** A DID document, or the key it lists, or any other address of the app, fetched as a verifier would. */
export async function fetchFromApp(t: TestApp, url: string): Promise<unknown | undefined> {
  const base = t.ctx.config.baseUrl;
  if (url.startsWith('did:web:')) {
    const [did, fragment] = url.split('#') as [string, string | undefined];
    const [host, ...path] = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
    const address = `http://${host}/${path.join('/')}/did.json`;
    if (!address.startsWith(base)) return undefined;
    const res = await t.app.inject({ method: 'GET', url: address.slice(base.length) });
    if (res.statusCode !== 200) return undefined;
    const document = res.json() as { verificationMethod: { id: string }[] };
    if (!fragment) return document;
    const method = document.verificationMethod.find((m) => m.id === url);
    return method && { '@context': 'https://w3id.org/security/multikey/v1', ...method };
  }
  if (!url.startsWith(base)) return undefined;
  const res = await t.app.inject({ method: 'GET', url: url.slice(base.length) });
  return res.statusCode === 200 ? res.json() : undefined;
}

/** Verifies a credential (proof, dates, revocation) with the libraries alone. */
export function independentVerifier(t: TestApp) {
  const documentLoader = bundledDocumentLoader((url) => fetchFromApp(t, url));
  const suite = () => new DataIntegrityProof({ cryptosuite });
  return (credential: Record<string, unknown>, now?: Date) =>
    vc.verifyCredential({
      credential,
      suite: suite(),
      documentLoader,
      ...(now && { now }),
      checkStatus: (options) => checkStatus({ ...options, suite: suite(), verifyBitstringStatusListCredential: true }),
    });
}

/** An achievement defined by the cast's L&D admin and awarded to `self`: the award's id and its credential. */
export async function awardedToSelf(t: TestApp, c: Cast, achievement: Record<string, unknown>) {
  const admin = c.as('admin') as Record<string, string>;
  const created = await t.callOk('POST', `/api/orgs/${c.org.id}/achievements`, admin, {
    description: 'Tells a story with data that changes a decision.',
    criteria: 'Presented an analysis that a team acted on.',
    ...achievement,
  });
  const { awards } = await t.callOk('POST', `/api/achievements/${created.id}/awards`, admin, {
    memberIds: [c.members.self.id],
    reason: 'Quarterly review story',
  });
  const awardId = awards[0].id as string;
  const credential = await t.callOk('GET', `/api/credentials/${awardId}/download`, {});
  return { admin, awardId, credential };
}
