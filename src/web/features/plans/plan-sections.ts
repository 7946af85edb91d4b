/** A plan's sections, in the order of its tabs: the path below the plan's address and the name. */
export const planSections: [path: string, label: string][] = [
  ['', 'Overview'],
  ['/guide', 'Guide'],
  ['/reflections', '1. Reflections'],
  ['/goals', '2. Goals'],
  ['/network', '3. Network'],
  ['/sharing', '4. Sharing'],
  ['/checkins', 'Check-ins'],
  ['/history', 'History'],
  ['/access', 'Sharing & access'],
  ['/reviews', 'Reviews'],
];

/** The section a path below the plan's address belongs to (a goal's page to Goals, a guide step to Guide). */
export function sectionOf(below: string): [string, string] {
  const found = planSections.find(([path]) => path !== '' && (below === path || below.startsWith(`${path}/`)));
  return found ?? (planSections[0] as [string, string]);
}
