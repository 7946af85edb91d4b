/*
 * Which groups of learners insights may be filtered to. A figure about fewer than k learners is suppressed,
 * but that is not enough: two allowed groups whose difference is one person ("the department" and "the
 * department's biggest team") give that person's figures by subtraction. So groups form a tree — the
 * organisation, its departments, the teams within a department — and at every node the parts offered are
 * each at least k learners, and what is left of the node outside the offered parts is none or at least k
 * (withholding the smallest offered part until it is). Then every figure of every allowed group is a sum
 * over blocks of at least k learners (the offered leaves and the leftovers), and no sum or difference of
 * figures can say less than a block does. Populations do not depend on the period, which only chooses the
 * months that count.
 */

/** Opted-in learners of one department and team (either may be unset). */
export interface PopulationCell {
  department: string | null;
  team: string | null;
  learners: number;
}

/** A team is always chosen within its department. */
export interface Selection {
  department?: string;
  team?: string;
}

export interface AllowedSelections {
  total: number;
  /** Departments that may be chosen, each with the teams that may be chosen within it. */
  departments: Map<string, Set<string>>;
}

function sumBy(cells: PopulationCell[], key: (c: PopulationCell) => string | null): Map<string, number> {
  const sums = new Map<string, number>();
  for (const c of cells) {
    const name = key(c);
    if (name !== null) sums.set(name, (sums.get(name) ?? 0) + c.learners);
  }
  return sums;
}

/**
 * The parts of a group that may be offered: each at least k, and the rest of the group outside them none or at
 * least k (withholding the smallest offered part until it is).
 */
export function allowedParts(parts: Map<string, number>, whole: number, k: number): Set<string> {
  const shown = [...parts].filter(([, n]) => n >= k).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  let rest = whole - shown.reduce((sum, [, n]) => sum + n, 0);
  while (rest > 0 && rest < k && shown.length > 0) rest += (shown.shift() as [string, number])[1];
  return new Set(shown.map(([name]) => name));
}

export function allowedSelections(cells: PopulationCell[], k: number): AllowedSelections {
  const total = cells.reduce((sum, c) => sum + c.learners, 0);
  const departments = new Map<string, Set<string>>();
  if (total < k) return { total, departments };
  const byDepartment = sumBy(cells, (c) => c.department);
  for (const department of allowedParts(byDepartment, total, k)) {
    const inDepartment = cells.filter((c) => c.department === department);
    const teams = allowedParts(
      sumBy(inDepartment, (c) => c.team),
      byDepartment.get(department) ?? 0,
      k,
    );
    departments.set(department, teams);
  }
  return { total, departments };
}

/** Why a selection may not be shown (the field and the reason), or null when it may. */
export function refusal(allowed: AllowedSelections, selection: Selection, k: number): Record<string, string> | null {
  const tooFew = `Fewer than ${k} opted-in learners would be behind these figures, or comparing them with another view would single people out.`;
  if (allowed.total < k) return { organization: `Fewer than ${k} learners have opted in to insights so far.` };
  const { department, team } = selection;
  if (team !== undefined && department === undefined) return { team: 'Choose the department first.' };
  if (department === undefined) return null;
  const teams = allowed.departments.get(department);
  if (!teams) return { department: tooFew };
  if (team !== undefined && !teams.has(team)) return { team: tooFew };
  return null;
}

/** The opted-in learners a selection covers. */
export function populationOf(cells: PopulationCell[], selection: Selection): number {
  return cells
    .filter(
      (c) =>
        (selection.department === undefined || c.department === selection.department) &&
        (selection.team === undefined || c.team === selection.team),
    )
    .reduce((sum, c) => sum + c.learners, 0);
}
