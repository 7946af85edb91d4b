import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { ApiError, fieldError } from '../../lib/api';
import { useTemplates } from '../templates/templates-api';
import { useCreatePlan, useImportPlan, usePlanList } from './plan-api';
import { Select } from './plan-fields';

/** The learner's plans in this organisation, and starting a new one (blank, from a template, or carrying on). */
export function PlansPage() {
  const { orgId = '' } = useParams();
  useTitle('Your learning plans');
  const plans = usePlanList(orgId);
  return (
    <section>
      <h1>Your learning plans</h1>
      <p className="lead">One plan per cycle: a year, a quarter, a project. Only you can see your plans.</p>
      {plans.isPending && <p role="status">Loading…</p>}
      <FormError error={plans.error} />
      {plans.data && plans.data.plans.length === 0 && (
        <p className="notice">You have no plan yet. Start your first one below: the guide will walk you through it.</p>
      )}
      {plans.data && plans.data.plans.length > 0 && (
        <ul className="plan-list">
          {plans.data.plans.map((p) => (
            <li key={p.id}>
              <Link to={`/orgs/${orgId}/plans/${p.id}`}>
                {p.cycle}
                {p.title && ` — ${p.title}`}
              </Link>{' '}
              <span className="hint">
                {p.goalCount} {p.goalCount === 1 ? 'goal' : 'goals'}, {p.achievedCount} achieved
              </span>
            </li>
          ))}
        </ul>
      )}
      <NewPlanForm orgId={orgId} earlier={plans.data?.plans ?? []} />
      <ImportPlanForm orgId={orgId} />
    </section>
  );
}

function NewPlanForm({ orgId, earlier }: { orgId: string; earlier: { id: string; cycle: string }[] }) {
  const navigate = useNavigate();
  const [source, setSource] = useState('blank');
  const templates = useTemplates(orgId);
  const published = templates.data?.templates.filter((t) => t.published) ?? [];
  const create = useCreatePlan(orgId, (plan) => navigate(`/orgs/${orgId}/plans/${plan.id}`));
  const options: [string, string][] = [
    ['blank', 'A blank plan'],
    ...published.map((t): [string, string] => [
      `template:${t.id}`,
      `Template: ${t.name} (${t.goalCount} ${t.goalCount === 1 ? 'goal' : 'goals'})`,
    ]),
    ...earlier.map((p): [string, string] => [`carry:${p.id}`, `Carry forward unfinished goals from ${p.cycle}`]),
  ];
  return (
    <form
      className="panel"
      aria-labelledby="new-plan"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const [kind, id] = source.split(':');
        create.mutate({
          organizationId: orgId,
          cycle: String(data.get('cycle') ?? ''),
          title: String(data.get('title') ?? ''),
          ...(kind === 'template' && { templateId: id }),
          ...(kind === 'carry' && { carryForwardFrom: id }),
        });
      }}
    >
      <h2 id="new-plan">Start a plan</h2>
      <FormError error={create.error} />
      <Field
        label="Cycle"
        name="cycle"
        required
        defaultValue={String(new Date().getFullYear() + 1)}
        hint="For example 2027, or Q1 2027."
        error={fieldError(create.error, 'cycle')}
        maxLength={40}
      />
      <Field label="Title (optional)" name="title" error={fieldError(create.error, 'title')} maxLength={120} />
      <Select
        label="Start from"
        value={source}
        onChange={(e) => setSource(e.target.value)}
        options={options}
        error={fieldError(create.error, 'templateId') ?? fieldError(create.error, 'carryForwardFrom')}
      />
      <button type="submit" disabled={create.isPending}>
        Start the plan
      </button>
    </form>
  );
}

function ImportPlanForm({ orgId }: { orgId: string }) {
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const importPlan = useImportPlan(orgId, {
    imported: (plan) => navigate(`/orgs/${orgId}/plans/${plan.id}`),
    failed: setError,
  });
  return (
    <form className="panel" aria-labelledby="import-plan" onSubmit={(e) => e.preventDefault()}>
      <h2 id="import-plan">Import a plan</h2>
      <FormError error={error} />
      <Field
        label="A plan exported from Waymark as JSON"
        type="file"
        accept="application/json,.json"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          setError(null);
          try {
            importPlan.mutate(JSON.parse(await file.text()));
          } catch {
            setError(
              new ApiError(400, 'validation', `${file.name} is not a JSON file. Choose a plan exported from Waymark.`),
            );
          }
        }}
      />
    </form>
  );
}
