import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { learningFormLabels } from '../../../features/plans/labels';
import { SaveOrCancel } from '../../components/save-or-cancel';
import { formatDay } from '../../lib/dates';
import type { KeptCapture } from '../../lib/device-store';
import { useMe } from '../me/me-api';
import { useKeptCaptures } from './kept-captures';
import { logKeys, useMyGoals } from './log-api';
import { LogEntryFields, readLogEntryForm } from './log-entry-fields';

const deviceStore = () => import('../../lib/device-store');

/**
 * Entries logged without a connection, kept on this device until the server has them: "waiting to sync", or,
 * when the server refused one, why, with a way to correct it (sent again with the same key) or discard it.
 */
export function KeptCaptures({ orgId }: { orgId: string }) {
  const userId = useMe().data?.user.id ?? '';
  const kept = useKeptCaptures(userId, orgId);
  const captures = kept.data ?? [];
  if (captures.length === 0) return null;
  return (
    <section className="panel kept-captures" aria-labelledby="kept-captures-title">
      <h2 id="kept-captures-title">Waiting to sync</h2>
      <p className="hint">
        Logged without a connection and kept on this device. They are sent as soon as Waymark can be reached, each only
        once.
      </p>
      <ol className="log-list" aria-label="Entries waiting to sync">
        {captures.map((c) => (
          <KeptItem key={`${c.key}-${c.refused ? 'refused' : 'waiting'}`} capture={c} orgId={orgId} />
        ))}
      </ol>
    </section>
  );
}

function KeptItem({ capture, orgId }: { capture: KeptCapture; orgId: string }) {
  const [editing, setEditing] = useState(false);
  const goals = useMyGoals(orgId, { read: editing });
  const qc = useQueryClient();
  const { body, refused } = capture;
  const learnedOn = body.learnedOn ?? capture.keptAt.slice(0, 10);
  const which = `the entry of ${formatDay(learnedOn)} waiting to sync`;
  const changed = () => qc.invalidateQueries({ queryKey: logKeys.kept(capture.userId) });
  if (editing) {
    return (
      <li className="log-item">
        <form
          aria-label={`Correct ${which}`}
          onSubmit={async (e) => {
            e.preventDefault();
            const values = readLogEntryForm(e.currentTarget);
            await (await deviceStore()).changeCapture(capture, { ...body, ...values });
            // Sent again at once when there is a connection (the change is announced to the sender).
            setEditing(false);
            await changed();
          }}
        >
          <LogEntryFields
            values={{
              what: body.what,
              form: body.form ?? null,
              source: body.source ?? '',
              goalId: body.goalId ?? null,
              learnedOn,
            }}
            goals={goals.data?.goals}
            errorOf={(field) => refused?.fields[field]}
          />
          <SaveOrCancel pending={false} onCancel={() => setEditing(false)} />
        </form>
      </li>
    );
  }
  return (
    <li className="log-item">
      <p className="hint">
        <time dateTime={learnedOn}>{formatDay(learnedOn)}</time>
        {body.form && ` · ${learningFormLabels[body.form]}`}
        {body.source && ` · from ${body.source}`}
      </p>
      <p className="log-what">{body.what}</p>
      {refused ? (
        <>
          <p className="alert">
            Not accepted: {refused.message}
            {Object.values(refused.fields).map((message) => ` ${message}`)}
          </p>
          <div className="actions">
            <button type="button" className="link" onClick={() => setEditing(true)}>
              Correct<span className="visually-hidden"> {which}</span>
            </button>
            <button
              type="button"
              className="link danger"
              onClick={async () => {
                if (!window.confirm('Discard this entry? It was never logged, and it will be gone.')) return;
                await (await deviceStore()).dropCapture(capture.key);
                await changed();
              }}
            >
              Discard<span className="visually-hidden"> {which}</span>
            </button>
          </div>
        </>
      ) : (
        <p className="sync-state">Waiting to sync</p>
      )}
    </li>
  );
}
