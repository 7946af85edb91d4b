import { useState } from 'react';
import { Link } from 'react-router';
import { cadenceLabels, shareHowLabels } from '../../../features/plans/labels';
import { Field } from '../../components/field';
import { FormError, Notice } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { Select } from '../plans/plan-fields';
import { WritePostLink } from '../posts/write-post-link';
import { type LogEntryView, type MyGoal, useLogAsEvidence, useLogAsShare, useMyGoals } from './log-api';

type Use = 'evidence' | 'share';

/** What a log entry can become: evidence of a goal, a share done for a sharing commitment, or a post. */
/** `which` names the entry for screen readers, as the entry's other buttons do ("the entry of 3 Feb 2027"). */
export function LogEntryUses({ entry, orgId, which }: { entry: LogEntryView; orgId: string; which: string }) {
  const [open, setOpen] = useState<Use>();
  const [done, setDone] = useState<React.ReactNode>();
  const goals = useMyGoals(orgId);
  const toggle = (use: Use) => {
    setDone(undefined);
    setOpen(open === use ? undefined : use);
  };
  const finished = (message: React.ReactNode) => {
    setOpen(undefined);
    setDone(message);
  };
  return (
    <>
      <button type="button" className="link" aria-expanded={open === 'evidence'} onClick={() => toggle('evidence')}>
        Use as evidence<span className="visually-hidden"> {which}</span>
      </button>
      <button type="button" className="link" aria-expanded={open === 'share'} onClick={() => toggle('share')}>
        Mark as shared<span className="visually-hidden"> {which}</span>
      </button>
      <WritePostLink source={{ kind: 'log', id: entry.id }} body={entry.what} about={which} />
      {open === 'evidence' && (
        <EvidenceForm entry={entry} orgId={orgId} goals={goals.data?.goals ?? []} onDone={finished} />
      )}
      {open === 'share' && <ShareForm entry={entry} goals={goals.data?.goals ?? []} onDone={finished} />}
      {done && <Notice>{done}</Notice>}
    </>
  );
}

type FormProps = { entry: LogEntryView; goals: MyGoal[]; onDone: (message: React.ReactNode) => void };

function EvidenceForm({ entry, orgId, goals, onDone }: FormProps & { orgId: string }) {
  const save = useLogAsEvidence(entry.id, (evidence) => {
    const goal = goals.find((g) => g.id === evidence.goalId);
    onDone(
      <>
        Added as evidence of{' '}
        <Link to={`/orgs/${orgId}/plans/${evidence.planId}/goals/${evidence.goalId}`}>
          “{goal?.what || 'your goal'}”
        </Link>
        .
      </>,
    );
  });
  if (goals.length === 0) return <p className="notice">Set a goal in a plan first: evidence belongs to a goal.</p>;
  return (
    <form
      className="inline-form"
      aria-label="Use as evidence"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ goalId: String(new FormData(e.currentTarget).get('goalId') ?? '') });
      }}
    >
      <Select
        label="Evidence of which goal?"
        name="goalId"
        defaultValue={entry.goal?.id ?? goals[0]?.id}
        options={goals.map((g) => [g.id, `${g.what || 'Untitled goal'} (${g.cycle})`])}
        error={fieldError(save.error, 'goalId')}
      />
      <FormError error={save.error} />
      <button type="submit" disabled={save.isPending}>
        Add as evidence
      </button>
    </form>
  );
}

function ShareForm({ entry, goals, onDone }: FormProps) {
  const commitments = goals.flatMap((g) =>
    g.shares.map((s): [string, string] => [
      s.id,
      `${g.what || 'Untitled goal'}: ${shareHowLabels[s.how as keyof typeof shareHowLabels] ?? s.how}${
        s.audience ? ` with ${s.audience}` : ''
      } (${cadenceLabels[s.cadence as keyof typeof cadenceLabels] ?? s.cadence})`,
    ]),
  );
  const save = useLogAsShare(entry.id, (body) =>
    onDone(`Recorded as shared: ${commitments.find(([id]) => id === body.shareId)?.[1] ?? 'done'}.`),
  );
  if (commitments.length === 0) {
    return <p className="notice">No sharing commitments yet: add one in part 4 of your plan.</p>;
  }
  return (
    <form
      className="inline-form"
      aria-label="Mark as shared"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const link = String(data.get('link') ?? '').trim();
        save.mutate({ shareId: String(data.get('shareId') ?? ''), link: link || null });
      }}
    >
      <Select
        label="For which sharing commitment?"
        name="shareId"
        options={commitments}
        error={fieldError(save.error, 'shareId')}
      />
      <Field
        label="Link to what you shared (optional)"
        name="link"
        type="url"
        placeholder="https://"
        error={fieldError(save.error, 'link')}
      />
      <FormError error={save.error} />
      <button type="submit" disabled={save.isPending}>
        Record as shared
      </button>
    </form>
  );
}
