import { type ReactNode, type Ref, useId, useImperativeHandle, useRef } from 'react';

export interface ConfirmHandle {
  open(): void;
}

/**
 * A modal question before something that cannot be taken back: its title asks, its text says what follows.
 * `open()` shows it with the focus on Cancel, so Enter or Escape changes nothing. (React does not write
 * `autofocus` into the page, so the dialog would otherwise focus its first button: the one that acts.)
 */
export function ConfirmDialog({
  ref,
  title,
  confirmLabel,
  danger = false,
  onConfirm,
  onClose,
  children,
}: {
  ref: Ref<ConfirmHandle>;
  title: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onClose?: () => void;
  children: ReactNode;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useImperativeHandle(ref, () => ({
    open() {
      dialog.current?.showModal();
      cancel.current?.focus();
    },
  }));
  return (
    <dialog ref={dialog} aria-labelledby={id} onClose={onClose}>
      <h2 id={id}>{title}</h2>
      {children}
      <form method="dialog" className="row">
        <button type="submit" className={danger ? 'danger' : undefined} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button ref={cancel} type="submit" className="secondary">
          Cancel
        </button>
      </form>
    </dialog>
  );
}
