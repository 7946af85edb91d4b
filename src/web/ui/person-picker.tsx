import { ChevronsUpDown } from 'lucide-react';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';

export interface PersonOption {
  id: string;
  name: string;
  /** What tells two people of the same name apart (their e-mail address or title). */
  detail?: string;
}

/**
 * Choosing one person of an organisation that may have hundreds: type part of a name and pick from what matches
 * (React Aria's combobox: arrow keys, Enter, Escape, announced to screen readers). The chosen person's id is sent
 * with the form under `name`, as a select's value would be; the form's reset empties it. Whether someone was
 * chosen is the server's to say (`error`).
 */
export function PersonPicker({
  label,
  name,
  people,
  required,
  hint,
  error,
}: {
  label: string;
  name: string;
  people: PersonOption[];
  required?: boolean;
  hint?: string;
  /** The server's word on this field, shown under it and read with it. */
  error?: string;
}) {
  return (
    <ComboBox
      className="field person-picker"
      name={name}
      formValue="key"
      isRequired={required}
      // Checked by the server and said under the field, not by the browser's constraint validation: React Aria
      // commits a native error only on its next check, so after one refused submit the next one, with a person
      // chosen, was swallowed too (e2e/sharing.test.ts).
      validationBehavior="aria"
      isInvalid={error ? true : undefined}
      defaultItems={people}
    >
      <Label>{label}</Label>
      {hint && (
        <Text slot="description" className="hint">
          {hint}
        </Text>
      )}
      <div className="person-picker-input">
        <Input placeholder="Type a name" />
        <Button aria-label={`Show everyone for ${label}`} className="icon-button">
          <ChevronsUpDown aria-hidden="true" size={18} />
        </Button>
      </div>
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="popover person-picker-popover" placement="bottom start">
        <ListBox<PersonOption>
          className="menu person-picker-list"
          renderEmptyState={() => <p className="hint">Nobody of that name.</p>}
        >
          {(person) => (
            <ListBoxItem id={person.id} textValue={person.name} className="menu-item person-picker-option">
              <span>{person.name}</span>
              {person.detail && <span className="muted"> {person.detail}</span>}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
