import { type InputHTMLAttributes, useId } from 'react';

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string };

/** A labelled input whose error is announced and tied to it. */
export function Field({ label, error, hint, ...input }: Props) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

type Preset = Omit<Props, 'label'> & { label?: string };

export function EmailField({ label = 'E-mail address', ...rest }: Preset) {
  return <Field label={label} name="email" type="email" autoComplete="email" required {...rest} />;
}

/** A password input; `isNew` asks browsers to suggest a strong one and states the rule. */
export function PasswordField({ label = 'Password', isNew = false, ...rest }: Preset & { isNew?: boolean }) {
  return (
    <Field
      label={label}
      name="password"
      type="password"
      autoComplete={isNew ? 'new-password' : 'current-password'}
      hint={isNew ? 'At least 8 characters.' : undefined}
      required
      {...rest}
    />
  );
}
