import type { GuideCheck } from '../../../features/plans/guide-progress';

/** What the guide asks of a part, each marked done or left (in words too, for screen readers). */
export function GuideChecklist({ checks }: { checks: GuideCheck[] }) {
  return (
    <ul className="checklist">
      {checks.map((c) => (
        <li key={c.id} className={c.done ? 'done' : 'left'}>
          <span className="visually-hidden">{c.done ? 'Done: ' : 'Left: '}</span>
          {c.label}
        </li>
      ))}
    </ul>
  );
}
