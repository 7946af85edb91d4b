import type { ReactNode } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

/**
 * The open confirm dialog (confirm-dialog.tsx), on React Aria's modal, which keeps the focus inside while it is
 * open and gives it back to what opened it. A chunk of its own: React Aria is not part of the first load.
 */
export default function ConfirmDialogModal({
  title,
  confirmLabel,
  danger = false,
  onConfirm,
  close,
  children,
}: {
  title: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  close: () => void;
  children: ReactNode;
}) {
  return (
    <ModalOverlay isOpen onOpenChange={(open) => !open && close()} isDismissable className="modal-overlay">
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
