import type { Database } from '../../db/client.js';
import type { ArchivedFile } from '../../db/schema/index.js';
import { credentialsOfMember } from '../badges/index.js';
import { checkinsOfPlan } from '../checkins/index.js';
import { loadPlanView, toDocument } from '../plans/index.js';
import { evidenceOfPlan, logOfMember, plansOfMember, postsOfMember } from './archives.repository.js';

export const ARCHIVE_FORMAT = 'waymark-member-archive';

/**
 * Everything a learner made in one organisation, as one document they can keep: each plan as the same
 * document the plan export writes (so it can be imported into another organisation), with its check-ins and
 * evidence; the learning log; their posts; their badges' credentials (the signed JSON as issued, so they still
 * verify anywhere, with whether each was revoked). Evidence files are listed here and kept in the file store.
 */
export async function buildMemberArchive(
  db: Database,
  memberId: string,
  about: { organizationName: string; personName: string; personEmail: string; removedAt: Date; eraseAfter: Date },
) {
  const files: ArchivedFile[] = [];
  const plans = [];
  for (const { id } of await plansOfMember(db, memberId)) {
    const loaded = await loadPlanView(db, id);
    if (!loaded) continue;
    const checkins = await checkinsOfPlan(db, id);
    const evidence = await evidenceOfPlan(db, id);
    for (const e of evidence) {
      if (e.storageKey && e.fileName && e.contentType && e.byteSize !== null) {
        files.push({
          id: e.id,
          storageKey: e.storageKey,
          fileName: e.fileName,
          contentType: e.contentType,
          byteSize: e.byteSize,
        });
      }
    }
    plans.push({
      ...toDocument(loaded.view),
      createdAt: loaded.view.createdAt,
      checkins: checkins.map((c) => ({ checkedOn: c.checkedOn, answers: c.answers, progress: c.progress })),
      evidence: evidence.map((e) => ({
        id: e.id,
        goalId: e.goalId,
        kind: e.kind,
        title: e.title,
        note: e.note,
        url: e.url,
        occurredOn: e.occurredOn,
        file: e.fileName ? { fileName: e.fileName, contentType: e.contentType, byteSize: e.byteSize } : null,
      })),
    });
  }
  const log = (await logOfMember(db, memberId)).map((l) => ({
    learnedOn: l.learnedOn,
    what: l.what,
    form: l.form,
    source: l.source,
    goalId: l.goalId,
  }));
  const posts = (await postsOfMember(db, memberId)).map((p) => ({
    createdAt: p.createdAt.toISOString(),
    title: p.title,
    body: p.body,
    topics: p.topics,
    visibility: p.visibility,
  }));
  const content = {
    format: ARCHIVE_FORMAT,
    formatVersion: 1,
    organization: about.organizationName,
    person: { name: about.personName, email: about.personEmail },
    removedAt: about.removedAt.toISOString(),
    keptUntil: about.eraseAfter.toISOString(),
    plans,
    log,
    posts,
    credentials: await credentialsOfMember(db, memberId),
  };
  return { content, files, planCount: plans.length };
}
