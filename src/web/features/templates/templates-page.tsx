import { useParams } from 'react-router';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { usePlanList } from '../plans/plan-api';
import { Select, TextArea } from '../plans/plan-fields';
import { useTemplateActions, useTemplates } from './templates-api';

/** L&D admins publish plan templates, made from one of their own plans; learners start plans from them. */
export function TemplatesPage() {
  const { orgId = '' } = useParams();
  useTitle('Plan templates');
  const templates = useTemplates(orgId);
  const plans = usePlanList(orgId);
  const { create, togglePublished: update, remove } = useTemplateActions(orgId);
  const leave = useLeaveGuard();
  return (
    <section>
      <h1>Plan templates</h1>
      <p className="lead">
        A template is a starting point (for new librarians, for managers): goals, network and sharing ideas that
        learners copy into their own plan and then make their own.
      </p>
      <FormError error={templates.error ?? update.error ?? remove.error} />
      {templates.data?.templates.length === 0 && <p className="notice">No templates yet. Make the first one below.</p>}
      <ul className="template-list">
        {templates.data?.templates.map((t) => (
          <li key={t.id} className="panel">
            <h2>{t.name}</h2>
            <p className="hint">
              {t.goalCount} {t.goalCount === 1 ? 'goal' : 'goals'} ·{' '}
              {t.published ? 'Published: learners can start from it' : 'Draft: only admins see it'}
            </p>
            {t.description && <p>{t.description}</p>}
            <div className="actions">
              <button type="button" onClick={() => update.mutate(t)}>
                {t.published ? 'Unpublish' : 'Publish'}
                <span className="visually-hidden"> {t.name}</span>
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  window.confirm(`Delete the template “${t.name}”? Plans started from it keep their content.`) &&
                  remove.mutate(t.id)
                }
              >
                Delete<span className="visually-hidden"> {t.name}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
      <form
        className="panel"
        aria-labelledby="new-template"
        {...leave.formProps}
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = new FormData(form);
          create.mutate(
            {
              organizationId: orgId,
              name: String(data.get('name') ?? ''),
              description: String(data.get('description') ?? ''),
              fromPlanId: String(data.get('fromPlanId') ?? ''),
            },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <h2 id="new-template">Make a template from one of your plans</h2>
        <p className="hint">
          Its goals, network and sharing plans are copied without progress, statuses or shares done. Write the plan
          first under Plans, then choose it here.
        </p>
        <FormError error={create.error} />
        <Field label="Name" name="name" required maxLength={120} error={fieldError(create.error, 'name')} />
        <TextArea
          label="Description"
          name="description"
          maxLength={2000}
          error={fieldError(create.error, 'description')}
        />
        <Select
          label="From your plan"
          name="fromPlanId"
          required
          options={[
            ['', 'Choose a plan…'],
            ...(plans.data?.plans ?? []).map((p): [string, string] => [
              p.id,
              p.cycle + (p.title ? ` — ${p.title}` : ''),
            ]),
          ]}
          error={fieldError(create.error, 'fromPlanId') ?? fieldError(create.error, 'content')}
        />
        <button type="submit" disabled={create.isPending}>
          Save as a draft template
        </button>
        {leave.question}
      </form>
    </section>
  );
}
