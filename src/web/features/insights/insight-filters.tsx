import { useState } from 'react';
import { Field } from '../../components/field';
import { fieldError } from '../../lib/api';
import { Select } from '../plans/plan-fields';
import type { DashboardView, InsightFilters as Filters } from './insights-api';

type Department = DashboardView['options']['departments'][number];

/** The names offered, plus the one chosen if it is no longer offered (so the refusal can be shown beside it). */
const withChosen = (names: string[], chosen: string) =>
  chosen && !names.includes(chosen) ? [...names, chosen] : names;

/**
 * Which learners and months the figures cover. Nothing changes until "Show figures": choosing a department
 * first narrows the teams, and a half-typed month is never sent. Only departments and teams that are safe to
 * show are offered (the server's `options`); a team is always chosen within its department.
 */
export function InsightFilters({
  filters,
  period,
  departments,
  error,
  onApply,
}: {
  filters: Filters;
  /** The months shown when none are chosen: the last twelve, up to this month. */
  period?: { from: string; to: string };
  departments: Department[];
  error: unknown;
  onApply: (filters: Filters) => void;
}) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [department, setDepartment] = useState('');
  const [team, setTeam] = useState('');
  // The fields follow the address when it changes (a reload, back and forward, the default months arriving),
  // without remounting the form: the focus stays where it was when "Show figures" changed the address.
  const shown = `${filters.from}|${filters.to}|${filters.department}|${filters.team}|${period?.from}|${period?.to}`;
  const [synced, setSynced] = useState<string | null>(null);
  if (synced !== shown) {
    setSynced(shown);
    setFrom(filters.from ?? period?.from ?? '');
    setTo(filters.to ?? period?.to ?? '');
    setDepartment(filters.department ?? '');
    setTeam(filters.team ?? '');
  }
  const teams = departments.find((d) => d.name === department)?.teams ?? [];
  return (
    <form
      className="panel insight-filters"
      aria-label="Choose the figures"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onApply({
          // The default period stays out of the address, so a saved link keeps meaning "the last twelve months".
          from: from && from !== period?.from ? from : undefined,
          to: to && to !== period?.to ? to : undefined,
          department: department || undefined,
          team: (department && team) || undefined,
        });
      }}
    >
      <div className="filters">
        <Field
          label="From"
          type="month"
          value={from}
          max={period?.to}
          onChange={(e) => setFrom(e.target.value)}
          error={fieldError(error, 'from')}
        />
        <Field
          label="To"
          type="month"
          value={to}
          max={period?.to}
          onChange={(e) => setTo(e.target.value)}
          error={fieldError(error, 'to')}
        />
        <Select
          label="Department"
          value={department}
          onChange={(e) => {
            setDepartment(e.target.value);
            setTeam('');
          }}
          options={[
            ['', 'All departments'],
            ...withChosen(
              departments.map((d) => d.name),
              department,
            ).map((name): [string, string] => [name, name]),
          ]}
          error={fieldError(error, 'department')}
        />
        <Select
          label="Team"
          value={team}
          disabled={!department}
          onChange={(e) => setTeam(e.target.value)}
          options={[
            ['', department ? 'All teams of the department' : 'Choose a department first'],
            ...withChosen(teams, team).map((name): [string, string] => [name, name]),
          ]}
          hint={
            department && teams.length === 0
              ? 'No team of this department has enough opted-in learners to be shown on its own.'
              : undefined
          }
          error={fieldError(error, 'team')}
        />
      </div>
      <p className="hint">
        Only departments and teams with enough opted-in learners to keep everyone anonymous can be chosen.
      </p>
      <div className="actions">
        <button type="submit">Show figures</button>
        <button type="button" className="secondary" onClick={() => onApply({})}>
          Whole organisation, last 12 months
        </button>
      </div>
    </form>
  );
}
