import { useRef } from 'react';
import { ConfirmDialog, type ConfirmHandle } from '../../components/confirm-dialog';
import { FormError } from '../../components/form-error';
import { type NudgeResult, useNudge } from './progress-api';

/** A participant an organiser ticked in the grid. */
export interface Chosen {
  memberId: string;
  name: string;
}

const people = (n: number) => `${n} ${n === 1 ? 'participant gets' : 'participants get'}`;
const ONCE_A_DAY =
  'a kind reminder in Waymark and by e-mail (unless they turned these e-mails off). Nobody is nudged more than once a day.';

/** What a nudge did, in words: how many were nudged, and who was left out for having been nudged today. */
function said(result: NudgeResult) {
  const { nudgedToday, nudgedTodayNames } = result.skipped;
  return `Nudged ${result.nudged}.${nudgedToday > 0 ? ` Skipped, nudged today already: ${nudgedTodayNames.join(', ')}.` : ''}`;
}

/**
 * Nudging: everyone behind, or only the participants ticked in the grid; each asks first. `onNudged` follows a
 * nudge of the chosen (the page clears the ticks).
 */
export function Nudges({
  programmeId,
  behind,
  chosen,
  onNudged,
}: {
  programmeId: string;
  behind: number;
  chosen: Chosen[];
  onNudged: () => void;
}) {
  const askBehind = useRef<ConfirmHandle>(null);
  const askChosen = useRef<ConfirmHandle>(null);
  const nudge = useNudge(programmeId);
  return (
    <div className="actions">
      <button type="button" disabled={behind === 0 || nudge.isPending} onClick={() => askBehind.current?.open()}>
        Nudge those behind
      </button>
      <button
        type="button"
        className="secondary"
        disabled={chosen.length === 0 || nudge.isPending}
        onClick={() => askChosen.current?.open()}
      >
        Nudge the chosen ({chosen.length})
      </button>
      <ConfirmDialog
        ref={askBehind}
        title="Nudge those behind?"
        confirmLabel="Send the nudge"
        onConfirm={() => nudge.mutate(undefined)}
      >
        <p>
          {people(behind)} {ONCE_A_DAY}
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        ref={askChosen}
        title="Nudge the chosen?"
        confirmLabel="Send the nudge"
        onConfirm={() =>
          nudge.mutate(
            chosen.map((c) => c.memberId),
            { onSuccess: onNudged },
          )
        }
      >
        <p>
          {chosen.map((c) => c.name).join(', ')} {chosen.length === 1 ? 'gets' : 'each get'} {ONCE_A_DAY}
        </p>
      </ConfirmDialog>
      {nudge.data && <p role="status">{said(nudge.data)}</p>}
      <FormError error={nudge.error} />
    </div>
  );
}
