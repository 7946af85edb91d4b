import { useId, useState } from 'react';
import { suggestableFieldLabels, suggestableFields } from '../../../features/comments/suggestable-fields';
import { FormError } from '../../components/form-error';
import { SaveOrCancel } from '../../components/save-or-cancel';
import { fieldError } from '../../lib/api';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { Select, TextArea } from '../plans/plan-fields';
import { when } from '../sharing/sharing-api';
import { type CommentList, type CommentTarget, type CommentView, useCommentActions } from './comments-api';

interface ThreadProps {
  planId: string;
  target: CommentTarget;
  /** What the item is called, for labels ("Comments on Run a workshop"). */
  title: string;
  list: CommentList;
  /** The learner whose plan it is: decides on suggestions, may delete any comment, does not suggest. */
  isLearner: boolean;
}

/**
 * The conversation about one goal or reflection: comments with their replies, suggestions with the learner's
 * decision, and a form to add one where the viewer may comment. Comment bodies arrive as HTML the server
 * rendered from Markdown and sanitised.
 */
export function CommentThread({ planId, target, title, list, isLearner }: ThreadProps) {
  const headingId = useId();
  const mine = list.comments.filter((c) => c.targetKind === target.kind && c.targetId === target.id);
  const roots = mine.filter((c) => !c.parentId);
  const canComment = list.canCommentOn[target.kind].includes(target.id);
  const actions = useCommentActions(planId, target);
  return (
    <section className="comments" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Comments{mine.length > 0 && ` (${mine.filter((c) => !c.deleted).length})`}
        <span className="visually-hidden"> on {title}</span>
      </h3>
      {roots.length === 0 && <p className="hint">No comments yet.</p>}
      <ol className="comment-list">
        {roots.map((root) => (
          <li key={root.id}>
            <Comment comment={root} isLearner={isLearner} actions={actions} target={target} />
            <ol className="comment-replies" aria-label="Replies">
              {mine
                .filter((c) => c.parentId === root.id)
                .map((reply) => (
                  <li key={reply.id}>
                    <Comment comment={reply} isLearner={isLearner} actions={actions} target={target} />
                  </li>
                ))}
            </ol>
            {canComment && !root.deleted && (
              <ReplyForm actions={actions} parentId={root.id} author={root.author.name} />
            )}
          </li>
        ))}
      </ol>
      {canComment ? (
        <CommentForm actions={actions} target={target} title={title} canSuggest={!isLearner} />
      ) : (
        <p className="hint">This was shared with you to read; you cannot comment on it.</p>
      )}
    </section>
  );
}

type Actions = ReturnType<typeof useCommentActions>;

