/** The buttons that end an inline form: save (submits it) and, given `onCancel`, cancel. */
export function SaveOrCancel({
  saveLabel = 'Save',
  pending,
  onCancel,
}: {
  saveLabel?: string;
  pending: boolean;
  onCancel?: () => void;
}) {
  return (
    <div className="actions">
      <button type="submit" disabled={pending}>
        {saveLabel}
      </button>
      {onCancel && (
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
