import { learningFormLabels, shareHowLabels } from '../../../features/plans/labels';
import { FormError } from '../../components/form-error';
import { day, type TimelineItem, useTimeline } from './evidence-api';
import { EvidenceContent } from './evidence-list';

const typeLabels: Record<TimelineItem['type'], string> = {
  log: 'Logged',
  evidence: 'Evidence',
  checkin: 'Check-in',
  share: 'Shared',
};

/** Everything that happened for a goal, newest first, in words. */
export function GoalTimeline({ planId, goalId }: { planId: string; goalId: string }) {
  const timeline = useTimeline(planId, goalId);
  if (timeline.isPending) return <p role="status">Loading the timeline…</p>;
  if (timeline.error) return <FormError error={timeline.error} />;
  if (timeline.data.items.length === 0) {
    return (
      <p className="notice">Nothing yet. What you log, add as evidence, check in or share for this goal shows here.</p>
    );
  }
  return (
    <ol className="timeline" aria-label="Timeline">
      {timeline.data.items.map((item) => (
        <li key={`${item.type}-${item.id}`} className={`timeline-item timeline-${item.type}`}>
          <p className="timeline-when">
            <strong>{typeLabels[item.type]}</strong> · <time dateTime={item.date}>{day(item.date)}</time>
          </p>
          <TimelineBody item={item} />
        </li>
      ))}
    </ol>
  );
}

function TimelineBody({ item }: { item: TimelineItem }) {
  switch (item.type) {
    case 'log':
      return (
        <p>
          {item.what}
          {(item.form || item.source) && (
            <span className="hint">
              {' '}
              (
              {[item.form && learningFormLabels[item.form], item.source && `from ${item.source}`]
                .filter(Boolean)
                .join(', ')}
              )
            </span>
          )}
        </p>
      );
    case 'evidence':
      return <EvidenceContent evidence={item.evidence} dated={false} />;
    case 'checkin':
      return (
        <>
          <p>
            Progress {item.progress.from}% → {item.progress.to}%
          </p>
          {item.answers.map((a) => (
            <p key={a.prompt} className="hint">
              {a.prompt} {a.answer}
            </p>
          ))}
        </>
      );
    case 'share':
      return (
        <p>
          {shareHowLabels[item.how as keyof typeof shareHowLabels] ?? item.how}
          {item.audience && ` with ${item.audience}`}
          {item.note && `: ${item.note}`}{' '}
          {item.link && (
            <a href={item.link} rel="noopener noreferrer" target="_blank">
              What I shared<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          )}
        </p>
      );
  }
}