function Comment({
  comment: c,
  isLearner,
  actions,
  target,
}: {
  comment: CommentView;
  isLearner: boolean;
  actions: Actions;
  target: CommentTarget;
}) {
  const [editing, setEditing] = useState(false);
  if (c.deleted) {
    return (
      <article id={`comment-${c.id}`} className="comment deleted">
        <p className="hint">Comment deleted.</p>
      </article>
    );
  }
  return (
    <article id={`comment-${c.id}`} className="comment" aria-label={`Comment by ${c.author.name}`}>
      <p className="comment-meta">
        <strong>{c.author.name}</strong>
        {c.author.isLearner && ' (the learner)'} · <time dateTime={c.createdAt}>{when(c.createdAt)}</time>
        {c.editedAt && ' · edited'}
      </p>
      {editing ? (
        <EditForm comment={c} actions={actions} done={() => setEditing(false)} />
      ) : (
        // Rendered from Markdown and sanitised by the server (src/server/markdown.ts), never raw input.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised server-side with an allow-list
        <div className="comment-body" dangerouslySetInnerHTML={{ __html: c.html }} />
      )}
      {c.suggestion && <Suggestion comment={c} isLearner={isLearner} actions={actions} target={target} />}
      <div className="actions">
        {c.mine && !editing && (
          <button type="button" className="link" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        {(c.mine || isLearner) && (
          <button
            type="button"
            className="link danger"
            onClick={() => {
              if (window.confirm('Delete this comment? Its words cannot be brought back.')) actions.remove.mutate(c.id);
            }}
          >
            Delete
          </button>
        )}
      </div>
    </article>
  );
}

const suggestionStateLabels = { open: 'Waiting for the learner', accepted: 'Accepted', dismissed: 'Set aside' };

function Suggestion({
  comment: c,
  isLearner,
  actions,
}: {
  comment: CommentView;
  isLearner: boolean;
  actions: Actions;
  target: CommentTarget;
}) {
  const s = c.suggestion;
  if (!s) return null;
  const fieldLabel = suggestableFieldLabels[s.field] ?? s.field;
  const deciding = actions.decide.isPending && actions.decide.variables?.id === c.id;
  return (
    <div className="suggestion">
      <p>
        Suggested wording for <strong>{fieldLabel}</strong>:
      </p>
      <blockquote>{s.text}</blockquote>
      <p className="hint">{suggestionStateLabels[s.state]}</p>
      {isLearner && s.state === 'open' && (
        <div className="actions">
          <button
            type="button"
            disabled={deciding}
            onClick={() => actions.decide.mutate({ id: c.id, decision: 'accept' })}
          >
            Accept suggestion
          </button>
          <button
            type="button"
            className="secondary"
            disabled={deciding}
            onClick={() => actions.decide.mutate({ id: c.id, decision: 'dismiss' })}
          >
            Dismiss
          </button>
        </div>
      )}
      {actions.decide.variables?.id === c.id && <FormError error={actions.decide.error} />}
    </div>
  );
}

function CommentForm({
  actions,
  target,
  title,
  canSuggest,
}: {
  actions: Actions;
  target: CommentTarget;
  title: string;
  canSuggest: boolean;
}) {
  const [suggesting, setSuggesting] = useState(false);
  const [field, setField] = useState<string>('what');
  const [body, setBody] = useState('');
  const [text, setText] = useState('');
  const add = actions.add;
  const error = (f: string) => fieldError(add.error, f);
  const leave = useLeaveGuard(body.trim() !== '' || (suggesting && text.trim() !== ''));
  return (
    <form
      className="comment-form"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(
          { body, ...(suggesting && { suggestion: { field, text } }) },
          {
            onSuccess: () => {
              setBody('');
              setText('');
              setSuggesting(false);
            },
          },
        );
      }}
    >
      <TextArea
        label={`Comment on ${title}`}
        hint="Markdown works: **bold**, _italic_, lists, links."
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={error('body')}
        required
      />
      {canSuggest && (
        <label className="check">
          <input type="checkbox" checked={suggesting} onChange={(e) => setSuggesting(e.target.checked)} /> Suggest new
          wording for one field
        </label>
      )}
      {suggesting && (
        <>
          <Select
            label="Field to reword"
            value={field}
            onChange={(e) => setField(e.target.value)}
            options={suggestableFields[target.kind].map((f) => [f, suggestableFieldLabels[f] ?? f])}
            error={error('suggestion.field')}
          />
          <TextArea
            label="Suggested wording"
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={error('suggestion.text') ?? error('suggestion')}
            required
          />
        </>
      )}
      <FormError error={add.error} />
      <button type="submit" disabled={add.isPending}>
        {suggesting ? 'Send suggestion' : 'Add comment'}
      </button>
      {leave.question}
    </form>
  );
}

function ReplyForm({ actions, parentId, author }: { actions: Actions; parentId: string; author: string }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="link" onClick={() => setOpen(true)}>
        Reply to {author}
      </button>
    );
  }
  return (
    <OneTextForm
      label={`Reply to ${author}`}
      initial=""
      submitLabel="Reply"
      mutation={actions.add}
      save={(body, done) => actions.add.mutate({ body, parentId }, { onSuccess: done })}
      close={() => setOpen(false)}
    />
  );
}

function EditForm({ comment, actions, done }: { comment: CommentView; actions: Actions; done: () => void }) {
  return (
    <OneTextForm
      label="Edit your comment"
      initial={comment.body}
      submitLabel="Save"
      mutation={actions.edit}
      save={(body, saved) => actions.edit.mutate({ id: comment.id, body }, { onSuccess: saved })}
      close={done}
    />
  );
}

/** A reply or an edit: one text, sent or cancelled; closes once saved. */
function OneTextForm({
  label,
  initial,
  submitLabel,
  mutation,
  save,
  close,
}: {
  label: string;
  initial: string;
  submitLabel: string;
  mutation: { isPending: boolean; error: unknown };
  save: (body: string, done: () => void) => void;
  close: () => void;
}) {
  const [body, setBody] = useState(initial);
  const leave = useLeaveGuard(body.trim() !== initial.trim());
  return (
    <form
      className="comment-form"
      onSubmit={(e) => {
        e.preventDefault();
        save(body, close);
      }}
    >
      <TextArea
        label={label}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={fieldError(mutation.error, 'body')}
        required
        autoFocus
      />
      <SaveOrCancel saveLabel={submitLabel} pending={mutation.isPending} onCancel={close} />
      {leave.question}
    </form>
  );
}
