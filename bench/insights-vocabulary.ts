/**
 * The words of the insights bench's organisation (bench/insights-data.ts): topics as learners write them,
 * departments and teams, and the resources they add to their networks. Deterministic (a seeded shuffle), so
 * two runs of the generator build the same organisation.
 */

/** Some 300 topics people in a large organisation learn, as one of them would write it. */
const topicText = `
project management, leadership, public speaking, data visualisation, Excel, SQL, Python, time management,
stakeholder management, negotiation, coaching, mentoring, facilitation, presentation skills, report writing,
change management, conflict resolution, difficult conversations, giving feedback, active listening,
emotional intelligence, resilience, wellbeing, mindfulness, delegation, decision making, strategic thinking,
critical thinking, problem solving, design thinking, creativity, innovation, agile, scrum, kanban, lean,
six sigma, process improvement, risk management, budgeting, financial planning, forecasting, accounting,
procurement, contract management, vendor management, supply chain, logistics, inventory management,
customer service, customer experience, sales, account management, marketing, digital marketing, SEO,
content strategy, copywriting, copy editing, social media, brand strategy, market research, user research,
usability testing, UX design, UI design, accessibility, inclusive design, web design, graphic design,
typography, photography, video editing, podcasting, storytelling, writing for the web, plain language,
technical writing, documentation, knowledge management, information architecture, records management,
digital preservation, archiving, cataloguing, metadata standards, library management, information literacy,
research methods, systematic reviews, statistics, data analysis, data science, machine learning,
deep learning, natural language processing, computer vision, AI ethics, prompt engineering, generative AI,
data engineering, data governance, data quality, data protection, GDPR, privacy, information security,
cyber security, cloud computing, AWS, Azure, Google Cloud, Kubernetes, Docker, DevOps, site reliability,
observability, Linux, networking, databases, PostgreSQL, database design, API design, software architecture,
microservices, system design, JavaScript, TypeScript, React, Node.js, Java, Kotlin, C#, Go, Rust, R,
MATLAB, Power BI, Tableau, Looker, spreadsheets, automation, robotic process automation, low-code,
SharePoint, Microsoft Teams, Salesforce, SAP, ServiceNow, ITIL, service management, incident management,
testing, test automation, quality assurance, code review, pair programming, open source, version control,
git, continuous integration, mobile development, game design, 3D modelling, CAD, electrical engineering,
mechanical engineering, civil engineering, sustainability, climate literacy, circular economy,
environmental management, energy efficiency, health and safety, first aid, fire safety, manual handling,
ergonomics, occupational health, mental health first aid, diversity and inclusion, unconscious bias,
anti-racism, allyship, equal opportunities, employment law, HR policy, recruitment, interviewing,
onboarding, performance management, talent management, succession planning, workforce planning,
compensation and benefits, payroll, employee engagement, internal communications, public relations,
crisis communication, media training, community management, community outreach, volunteering, fundraising,
grant applications, partnership building, networking, personal branding, career planning, job crafting,
self-directed learning, learning how to learn, study skills, memory techniques, speed reading,
note taking, productivity, habit building, remote work, hybrid working, virtual facilitation,
meeting design, workshop design, instructional design, e-learning, learning design, training delivery,
assessment design, evaluation, impact measurement, OKRs, KPIs, business analysis, requirements gathering,
product management, product discovery, roadmapping, portfolio management, programme management, PRINCE2,
PMP, business case writing, operational excellence, quality management, ISO 9001, audit, compliance,
internal control, anti-money laundering, fraud prevention, ethics, governance, board reporting,
policy writing, public policy, economics, behavioural economics, negotiation tactics, persuasion,
influencing without authority, team building, managing remote teams, first-time management,
people management, coaching conversations, mentoring others, reverse mentoring, peer learning,
communities of practice, knowledge sharing, working out loud, intercultural communication,
cross-cultural teams, Spanish, French, German, Mandarin, Arabic, British Sign Language, English writing,
business English, grammar, proofreading, translation, customer journey mapping, service design,
lean startup, entrepreneurship, intrapreneurship, business model design, pricing, commercial awareness,
financial literacy, investment basics, tax, estates management, facilities management, event planning,
project scheduling, MS Project, risk assessment, safeguarding, data literacy, digital literacy,
cloud security, identity and access management, penetration testing, incident response, threat modelling,
ethical hacking, blockchain, quantum computing, robotics, IoT, edge computing, accessibility testing,
screen readers, web performance, search, Elasticsearch, GraphQL, REST APIs, Excel macros, VBA,
pivot tables, dashboards, storytelling with data, infographics, public sector procurement, bid writing,
tender management, stakeholder engagement, citizen engagement, co-design, participatory design,
ethnography, interviewing users, survey design, qualitative research, quantitative research,
experiment design, A/B testing, causal inference, econometrics, time series, forecasting models,
optimisation, operations research, simulation, bookbinding, conservation, exhibition design, curation
`;

const topicNames = [...new Set(topicText.split(',').map((t) => t.replace(/\s+/g, ' ').trim()))].filter(Boolean);

/** A small seeded generator (mulberry32): the same sequence on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seeded(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A typo as people make them: two letters swapped, or one left out, in the longest word. */
function typoOf(topic: string, random: () => number): string {
  const words = topic.split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length < 4) return `${topic}s`;
  const at = 1 + Math.floor(random() * (longest.length - 2));
  const changed =
    random() < 0.5
      ? longest.slice(0, at) + longest.slice(at + 1)
      : longest.slice(0, at) + (longest[at + 1] ?? '') + (longest[at] ?? '') + longest.slice(at + 2);
  return words.map((w) => (w === longest ? changed : w)).join(' ');
}

