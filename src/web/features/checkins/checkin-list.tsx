import { FormError } from '../../components/form-error';
import { WritePostLink } from '../posts/write-post-link';
import { type CheckinView, dayLabel, useDeleteCheckin } from './checkins-api';

/** Past check-ins, newest first: what the learner reflected and how their goals moved. */
export function CheckinList({ planId, checkins }: { planId: string; checkins: CheckinView[] }) {
  const remove = useDeleteCheckin(planId);
  if (checkins.length === 0) {
    return <p className="hint">No check-ins yet. Your first one will appear here.</p>;
  }
  return (
    <>
      <p className="hint">
        Deleting a check-in removes your answers. The progress it recorded stays on your goals (and in the plan’s
        history).
      </p>
      <FormError error={remove.error} />
      <ol className="checkin-list" aria-label="Past check-ins">
        {checkins.map((c) => (
          <li className="checkin-item" key={c.id}>
            <h3>
              <time dateTime={c.checkedOn}>{dayLabel(c.checkedOn)}</time>
            </h3>
            <dl className="checkin-answers">
              {c.answers.map((a) => (
                <div key={a.prompt}>
                  <dt>{a.prompt}</dt>
                  <dd>{a.answer}</dd>
                </div>
              ))}
            </dl>
            {c.progress.length > 0 && (
              <ul className="checkin-progress" aria-label="Progress">
                {c.progress.map((p) => (
                  <li key={p.goalId}>
                    {p.goal === null ? 'A goal since deleted' : p.goal || 'Untitled goal'}: {p.from}% → {p.to}%
                  </li>
                ))}
              </ul>
            )}
            <button
              type="button"
              className="link danger"
              disabled={remove.isPending}
              onClick={() =>
                window.confirm(
                  `Delete the check-in of ${dayLabel(c.checkedOn)}? Your answers go; the progress it recorded stays on your goals.`,
                ) && remove.mutate(c.id)
              }
            >
              Delete<span className="visually-hidden"> the check-in of {dayLabel(c.checkedOn)}</span>
            </button>
            <WritePostLink
              source={{ kind: 'checkin', id: c.id }}
              body={c.answers
                .filter((a) => a.answer.trim())
                .map((a) => `**${a.prompt}** ${a.answer}`)
                .join('\n\n')}
              about={`the check-in of ${dayLabel(c.checkedOn)}`}
            />
          </li>
        ))}
      </ol>
    </>
  );
}
