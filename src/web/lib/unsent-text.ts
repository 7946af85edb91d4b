/*
 * What counts as unsent text in a form whose fields React does not hold: a field people type words into
 * (a text area, a text, e-mail, address or search box) whose text differs from the one it started with.
 * Spaces alone are nothing to lose; choices (selects, boxes, dates) are quick to make again.
 */

interface FieldLike {
  tagName: string;
  type?: string;
  value?: string;
  defaultValue?: string;
}

const TYPED_INPUTS = new Set(['text', 'email', 'url', 'search']);

const isTyped = (el: FieldLike) =>
  el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && TYPED_INPUTS.has(el.type ?? 'text'));

/** Whether `form` holds typed text that was not there when it started (or was last reset). */
export function hasUnsentText(form: { elements: ArrayLike<unknown> }): boolean {
  return Array.from(form.elements as ArrayLike<FieldLike>).some(
    (el) => isTyped(el) && (el.value ?? '').trim() !== (el.defaultValue ?? '').trim(),
  );
}