const titleCase = (t: string) => t.replace(/\b[a-z]/g, (c) => c.toUpperCase());

/** How many spellings each topic has in `topicSpellings`, and how often each is written (per 100). */
export const SPELLINGS = 4;
export const spellingWeights = [80, 8, 5, 7] as const;

/**
 * Topics in order of popularity (a seeded shuffle, so the most popular are not all of one kind), and for
 * each its spellings at (rank − 1) × SPELLINGS + 1…: as written, in title case, with stray spaces, with a typo.
 */
export const topicsByPopularity = shuffled(topicNames, 7);
const typoRandom = seeded(11);
export const topicSpellings = topicsByPopularity.flatMap((t) => [
  t,
  titleCase(t) === t ? t.toLowerCase() : titleCase(t),
  ` ${t.replace(' ', '  ')} `,
  typoOf(t, typoRandom),
]);

/** The organisation's topic list: the 40 most popular, some with their common typo as another name. */
export const listedTopics = topicsByPopularity.slice(0, 40).map((name, i) => ({
  name: titleCase(name),
  synonyms: i % 2 === 0 ? [topicSpellings[i * SPELLINGS + 3] as string] : [],
}));

/** Twelve departments, biggest first, each with eight teams, biggest first ("department: team, team, …"). */
const departmentText = `
Operations: Service Desk, Logistics, Facilities, Planning, Fleet, Stores, Quality, Safety
Customer Services: Contact Centre, Complaints, Retention, Onboarding, Digital Support, Billing Support, Field Support, Insight
Technology: Platform, Data, Security, Infrastructure, Applications, Architecture, Service Management, Workplace IT
Sales: Enterprise, Public Sector, Small Business, Partnerships, Inside Sales, Bids, Sales Operations, Key Accounts
Finance: Accounts Payable, Accounts Receivable, Financial Planning, Tax, Treasury, Payroll, Procurement, Internal Audit
Marketing: Brand, Digital, Content, Events, Product Marketing, Research, Design Studio, Communications
Product: Discovery, Mobile, Web, Payments, Growth, Design, Research, Analytics
People: Recruitment, Learning and Development, HR Business Partners, Reward, Employee Relations, Wellbeing, HR Operations, Diversity and Inclusion
Legal and Compliance: Commercial Legal, Regulatory, Privacy, Risk, Company Secretariat, Litigation, Policy, Ethics
Engineering: Electrical, Mechanical, Civil, Asset Management, Projects, Maintenance, Design Office, Testing
Strategy: Corporate Strategy, Transformation, PMO, Sustainability, Economics, Partnerships, Innovation Lab, Performance
Knowledge and Library: Collections, Cataloguing, Archives, Research Support, Digital Library, Reading Rooms, Preservation, Outreach
`;
export const departments = departmentText
  .trim()
  .split('\n')
  .map((line) => {
    const [name, teams] = line.split(': ') as [string, string];
    return { name, teams: teams.split(', ') };
  });
/** Share of learners per department and per team within one (per 100, biggest first). */
export const departmentWeights = [18, 14, 12, 10, 9, 8, 7, 6, 5, 4, 4, 3];
export const teamWeights = [25, 18, 15, 12, 10, 8, 7, 5];

/** An array of 100 slots holding 1-based indexes in proportion to the weights: a uniform draw picks by weight. */
export function slots(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  weights.forEach((w, i) => {
    for (let n = 0; n < Math.round((w / total) * 100); n++) out.push(i + 1);
  });
  while (out.length < 100) out.push(weights.length);
  return out.slice(0, 100);
}

/** Forms of learning, most logged first: what learners mostly log, as learning-at-work studies find. */
export const formsByPopularity = [
  'on_the_job',
  'reading_listening',
  'self_directed',
  'peer_to_peer',
  'social_online',
  'team_based',
  'formal_course',
  'coaching',
  'mentoring',
  'community_of_practice',
  'conference_event',
] as const;

const providers = [
  { name: 'Coursera', relation: 'course', url: (slug: string) => `https://www.coursera.org/learn/${slug}` },
  {
    name: 'LinkedIn Learning',
    relation: 'course',
    url: (slug: string) => `https://www.linkedin.com/learning/${slug}-essential-training`,
  },
  {
    name: 'YouTube',
    relation: 'website',
    url: (slug: string) => `https://www.youtube.com/results?search_query=${slug}`,
  },
  { name: 'Book', relation: 'book', url: (slug: string) => `https://openlibrary.org/search?q=${slug}` },
  { name: 'Podcast', relation: 'podcast', url: (slug: string) => `https://podcasts.example.org/shows/${slug}/` },
];

/**
 * The resources learners add, most popular first (a seeded shuffle of provider × topic), as the URL a learner
 * pastes: some with a trailing slash or an upper-case host (facts compare them without), some with no URL.
 */
export const resources = (() => {
  const random = seeded(23);
  const all = topicsByPopularity.flatMap((topic) =>
    providers.map((p) => {
      const slug = topic.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const roll = random();
      const url = p.url(slug);
      return {
        name: `${p.name}: ${titleCase(topic)}`,
        relation: p.relation,
        url:
          roll < 0.05
            ? null
            : roll < 0.1
              ? `${url.replace(/\/$/, '')}/`
              : roll < 0.13
                ? url.replace('https://www', 'https://WWW')
                : url,
      };
    }),
  );
  return shuffled(all, 29);
})();
