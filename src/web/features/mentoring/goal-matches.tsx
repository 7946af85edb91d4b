import { Link, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useGoalMatches } from './mentoring-api';
import { noMentorYet } from './no-mentor-yet';

/** Colleagues who could help with a goal: mentors who offer its topic, and peers learning it too, with why. */
export function GoalMatches({ planId, goalId, topics }: { planId: string; goalId: string; topics: string[] }) {
  const { orgId = '' } = useParams();
  const matches = useGoalMatches(planId, goalId);
  return (
    <section aria-labelledby="find-a-mentor">
      <h2 id="find-a-mentor">Find a mentor</h2>
      {matches.isPending && <p role="status">Looking for colleagues who could help…</p>}
      {matches.error && <FormError error={matches.error} />}
      {matches.data && (
        <>
          {matches.data.mentors.length === 0 ? (
            <p className="notice">{noMentorYet(topics)}</p>
          ) : (
            <ul className="member-list" aria-label="Suggested mentors">
              {matches.data.mentors.map((m) => (
                <li key={m.memberId} className="member">
                  <div className="member-who">
                    <strong>{m.name}</strong>
                    {m.title && <span className="muted">{m.title}</span>}
                    {m.about && <span>{m.about}</span>}
                    <ul aria-label={`Why ${m.name}`}>
                      {m.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <h3>Colleagues learning the same</h3>
          {matches.data.peers.length === 0 ? (
            <p className="muted">
              Nobody who agreed to be suggested is learning this right now.
              {orgId && (
                <>
                  {' '}
                  You can offer to be suggested yourself on <Link to={`/orgs/${orgId}/profile`}>your profile</Link>.
                </>
              )}
            </p>
          ) : (
            <ul className="member-list" aria-label="Colleagues learning the same">
              {matches.data.peers.map((p) => (
                <li key={p.memberId} className="member">
                  <div className="member-who">
                    <strong>{p.name}</strong>
                    <span>{p.reasons.join(' · ')}</span>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
