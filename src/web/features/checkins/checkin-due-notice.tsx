import { Link } from 'react-router';
import { dueSummary, useCheckins } from './checkins-api';

/** A short notice on the plan's overview when a check-in is due (nothing otherwise). */
export function CheckinDueNotice({ planId, base }: { planId: string; base: string }) {
  const checkins = useCheckins(planId);
  if (!checkins.data) return null;
  const due = dueSummary(checkins.data);
  if (!due.due) return null;
  return (
    <p className="notice checkin-due">
      <strong>Check-in due.</strong> {due.text} <Link to={`${base}/checkins`}>Check in now</Link>
    </p>
  );
}
