import { lazy, type ReactNode, type Ref, Suspense, useImperativeHandle, useState } from 'react';

export interface ConfirmHandle {
  open(): void;
}

// React Aria's modal (~50 kB) arrives when a question is first asked, not with the page: the leave guard puts
// this dialog on every page with a form, and the first load has a budget (scripts/initial-js-budget.ts).
const Modal = lazy(() => import('./confirm-dialog-modal'));

/**
 * A modal question before something that cannot be taken back: its title asks, its text says what follows.
 * `open()` shows it with the focus on Cancel, so Enter or Escape changes nothing; `onClose` follows either
 * answer.
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
  const [isOpen, setOpen] = useState(false);
  useImperativeHandle(ref, () => ({ open: () => setOpen(true) }));
  if (!isOpen) return null;
  const close = () => {
    setOpen(false);
    onClose?.();
  };
  return (
    <Suspense fallback={null}>
      <Modal title={title} confirmLabel={confirmLabel} danger={danger} onConfirm={onConfirm} close={close}>
        {children}
      </Modal>
    </Suspense>
  );
}
