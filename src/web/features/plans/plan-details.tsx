import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { api, fieldError } from '../../lib/api';
import { type PlanView, planKey } from './plan-api';

/** Rename the plan or its cycle, or delete it (after asking: its history goes with it). */
export function PlanDetails({ plan, orgId }: { plan: PlanView; orgId: string }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const save = useMutation({
    mutationFn: (body: { cycle: string; title: string }) =>
      api<PlanView>('PATCH', `/api/plans/${plan.id}`, { ...body, version: plan.version }),
    onSuccess: (saved) => qc.setQueryData(planKey(plan.id), saved),
  });
  const remove = useMutation({
    mutationFn: () => api('DELETE', `/api/plans/${plan.id}`),
    onSuccess: () => {
      qc.removeQueries({ queryKey: planKey(plan.id) });
      void qc.invalidateQueries({ queryKey: ['plans', orgId] });
      navigate(`/orgs/${orgId}/plans`);
    },
  });
  return (
    <details className="panel">
      <summary>Plan details: rename or delete</summary>
      <form
        key={plan.version}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          save.mutate({ cycle: String(data.get('cycle') ?? ''), title: String(data.get('title') ?? '') });
        }}
      >
        <FormError error={save.error} />
        {save.isSuccess && (
          <p className="notice on-track" role="status">
            Saved.
          </p>
        )}
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
