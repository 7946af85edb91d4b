import type { PlanContent } from '../features/plans/index.js';

/*
 * What the demo organisation's people have written, so a newcomer sees a plan that is alive: the founder's
 * plan for next year (all four parts), and a template L&D publishes for new staff.
 */

export const foundersPlan: PlanContent = {
  reflections: [
    {
      id: 'r1',
      what: 'Ran the summer reading challenge with two colleagues',
      happenedWhen: 'Summer 2025',
      form: 'team_based',
      people: 'Priya and Jonas from the children’s library',
      enjoyable: 'We tried something new each week and talked about what worked over coffee.',
      learnedAboutMe: 'I learn best by doing, with others, and by reflecting out loud.',
    },
    {
      id: 'r2',
      what: 'Learned to build dashboards from circulation data',
      happenedWhen: '2024',
      form: 'self_directed',
      people: 'An online course and a patient data analyst',
      enjoyable: 'Real questions from my own branch; seeing the answer on screen the same day.',
      learnedAboutMe: 'A real problem keeps me going; short courses work when I can apply them at once.',
    },
  ],
  goals: [
    {
      id: 'g1',
      what: 'Run a 30-minute data literacy workshop for branch staff',
      why: 'Colleagues ask me the same spreadsheet questions every week.',
      how: 'Practise with real circulation data; rehearse with my mentor; run a pilot with my own team.',
      evidence: 'Deliver the workshop twice and get feedback from at least 10 people.',
      startDate: '2027-01-15',
      targetDate: '2027-06-30',
      links: 'Builds on the dashboard course; leads to a self-paced module for new staff.',
      reflectionIds: ['r1', 'r2'],
      status: 'active',
      progress: 20,
      topics: ['data literacy', 'facilitation'],
      milestones: [
        { id: 'm1', title: 'Outline and exercises ready', dueDate: '2027-03-01', done: true },
        { id: 'm2', title: 'Pilot with my team', dueDate: '2027-04-15', done: false },
      ],
    },
    {
      id: 'g2',
      what: 'Lead the community engagement plan for the new branch',
      why: 'The branch opens in autumn and I want it shaped by its neighbours.',
      how: 'Join the community of practice; shadow the outreach team for a month.',
      evidence: 'An engagement plan agreed with three local groups by September.',
      startDate: '2027-02-01',
      targetDate: '2027-09-30',
      links: '',
      reflectionIds: ['r1'],
      status: 'idea',
      progress: 0,
      topics: ['community engagement'],
      milestones: [],
    },
  ],
  network: [
    {
      id: 'n1',
      kind: 'person',
      name: 'Sam Achterberg',
      relation: 'mentor',
      enlistment: 'agreed',
      notes: 'Runs the research service’s data clinic.',
      goalIds: ['g1'],
    },
    { id: 'n2', kind: 'community', name: 'Library Data Folk', relation: 'community', goalIds: ['g1'] },
    {
      id: 'n3',
      kind: 'resource',
      name: 'Facilitating Workshops (online course)',
      relation: 'course',
      url: 'https://example.org/facilitation',
      goalIds: ['g1'],
    },
    { id: 'n4', kind: 'person', name: 'Outreach team lead', relation: 'expert', enlistment: 'to_ask', goalIds: ['g2'] },
  ],
  shares: [
    {
      id: 's1',
      goalId: 'g1',
      how: 'post',
      audience: 'All staff, on the intranet',
      cadence: 'monthly',
      startsOn: '2026-10-01',
      success: 'Colleagues try one technique from each post.',
      records: [{ id: 'x1', doneOn: '2026-11-02', link: null, note: 'Five spreadsheet habits that save an hour' }],
    },
    { id: 's2', goalId: 'g2', how: 'community_session', audience: 'Community of practice', cadence: 'quarterly' },
  ],
};

export const newStaffTemplate: PlanContent = {
  reflections: [],
  goals: [
    {
      id: 'g1',
      what: 'Find my way around the catalogue and the enquiry desk',
      why: 'Everything else builds on answering the everyday questions with confidence.',
      how: 'Shadow two desk shifts a week; work through the catalogue handbook.',
      evidence: 'Handle a full desk shift on my own by the end of month three.',
      status: 'idea',
    },
    {
      id: 'g2',
      what: 'Know who to ask: meet one colleague from each team',
      why: 'A network makes every later goal easier.',
      how: 'A coffee a week with someone new.',
      evidence: 'Ten conversations by the end of the first quarter.',
      status: 'idea',
    },
  ],
  network: [
    { id: 'n1', kind: 'resource', name: 'Catalogue handbook', relation: 'book', goalIds: ['g1'] },
    { id: 'n2', kind: 'person', name: 'My buddy on the enquiry desk', relation: 'peer', goalIds: ['g1', 'g2'] },
  ],
  shares: [{ id: 's1', goalId: 'g2', how: 'conversation', audience: 'My supervisor', cadence: 'monthly' }],
};

/** The founder's plan for the year now ending: one goal achieved, with evidence, for the portfolio. */
export const foundersEarlierPlan: PlanContent = {
  reflections: [],
  goals: [
    {
      id: 'g1',
      what: 'Build a circulation dashboard my branch actually uses',
      why: 'Decisions about opening hours were made on hunches.',
      how: 'An online course, then weekly sessions with our data analyst on real questions.',
      evidence: 'The branch team uses the dashboard in its monthly meeting.',
      startDate: '2026-01-15',
      targetDate: '2026-10-31',
      status: 'achieved',
      progress: 100,
      topics: ['data literacy', 'dashboards'],
    },
  ],
  network: [],
  shares: [],
};

/** Evidence of that goal, log entries of this year's first goal, and a first check-in. */
export const foundersTraces = {
  evidence: [
    {
      kind: 'note' as const,
      title: 'Used in the October branch meeting',
      note: 'We moved Saturday opening an hour earlier after looking at the morning peak together.',
      occurredOn: '2026-10-14',
    },
    {
      kind: 'link' as const,
      title: 'The dashboard',
      url: 'https://example.org/riverside/circulation-dashboard',
      occurredOn: '2026-09-30',
    },
  ],
  log: [
    { what: 'Pivot tables can group loan dates by month in two clicks', learnedOn: '2026-11-18', source: 'Sam' },
    {
      what: 'People remember an exercise with their own branch’s data far better',
      learnedOn: '2026-11-20',
      source: '',
    },
  ],
  checkin: {
    checkedOn: '2026-11-21',
    answers: [
      { prompt: 'What did I learn since my last check-in?', answer: 'Real data makes the exercises stick.' },
      { prompt: 'Who helped me, or whom could I ask?', answer: 'Sam, who offered to watch a rehearsal.' },
    ],
    progress: { from: 10, to: 20 },
  },
};
