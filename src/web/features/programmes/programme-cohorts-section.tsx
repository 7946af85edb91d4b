import { useEffect, useRef, useState } from 'react';
import { FormError } from '../../components/form-error';
import { formatDay } from '../../lib/dates';
import { CohortForm } from './programme-cohort-form';
import { type CohortView, useCohortEdits, useCohorts } from './programmes-api';

type Edits = ReturnType<typeof useCohortEdits>;

/** The programme's cohorts with their people, each changeable in place, and a form to open one. */
export function CohortsSection({ programmeId }: { programmeId: string }) {
  const cohorts = useCohorts(programmeId);
  const edits = useCohortEdits(programmeId);
  const list = cohorts.data?.cohorts ?? [];
  return (
    <section aria-labelledby="cohorts">
      <h2 id="cohorts">Cohorts</h2>
      <FormError error={cohorts.error} />
      {cohorts.isSuccess && list.length === 0 && (
        <p className="hint">
          No cohorts yet. A cohort is a group that starts together on a date; its weeks are released from then.
        </p>
      )}
      <ul>
        {list.map((c) => (
          <CohortItem key={c.id} cohort={c} edits={edits} />
        ))}
      </ul>
      <CohortForm
        heading="Open a cohort"
        headingId="open-cohort"
        submitLabel="Open the cohort"
        busy={edits.open.isPending}
        error={edits.open.error}
        onSave={(fields, done) => edits.open.mutate(fields, { onSuccess: done })}
      />
    </section>
  );
}

/**
 * One cohort: what it is, "Edit" (the form in its place, the focus back on "Edit" once saved or cancelled) and
 * "Delete" (the server refuses while people are in it, and the refusal shows here, saying why).
 */
function CohortItem({ cohort: c, edits }: { cohort: CohortView; edits: Edits }) {
  const [editing, setEditing] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const focusEdit = useRef(false);
  // Once the form is gone and "Edit" is back (a commit later), the focus returns to it.
  useEffect(() => {
    if (!editing && focusEdit.current) {
      focusEdit.current = false;
      editButton.current?.focus();
    }
  }, [editing]);
  const close = () => {
    focusEdit.current = true;
    setEditing(false);
    edits.change.reset();
  };
  return (
    <li>
      <strong>{c.name}</strong>: starts {formatDay(c.startsOn)}
      {c.joinBy && `, join by ${formatDay(c.joinBy)}`} · {c.participants}
      {c.capacity === null ? '' : ` of ${c.capacity}`} {c.participants === 1 ? 'participant' : 'participants'}{' '}
      {!editing && (
        <span className="actions">
          <button type="button" className="secondary" ref={editButton} onClick={() => setEditing(true)}>
            Edit<span className="visually-hidden"> {c.name}</span>
          </button>
          <button
            type="button"
            className="secondary"
            disabled={edits.remove.isPending}
            onClick={() => {
              setRefusal(null);
              edits.remove.mutate(c.id, { onError: setRefusal });
            }}
          >
            Delete<span className="visually-hidden"> {c.name}</span>
          </button>
        </span>
      )}
      <FormError error={refusal} />
      {editing && (
        <CohortForm
          heading={`Change ${c.name}`}
          headingId={`edit-cohort-${c.id}`}
          cohort={c}
          submitLabel="Save the cohort"
          busy={edits.change.isPending}
          error={edits.change.error}
          onSave={(fields, done) =>
            edits.change.mutate(
              { cohortId: c.id, ...fields },
              {
                onSuccess: () => {
                  done();
                  close();
                },
              },
            )
          }
          onCancel={close}
        />
      )}
    </li>
  );
}
