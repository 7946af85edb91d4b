import { CircleAlert, CircleCheck, X } from 'lucide-react';
import {
  Button,
  Text,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastRegion as ToastRegion,
} from 'react-aria-components';
import { toastQueue } from './toasts';

/**
 * Where toasts show: a landmark ("Status messages": F6 reaches it from anywhere), above the phone's bottom bar,
 * each toast announced as it arrives (React Aria's `role="alert"` content) with a Close button.
 */
export function StatusToasts() {
  return (
    <ToastRegion queue={toastQueue} className="toast-region" aria-label="Status messages">
      {({ toast }) => (
        <Toast toast={toast} className={`toast-item toast-${toast.content.kind}`}>
          {toast.content.kind === 'done' ? (
            <CircleCheck aria-hidden="true" size={18} />
          ) : (
            <CircleAlert aria-hidden="true" size={18} />
          )}
          <ToastContent className="toast-content">
            <Text slot="title">{toast.content.text}</Text>
          </ToastContent>
          <Button slot="close" className="icon-button toast-close">
            <X aria-hidden="true" size={16} />
          </Button>
        </Toast>
      )}
    </ToastRegion>
  );
}
