import { type ReactNode, useEffect, useId, useRef } from 'react';
import { confirmDone, reportFailure } from '../ui/toasts';

/** Copies text, falling back to the selection where the Clipboard API is missing (e.g. plain http). */
async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    return document.execCommand?.('copy') ?? false;
  }
}

/**
 * A secret address shown once (a calendar or feed link): read-only, selected on focus, with a copy button and a
 * toast saying whether copying worked. `focus` takes the person (and their screen reader) straight to it.
 */
export function CopyableAddress({
  label,
  hint,
  url,
  focus = false,
  copy = { text: 'Copy link' },
  copied = 'Copied.',
}: {
  label: string;
  hint: ReactNode;
  url: string;
  focus?: boolean;
  /** The button's words, and its name when the words alone would not say which address it copies. */
  copy?: { text: string; name?: string };
  copied?: string;
}) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focus) field.current?.focus();
  }, [focus]);
  return (
    <div className="field">
      <label htmlFor={`${id}-url`}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div className="row">
        <input
          id={`${id}-url`}
          ref={field}
          type="text"
          readOnly
          value={url}
          aria-describedby={`${id}-hint`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className="secondary"
          aria-label={copy.name}
          onClick={async () =>
            (await copyText(url, field.current))
              ? confirmDone(copied)
              : reportFailure('Could not copy. Select the address and copy it yourself.')
          }
        >
          {copy.text}
        </button>
      </div>
    </div>
  );
}
