/** Up to two initials of a name: "Maya Okafor" → "MO", "cher" → "C". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

/** One of the six accent colours, always the same for a name, so a person is recognisable at a glance. */
function accentOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return (hash % 6) + 1;
}

/**
 * A person's initials in a coloured circle. Decoration beside their name (hidden from screen readers); where the
 * avatar stands alone, pass `label` (e.g. the name) and it is read out instead.
 */
export function Avatar({ name, size = 'md', label }: { name: string; size?: 'sm' | 'md' | 'lg'; label?: string }) {
  return (
    <span
      className={`avatar avatar-${size} accent-${accentOf(name)}`}
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      {initialsOf(name)}
    </span>
  );
}
