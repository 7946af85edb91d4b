import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { describeAgreedChange } from '../../../features/reviews/agreed-change-words';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { TextArea } from '../plans/plan-fields';
import {
  type ChangesSince,
  day,
  kindLabel,
  type ReviewView,
  sideLabels,
  stateLabels,
  type useReviewActions,
  when,
} from './reviews-api';

/*
 * The pieces of a review both sides see: its state, the signatures with their times, the two notes (your own
 * editable while the review is open), Sign, and how much the plan changed since the agreement.
 */

type Actions = ReturnType<typeof useReviewActions>;
/** The heading level of the review's sections: 2 on the review's own page, 4 in a card on the reviews tab. */
type Level = 2 | 3 | 4;
function Heading({ level, id, children }: { level: Level; id?: string; children: React.ReactNode }) {
  const Tag = (['h2', 'h3', 'h4'] as const)[level - 2] ?? 'h2';
  return <Tag id={id}>{children}</Tag>;
}

export function StateBadge({ review }: { review: Pick<ReviewView, 'state'> }) {
  return <span className={review.state === 'agreed' ? 'badge on-track' : 'badge'}>{stateLabels[review.state]}</span>;
}

/** Who signed and when; "Agreed" with its time once both did. */
export function Signatures({ review, level }: { review: ReviewView; level: Level }) {
  const nameOf = { learner: review.learner.name, supervisor: review.supervisor.name };
  return (
    <section aria-labelledby={`signatures-${review.id}`}>
      <Heading level={level} id={`signatures-${review.id}`}>
        Signatures
      </Heading>
      {review.agreedAt && (
        <p className="notice on-track">Agreed on {when(review.agreedAt)}: both signed the same plan.</p>
      )}
      <dl className="signatures">
        {(['learner', 'supervisor'] as const).map((side) => {
          const signature = review.signatures[side];
          return (
            <div key={side}>
              <dt>
                {sideLabels[side]}: {nameOf[side]}
              </dt>
              <dd>{signature ? `Signed ${when(signature.at)}` : 'Not signed yet'}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

/**
 * Both notes, the learner's first (`between` goes between them: the shared plan on the supervisor's page):
 * the other side's to read, your own to write while the review is open.
 */
export function ReviewNotes({
  review,
  actions,
  level,
  between,
}: {
  review: ReviewView;
  actions: Actions;
  level: Level;
  between?: React.ReactNode;
}) {
  const editable = review.state === 'requested';
  const notes = [
    { side: 'learner', title: `${review.learner.name}’s note`, text: review.learnerNote },
    { side: 'supervisor', title: `${review.supervisor.name}’s note (supervisor)`, text: review.supervisorNote },
  ] as const;
  return (
    <>
      {notes.map((n) => (
        <Fragment key={n.side}>
          {editable && n.side === review.you ? (
            <NoteForm review={review} actions={actions} text={n.text} />
          ) : (
            <>
              <Heading level={level}>{n.side === review.you ? 'Your note' : n.title}</Heading>
              <p className="review-note">{n.text || 'No note yet.'}</p>
            </>
          )}
          {n.side === 'learner' && between}
        </Fragment>
      ))}
    </>
  );
}

function NoteForm({ review, actions, text }: { review: ReviewView; actions: Actions; text: string }) {
  // The review is read again after each step (a signature, the other side's note): the note follows the
  // saved one, unless the person is writing another, which stays on screen until saved or left.
  const [note, setNote] = useState(text);
  const [saved, setSaved] = useState(text);
  if (text !== saved) {
    setSaved(text);
    if (note === saved) setNote(text);
  }
  const leave = useLeaveGuard(note !== text);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        actions.saveNote.mutate(note);
      }}
    >
      <TextArea
        label="Your note"
        name="note"
        rows={4}
        maxLength={4000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        hint="Saving a changed note clears both signatures: you both sign what is written."
        error={fieldError(actions.saveNote.error, review.you === 'learner' ? 'learnerNote' : 'supervisorNote')}
      />
      <div className="actions">
        <button type="submit" className="secondary" disabled={actions.saveNote.isPending}>
          Save note
        </button>
      </div>
      {actions.saveNote.isSuccess && note === text && (
        <p className="notice on-track" role="status">
          Note saved.
        </p>
      )}
      <FormError error={actions.saveNote.error} />
      {leave.question}
    </form>
  );
}

/** Sign, or where the signatures stand; says who must sign again when the plan changed in between. */
export function SignPanel({ review, actions }: { review: ReviewView; actions: Actions }) {
  if (review.state !== 'requested') return null;
  const other = review.you === 'learner' ? review.supervisor.name : review.learner.name;
  const signAgain = actions.sign.data?.signAgain;
  return (
    <div className="sign-panel">
      {signAgain && (
        <p className="notice" role="status">
          Signed. The plan changed after {other}’s signature, so {other} is asked to sign again.
        </p>
      )}
      {review.signatures[review.you] ? (
        <p>You signed. Waiting for {other} to sign.</p>
      ) : (
        <button type="button" onClick={() => actions.sign.mutate()} disabled={actions.sign.isPending}>
          Sign the {kindLabel(review.kind).toLowerCase()}
        </button>
      )}
      <FormError error={actions.sign.error} />
    </div>
  );
}

/**
 * "Changed since the agreement on …": how many items of what was agreed changed and what happened to each,
 * calmly (plans change; this is for the next conversation, not an alarm), with a link to the history when
 * the reader may see it.
 */
export function ChangedSince({ changes, historyPath }: { changes: ChangesSince; historyPath?: string }) {
  if (changes.count === 0) return null;
  const since = changes.kind === 'year_end' ? 'the cycle was closed' : 'the agreement';
  const counted = `${changes.count} ${changes.count === 1 ? 'change' : 'changes'}`;
  return (
    <div className="notice neutral">
      <p>
        Changed since {since} on {day(changes.agreedAt)}: {counted}
        {changes.lastChangedAt && `, the last on ${day(changes.lastChangedAt)}`}.
      </p>
      <ul>
        {changes.changes.map((c) => (
          <li key={`${c.entityType}:${c.entityId}`}>{describeAgreedChange(c)}</li>
        ))}
      </ul>
      {historyPath && (
        <p>
          <Link to={historyPath}>See what changed in the history</Link>.
        </p>
      )}
    </div>
  );
}
