import { useEffect, useRef, useState } from 'react';
import { learningFormLabels } from '../../../features/plans/labels';
import { cutText } from '../../../server/text';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { today } from '../../lib/dates';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { DeferredDateField } from '../../ui/deferred-date-field';
import { confirmDone } from '../../ui/toasts';
import { KEYBOARD, useMediaQuery } from '../../ui/use-media-query';
import { useMe } from '../me/me-api';
import { Select, TextArea } from '../plans/plan-fields';
import { useCaptureLearning, useSendKeptCaptures } from './kept-captures';
import { type CreateLogBody, goalOptions, useMyGoals } from './log-api';

/** True when a key press belongs to typing (a field, an editable area), not to a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/**
 * Quick capture of something learned, from anywhere: the "Log learning" button in the header, or the L key
 * (outside a text field). A modal dialog: focus goes to "What did you learn?", Escape closes, nothing is lost
 * until it is saved or discarded. Without a connection the entry is kept on the device and sent when the
 * connection returns (kept-captures.ts); this component, on every signed-in page, is what sends them.
 */
export function QuickCapture({ orgId }: { orgId: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  // The dialog keeps its text from page to page (it is in the header); closing the tab or signing out loses it.
  const leave = useLeaveGuard(false, { acrossPages: true });
  const userId = useMe().data?.user.id ?? '';
  useSendKeptCaptures(userId);
  // The L key is mentioned only where there is a keyboard to press it.
  const hasKeyboard = useMediaQuery(KEYBOARD);
  // Read when the dialog opens, not with every page: the header is on all of them.
  const goals = useMyGoals(orgId, { read: false });
  const capture = useCaptureLearning(userId, (result) => {
    form.current?.reset();
    dialog.current?.close();
    confirmDone(
      result.entry
        ? `Logged: ${cutText(result.entry.what, 60, '')}`
        : 'Kept on this device: it will be sent when you are back online.',
    );
  });

  // The date picker's code is fetched the first time the dialog opens, not with every page (ui/deferred-date-field).
  const [opened, setOpened] = useState(false);
  const show = () => {
    setOpened(true);
    capture.reset();
    void goals.refetch(); // goals added since the page loaded belong in the list
    dialog.current?.showModal();
    dialog.current?.querySelector('textarea')?.focus();
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'l' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (dialog.current?.open) return;
      e.preventDefault();
      show();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <>
      <button type="button" className="secondary" onClick={show} aria-keyshortcuts="L">
        Log learning
      </button>
      <dialog ref={dialog} aria-labelledby="quick-capture-title" className="quick-capture">
        <form
          ref={form}
          {...leave.formProps}
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            capture.mutate({
              organizationId: orgId,
              what: String(data.get('what') ?? ''),
              form: (data.get('form') || null) as CreateLogBody['form'],
              source: String(data.get('source') ?? ''),
              goalId: (data.get('goalId') || null) as string | null,
              learnedOn: (data.get('learnedOn') || undefined) as string | undefined,
            });
          }}
        >
          <h2 id="quick-capture-title">Log what you learned</h2>
          <FormError error={capture.error} />
          <TextArea
            label="What I learned"
            name="what"
            required
            maxLength={2000}
            error={fieldError(capture.error, 'what')}
            hint={
              hasKeyboard
                ? 'A sentence is enough. Press L anywhere (outside a text field) to come back here.'
                : 'A sentence is enough.'
            }
          />
          <div className="row">
            <Select
              label="How"
              name="form"
              options={[['', 'Choose…'], ...Object.entries(learningFormLabels)]}
              error={fieldError(capture.error, 'form')}
            />
            <Field
              label="From whom or what"
              name="source"
              maxLength={300}
              error={fieldError(capture.error, 'source')}
            />
          </div>
          <div className="row">
            <Select
              label="For goal"
              name="goalId"
              options={goalOptions(goals.data?.goals)}
              error={fieldError(capture.error, 'goalId')}
            />
            <DeferredDateField
              wanted={opened}
              label="When"
              name="learnedOn"
              defaultValue={today()}
              error={fieldError(capture.error, 'learnedOn')}
            />
          </div>
          <div className="actions">
            <button type="submit" disabled={capture.isPending}>
              Log it
            </button>
            <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
          {leave.question}
        </form>
      </dialog>
    </>
  );
}
