import { useEffect, useId, useRef, useState } from 'react';
import { FormError } from '../../components/form-error';
import { copyText } from '../../lib/copy-text';
import { formatDateTime } from '../../lib/dates';
import { type CohortFeedLinkView, useCohortFeedLink, useCohortFeedLinkActions } from './cohort-feeds-api';

/** One address of the link, read-only, with its own copy button and what copying did. */
function CopyableAddress({ label, hint, url, focus }: { label: string; hint: string; url: string; focus?: boolean }) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  // The new link is what the person came for: take them (and their screen reader) straight to it.
  useEffect(() => {
    if (focus) field.current?.focus();
  }, [focus]);
  return (
    <div className="field">
      <label htmlFor={`${id}-url`}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div className="row">
        <input
          id={`${id}-url`}
          ref={field}
          type="text"
          readOnly
          value={url}
          aria-describedby={`${id}-hint`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className="secondary"
          aria-label={`Copy the ${label.toLowerCase()}`}
          onClick={async () => setCopy((await copyText(url, field.current)) ? 'copied' : 'failed')}
        >
          Copy
        </button>
      </div>
      <p role="status">
        {copy === 'copied' && 'Copied.'}
        {copy === 'failed' && 'Could not copy. Select the address and copy it yourself.'}
      </p>
    </div>
  );
}

/**
 * "Feeds" on a cohort's page: a personal secret link for feed readers to the cohort's reflections (Atom) and its
 * participants' blogs (OPML). Made, replaced and turned off here; its addresses are shown once (the server keeps
 * only a fingerprint).
 */
export function CohortFeedsSection({ cohortId }: { cohortId: string }) {
  const id = useId();
  const status = useCohortFeedLink(cohortId);
  const [link, setLink] = useState<CohortFeedLinkView | null>(null);
  const { make, turnOff } = useCohortFeedLinkActions(cohortId, { made: setLink, turnedOff: () => setLink(null) });
  const isOn = status.data?.active ?? false;
  const busy = make.isPending || turnOff.isPending;
  return (
    <section className="panel card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Feeds</h2>
      <p>
        Follow the cohort in a feed reader: one address gives the reflections as they are shared (Atom), the other the
        list of participants’ own blogs to import (OPML).
      </p>
      <p>
        <strong>Anyone who has your link can read, without signing in, what you can read of this cohort:</strong>{' '}
        reflections shared with the cohort or with everyone, links to participants’ blog posts and the list of their
        blogs, never a post kept private or shared with chosen people. It stops working if you leave the cohort.
      </p>
      <FormError error={status.error ?? make.error ?? turnOff.error} />
      {status.isPending ? (
        <p role="status">Loading…</p>
      ) : (
        <>
          <p>
            {isOn && status.data?.madeAt
              ? `You have a link, made ${formatDateTime(status.data.madeAt)}.`
              : 'You have no link yet.'}
          </p>
          <div className="actions">
            <button type="button" onClick={() => make.mutate()} disabled={busy}>
              {isOn ? 'Make a new link (the old one stops working)' : 'Make a feed link'}
            </button>
            {isOn && (
              <button type="button" className="danger" onClick={() => turnOff.mutate()} disabled={busy}>
                Turn off the link
              </button>
            )}
          </div>
        </>
      )}
      {link && (
        <div className="notice">
          <p>Copy them now: Waymark keeps only a fingerprint of your link, so it cannot show it to you again.</p>
          <CopyableAddress
            label="Reflections feed address (Atom)"
            hint="Add it to your feed reader as a new subscription."
            url={link.atomUrl}
            focus
          />
          <CopyableAddress
            label="Blogs list address (OPML)"
            hint="Import it in your feed reader to follow every participant’s blog."
            url={link.opmlUrl}
          />
        </div>
      )}
    </section>
  );
}
