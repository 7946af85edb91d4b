import { useId, useState } from 'react';
import { CopyableAddress } from '../../components/copyable-address';
import { FormError } from '../../components/form-error';
import { formatDateTime } from '../../lib/dates';
import { type CohortFeedLinkView, useCohortFeedLink, useCohortFeedLinkActions } from './cohort-feeds-api';

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
            // A new link starts each address's copy state again (and takes the focus to it).
            key={link.atomUrl}
            label="Reflections feed address (Atom)"
            hint="Add it to your feed reader as a new subscription."
            url={link.atomUrl}
            focus
            copy={{ text: 'Copy', name: 'Copy the reflections feed address' }}
          />
          <CopyableAddress
            key={link.opmlUrl}
            label="Blogs list address (OPML)"
            hint="Import it in your feed reader to follow every participant’s blog."
            url={link.opmlUrl}
            copy={{ text: 'Copy', name: 'Copy the blogs list address' }}
          />
        </div>
      )}
    </section>
  );
}
