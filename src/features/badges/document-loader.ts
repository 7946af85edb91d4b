import type { AppContext } from '../../server/context.js';
import { bundledDocumentLoader, type DocumentLoader } from './credential-contexts.js';
import { orgOfDid, orgOfStatusList, verificationMethodDocument } from './issuer-identity.js';
import { publishedDidDocument } from './issuer-keys.js';
import { signedStatusList } from './status-list.js';

/**
 * The document loader of this app: bundled contexts, this app's issuers' DID documents (and their keys), and
 * their status lists, read from the database; it refuses anything else (another issuer cannot be resolved).
 */
export function documentLoaderOf(ctx: AppContext): DocumentLoader {
  const { baseUrl } = ctx.config;
  return bundledDocumentLoader(async (url): Promise<unknown> => {
    const [did, fragment] = url.split('#');
    const orgId = did && orgOfDid(baseUrl, did);
    if (did && orgId) {
      const document = await publishedDidDocument(ctx, orgId);
      if (!document) return undefined;
      return fragment ? verificationMethodDocument(document, url) : document;
    }
    const listOrg = orgOfStatusList(baseUrl, url);
    return listOrg ? signedStatusList(ctx, listOrg) : undefined;
  });
}
