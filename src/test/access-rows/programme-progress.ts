import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { adminsOnly, type Row } from '../matrix-kit.js';
import { createCohort, createProgramme, enrolAll } from '../programme-progress-fixture.js';
import { localDatePlus } from '../reminder-clock.js';

/**
 * A published programme of the cast's organisation whose cohort `self` and `otherMember` take part in (so the
 * participant and another participant are both tried); its organisers are the L&D admin and the owner.
 */
async function programmeWithParticipants(c: Cast, t: TestApp) {
  const fx = await createProgramme(t.db, c.org.id);
  const cohort = await createCohort(t.db, fx.programme.id, localDatePlus('UTC', -14));
  const { self, otherMember } = c.members;
  await enrolAll(
    t.db,
    fx.programme,
    [self, otherMember].map((m) => ({ memberId: m.id, userId: m.userId })),
    { cohortId: cohort.id, startedOn: cohort.startsOn },
  );
  return `/api/programmes/${fx.programme.id}`;
}

/** Programmes, organisers: only the organisation's L&D admins and owners; participants and members 403. */
export const rows: Row[] = [
  {
    route: 'GET /api/programmes/:programmeId/progress',
    request: async (c, t) => ({ method: 'GET', url: `${await programmeWithParticipants(c, t)}/progress` }),
    expect: adminsOnly(200),
  },
  {
    route: 'GET /api/programmes/:programmeId/progress.csv',
    request: async (c, t) => ({ method: 'GET', url: `${await programmeWithParticipants(c, t)}/progress.csv` }),
    expect: adminsOnly(200),
  },
  {
    route: 'POST /api/programmes/:programmeId/nudges',
    request: async (c, t) => ({ method: 'POST', url: `${await programmeWithParticipants(c, t)}/nudges`, payload: {} }),
    expect: adminsOnly(200),
  },
];
