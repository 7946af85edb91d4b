import { useId } from 'react';
import { Link } from 'react-router';
import { day, fileSize, type PortfolioEvidence, type PortfolioGoal } from './portfolio-api';
import './portfolio.css';

type Level = 2 | 3;

/**
 * Achieved goals with their evidence, as both the learner and a visitor with the secret link read them.
 * `level` is the heading level of each goal, so the page's outline stays whole; `orgId` (the learner's own
 * page only) adds a way back to each goal in its plan.
 */
export function PortfolioGoals({ goals, level, orgId }: { goals: PortfolioGoal[]; level: Level; orgId?: string }) {
  return (
    <ol className="portfolio-goals">
      {goals.map((g) => (
        <li key={g.id}>
          <GoalCard goal={g} level={level} orgId={orgId} />
        </li>
      ))}
    </ol>
  );
}

function GoalCard({ goal, level, orgId }: { goal: PortfolioGoal; level: Level; orgId?: string }) {
  const id = useId();
  const Heading = `h${level}` as const;
  const Sub = `h${level + 1}` as 'h3' | 'h4';
  return (
    <article className="portfolio-goal" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{goal.what || 'Untitled goal'}</Heading>
      <p className="hint">
        Achieved · plan {goal.cycle}
        {goal.targetDate && ` · target date ${day(goal.targetDate)}`}
      </p>
      {goal.topics.length > 0 && (
        <ul className="portfolio-topics" aria-label="Topics">
          {goal.topics.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      )}
      {(goal.why || goal.howYouKnew) && (
        <dl className="portfolio-answers">
          {goal.why && (
            <>
              <dt>Why</dt>
              <dd>{goal.why}</dd>
            </>
          )}
          {goal.howYouKnew && (
            <>
              <dt>How I would know I had learned it</dt>
              <dd>{goal.howYouKnew}</dd>
            </>
          )}
        </dl>
      )}
      <Sub>Evidence</Sub>
      {goal.evidence.length === 0 ? (
        <p className="hint">No evidence added{orgId ? ' yet: add notes, links or files on the goal’s page' : ''}.</p>
      ) : (
        <ul className="portfolio-evidence">
          {goal.evidence.map((e) => (
            <EvidenceItem key={e.id} evidence={e} />
          ))}
        </ul>
      )}
      {orgId && (
        <p className="no-print">
          <Link to={`/orgs/${orgId}/plans/${goal.planId}/goals/${goal.id}`}>
            Evidence and timeline<span className="visually-hidden"> of {goal.what || 'Untitled goal'}</span>
          </Link>
        </p>
      )}
    </article>
  );
}

const kindLabel = { note: 'Note', link: 'Link', file: 'File' } as const;

function EvidenceItem({ evidence: e }: { evidence: PortfolioEvidence }) {
  return (
    <li>
      <p className="portfolio-evidence-head">
        {e.kind === 'link' && e.url ? (
          // Visitors follow these out of a page whose address is a secret: never pass it on.
          <a href={e.url} rel="noopener noreferrer">
            {e.title}
          </a>
        ) : (
          <strong>{e.title}</strong>
        )}{' '}
        <span className="hint">
          · {kindLabel[e.kind]} · <time dateTime={e.occurredOn}>{day(e.occurredOn)}</time>
        </span>
      </p>
      {e.note && <p className="portfolio-note">{e.note}</p>}
      {e.file && (
        <p>
          <a href={e.file.downloadUrl} download={e.file.name}>
            Download {e.file.name}
          </a>{' '}
          <span className="hint">({fileSize(e.file.byteSize)})</span>
        </p>
      )}
    </li>
  );
}
