import { useNavigate } from 'react-router';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { confirmDone } from '../../ui/toasts';
import { type PlanView, useDeletePlan, useSavePlanDetails } from './plan-api';

/** Rename the plan or its cycle, or delete it (after asking: its history goes with it). */
export function PlanDetails({ plan, orgId }: { plan: PlanView; orgId: string }) {
  const navigate = useNavigate();
  const save = useSavePlanDetails(plan);
  const remove = useDeletePlan(orgId, plan.id, () => navigate(`/orgs/${orgId}/plans`));
  return (
    <details className="panel">
      <summary>Plan details: rename or delete</summary>
      <form
        key={plan.version}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          save.mutate(
            { cycle: String(data.get('cycle') ?? ''), title: String(data.get('title') ?? '') },
            { onSuccess: () => confirmDone('Saved.') },
          );
        }}
      >
        <FormError error={save.error} />
        <Field
          label="Cycle"
          name="cycle"
          defaultValue={plan.cycle}
          required
          maxLength={40}
          error={fieldError(save.error, 'cycle')}
        />
        <Field
          label="Title"
          name="title"
          defaultValue={plan.title}
          maxLength={120}
          error={fieldError(save.error, 'title')}
        />
        <div className="actions">
          <button type="submit" disabled={save.isPending}>
            Save details
          </button>
          <button
            type="button"
            className="danger"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete the plan ${plan.cycle} and all its history? This cannot be undone.`))
                remove.mutate();
            }}
          >
            Delete this plan
          </button>
        </div>
        <FormError error={remove.error} />
      </form>
    </details>
  );
}
