import { type ReactNode, type Ref, useImperativeHandle, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

export interface ConfirmHandle {
  open(): void;
}

/**
 * A modal question before something that cannot be taken back: its title asks, its text says what follows.
 * `open()` shows it with the focus on Cancel, so Enter or Escape changes nothing. React Aria's modal keeps the
 * focus inside while it is open and gives it back to what opened it; `onClose` follows either answer.
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
  const close = () => {
    setOpen(false);
    onClose?.();
  };
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={(open) => !open && close()} isDismissable className="modal-overlay">
      <Modal className="modal">
        <Dialog className="modal-dialog">
          <Heading slot="title" level={2}>
            {title}
          </Heading>
          {children}
          <div className="row">
            <Button
              className={danger ? 'danger' : undefined}
              onPress={() => {
                onConfirm();
                close();
              }}
            >
              {confirmLabel}
            </Button>
            <Button className="secondary" autoFocus onPress={close}>
              Cancel
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
