import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';
import { createCohort, createProgramme, enrolAll } from '../../test/programme-progress-fixture.js';

const t = await createTestApp();

describe("programme release dates in the learner's calendar feed", () => {
  it('shows each week of an enrolled programme on its release date, all day, and nothing of others', async () => {
    const c = await createCast(t);
    const self = c.as('self') as Record<string, string>;
    const taking = await createProgramme(t.db, c.org.id, {
      title: 'Library 23 things',
      weeks: [2, 2, 0, 1],
      catchUpWeeks: [2],
    });
    const cohort = await createCohort(t.db, taking.programme.id, '2027-03-01');
    const { self: me, otherMember } = c.members;
    await enrolAll(t.db, taking.programme, [{ memberId: me.id, userId: me.userId }], {
      cohortId: cohort.id,
      startedOn: cohort.startsOn,
    });
    // A programme only someone else takes part in, and one the learner left.
    const notMine = await createProgramme(t.db, c.org.id, { title: 'Data skills' });
    await enrolAll(t.db, notMine.programme, [{ memberId: otherMember.id, userId: otherMember.userId }], {
      startedOn: '2027-03-01',
    });
    const left = await createProgramme(t.db, c.org.id, { title: 'Left behind' });
    await enrolAll(t.db, left.programme, [{ memberId: me.id, userId: me.userId }], {
      startedOn: '2027-03-01',
      status: 'left',
    });

    const { url } = await t.callOk('POST', '/api/calendar/feed', self);
    const res = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(res.statusCode).toBe(200);
    const cal = new ICAL.Component(ICAL.parse(res.body));
    const releases = cal
      .getAllSubcomponents('vevent')
      .map((e) => ({
        summary: String(e.getFirstPropertyValue('summary')),
        start: (e.getFirstPropertyValue('dtstart') as ICAL.Time).toString(),
        allDay: (e.getFirstPropertyValue('dtstart') as ICAL.Time).isDate,
      }))
      .filter((e) => e.summary.includes('released'));
    expect(releases).toEqual([
      { summary: 'Library 23 things: week 1 released', start: '2027-03-01', allDay: true },
      { summary: 'Library 23 things: week 2 released', start: '2027-03-08', allDay: true },
      { summary: 'Library 23 things: week 4 released', start: '2027-03-22', allDay: true },
    ]);
  });
});
