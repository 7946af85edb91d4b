import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog, type ConfirmHandle } from '../../components/confirm-dialog';
import { Field } from '../../components/field';
import { FormError, Notice } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { confirmDone } from '../../ui/toasts';
import { useInsightSettings, useRaiseK, useRefreshInsights, useRereadInsights } from './insights-api';

/** When the figures were counted (with "Count again now"), and k with the means to raise it. */
export function FiguresStatus({ orgId, ready, refreshedAt }: { orgId: string; ready: boolean; refreshedAt?: string }) {
  // A count the server queued (a large organisation's takes a while): when the figures were counted before
  // it, until the settings say they were counted since. Then everything of insights is read again.
  const [awaiting, setAwaiting] = useState<{ before: string | null } | null>(null);
  const [counted, setCounted] = useState(false);
  const settings = useInsightSettings(orgId, ready, awaiting ? 2000 : false);
  const refresh = useRefreshInsights(orgId);
  const reread = useRereadInsights(orgId);
  const now = settings.data?.refreshedAt ?? null;
  useEffect(() => {
    if (!awaiting || now === null || now === awaiting.before) return;
    setAwaiting(null);
    // "Up to date" once the figures on the page are the new ones, not before.
    reread().then(() => setCounted(true));
  }, [awaiting, now, reread]);
  const countAgain = () => {
    setCounted(false);
    refresh.mutate(undefined, {
      onSuccess: (r) => (r.counting ? setAwaiting({ before: r.refreshedAt }) : setCounted(true)),
    });
  };
  const asOf = refreshedAt ?? settings.data?.refreshedAt;
  return (
    <div className="panel figures-status">
      <div className="row">
        <p>
          {asOf ? (
            <>
              Figures as of <time dateTime={asOf}>{formatDateTime(asOf)}</time>.
            </>
          ) : (
            'Figures have not been counted yet.'
          )}{' '}
          They are counted again every hour.
        </p>
        <button
          type="button"
          className="secondary"
          disabled={refresh.isPending || awaiting !== null}
          onClick={countAgain}
        >
          {refresh.isPending || awaiting ? 'Counting…' : 'Count again now'}
        </button>
      </div>
      {awaiting && <Notice>Counting again: the figures below change when it is done.</Notice>}
      {counted && <Notice>Counted again: the figures below are up to date.</Notice>}
      <FormError error={refresh.error ?? settings.error} />
      {settings.data && <KSetting orgId={orgId} k={settings.data.k} version={settings.data.version} />}
    </div>
  );
}

/**
 * k, the fewest learners a figure may come from. It only ever goes up (a lower k would show groups a higher
 * one hid, and comparing the two would single people out), so raising it is confirmed in words first.
 */
function KSetting({ orgId, k, version }: { orgId: string; k: number; version: number }) {
  const raise = useRaiseK(orgId);
  const dialog = useRef<ConfirmHandle>(null);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState('');
  const next = Number(value);
  const error = problem || fieldError(raise.error, 'k');
  return (
    <>
      <p>
        Every figure comes from at least <strong>k = {k}</strong> opted-in learners. A smaller group reads “fewer than{' '}
        {k}”, never as a number.
      </p>
      {/* Open while something needs reading: an error, or the news that k was raised. */}
      <details className="k-setting" open={Boolean(error) || raise.isSuccess || raise.isError}>
        <summary>Raise k</summary>
        <p>k never goes down: once raised, it cannot be lowered again.</p>
        <form
          className="inline-form k-form"
          aria-label="Raise k"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            raise.reset();
            if (!Number.isInteger(next) || value.trim() === '') return setProblem('Give a whole number of learners.');
            if (next <= k) return setProblem(`k only goes up: it is ${k} now. Give a larger number.`);
            setProblem('');
            dialog.current?.open();
          }}
        >
          <Field
            label="Raise k to"
            type="number"
            inputMode="numeric"
            min={k + 1}
            max={1000}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            error={error}
          />
          <button type="submit" className="secondary">
            Raise k…
          </button>
          {!fieldError(raise.error, 'k') && <FormError error={raise.error} />}
        </form>
      </details>
      <ConfirmDialog
        ref={dialog}
        title={`Raise k from ${k} to ${next}?`}
        confirmLabel={`Raise k to ${next}`}
        onConfirm={() =>
          raise.mutate(
            { k: next, ...(version > 0 && { version }) },
            {
              onSuccess: (saved) => {
                setValue('');
                confirmDone(`k is ${saved.k} now.`);
              },
            },
          )
        }
      >
        <p>
          Groups of fewer than {next} learners will be hidden from every figure. This cannot be undone: k never goes
          back down.
        </p>
      </ConfirmDialog>
    </>
  );
}
