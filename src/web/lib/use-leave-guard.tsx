import { type FormEvent, type SyntheticEvent, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useBlocker } from 'react-router';
import { ConfirmDialog, type ConfirmHandle } from '../components/confirm-dialog';
import { hasUnsentText } from './unsent-text';

/**
 * Asks before the person leaves text they typed and did not send (a comment, a post, a log entry, a note):
 * going to another page of Waymark (a link, Back) or signing out opens a question; closing or reloading the
 * tab gets the browser's own. Forms that save as you type (the plan's editors: use-autosave.ts) need none.
 *
 * Two ways to say what is unsent, together where a form has both kinds of field:
 * - `useLeaveGuard(text.trim() !== '')` where React holds the text;
 * - `{...leave.formProps}` on a form whose fields React does not hold: any text field changed from what it
 *   started with counts; the form's `reset()` clears it, and so does `leave.sent()`.
 * Render `leave.question` anywhere in the form (the dialog itself goes to the end of the page).
 * `acrossPages`: the form stays on screen from page to page (the header's quick capture), so only closing
 * the tab or signing out loses its text.
 */
export function useLeaveGuard(unsent = false, { acrossPages = false } = {}) {
  const [typed, setTyped] = useState(false);
  const asks = unsent || typed;
  useEffect(() => {
    if (!asks) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers show the question only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [asks]);
  return {
    formProps: {
      onInput: (e: FormEvent<HTMLFormElement>) => setTyped(hasUnsentText(e.currentTarget)),
      onReset: () => setTyped(false),
    },
    /** The text was sent (or saved): leaving no longer loses anything. */
    sent: () => setTyped(false),
    // Mounted only while there is something to lose, so the router holds a blocker only then.
    question: asks ? <LeaveQuestion blocksPages={!acrossPages} /> : null,
  };
}

/**
 * The submit handler of a guarded form whose fields React does not hold: reads them (`read` gets each field's
 * text, and the FormData for the rest), hands them to `save` with a `done` to call once saved, which lets the
 * person leave and, with `emptyWhenSaved` (a form for a new item), empties the form.
 */
export function submitGuarded<T>(
  leave: { sent(): void },
  read: (text: (name: string) => string, data: FormData) => T,
  save: (value: T, done: () => void) => void,
  emptyWhenSaved: boolean,
) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    save(
      read((name) => String(data.get(name) ?? ''), data),
      () => {
        leave.sent();
        if (emptyWhenSaved) form.reset();
      },
    );
  };
}

/** The questions of the guards with something to lose now, the latest last. */
const askers: (() => Promise<boolean>)[] = [];
/** Set when the person already agreed to leave (signing out): the page change that follows goes through. */
let agreedToLeave = false;

/**
 * Before something that leaves every page (signing out): asks as leaving a page with unsent text would.
 * True when there is nothing to lose or the person chose to leave.
 */
export async function confirmLeavingUnsent(): Promise<boolean> {
  const ask = askers.at(-1);
  const leave = ask ? await ask() : true;
  if (ask && leave) agreedToLeave = true;
  return leave;
}

/** Keeps an event of the question's own from reaching the form behind it (see LeaveQuestion). */
const stop = (e: SyntheticEvent) => e.stopPropagation();

function LeaveQuestion({ blocksPages }: { blocksPages: boolean }) {
  const dialog = useRef<ConfirmHandle>(null);
  const answer = useRef<(leave: boolean) => void>(undefined);
  const ask = useRef(
    () =>
      new Promise<boolean>((resolve) => {
        answer.current = resolve;
        dialog.current?.open();
      }),
  ).current;
  useEffect(() => {
    askers.push(ask);
    return () => {
      askers.splice(askers.indexOf(ask), 1);
    };
  }, [ask]);
  return (
    <>
      {blocksPages && <PageLeaveBlocker ask={ask} />}
      {/*
       * Outside the form it guards: the dialog has a form of its own, and forms do not nest. React still
       * passes a portal's events up to its parents: the dialog's submit must not reach (and send) the form.
       */}
      {createPortal(
        <div onSubmit={stop} onClick={stop} onKeyDown={stop} onInput={stop} onChange={stop} onReset={stop}>
          <ConfirmDialog
            ref={dialog}
            title="Leave without sending?"
            confirmLabel="Leave"
            danger
            onConfirm={() => answer.current?.(true)}
            // Cancel, Escape or the confirm's own closing: the first answer given is the one that counts.
            onClose={() => answer.current?.(false)}
          >
            <p>You typed text here that you have not sent or saved. If you leave, it is lost.</p>
          </ConfirmDialog>
        </div>,
        document.body,
      )}
    </>
  );
}

/** Holds a move to another page of Waymark until the person answers. */
function PageLeaveBlocker({ ask }: { ask: () => Promise<boolean> }) {
  // Another page loses the text; a change of the address's query or #fragment on this one does not.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    if (agreedToLeave) {
      agreedToLeave = false;
      return false;
    }
    return currentLocation.pathname !== nextLocation.pathname;
  });
  const latest = useRef(blocker);
  latest.current = blocker;
  // Once per blocked move: the blocker object itself is new at every render.
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    void ask().then((leave) => (leave ? latest.current.proceed?.() : latest.current.reset?.()));
  }, [blocker.state, ask]);
  return null;
}
