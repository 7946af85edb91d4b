import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { findAchievement, issuerOf } from './badges.repository.js';
import { issuerDid } from './issuer-identity.js';
import type { PublicAchievementView } from './recognition.schema.js';

/*
 * The achievement's own page: every credential names its achievement by `<BASE_URL>/achievements/<id>`
 * (credential.ts), so a verifier who opens that address finds what the achievement is and who issues it. Public
 * by design, like an Open Badges badge class: it shows what every credential of it already carries.
 */

/** An achievement as the organisation defines it now, with its issuer; anyone may read it. */
export async function publicAchievement(ctx: AppContext, achievementId: string): Promise<PublicAchievementView> {
  const found = await findAchievement(ctx.db, achievementId);
  if (!found) throw notFound('Achievement');
  const issuer = await issuerOf(ctx.db, found.organizationId);
  return {
    id: found.id,
    name: found.name,
    description: found.description,
    criteria: found.criteria,
    image: found.image,
    tags: found.tags,
    issuer: {
      id: issuerDid(ctx.config.baseUrl, found.organizationId),
      name: issuer.name,
      url: issuer.url,
      imageUrl: issuer.imageUrl,
    },
  };
}
