import { useId, useState } from 'react';
import { CopyableAddress } from '../../components/copyable-address';
import { FormError } from '../../components/form-error';
import { useSettings } from '../settings/settings-api';
import { useCalendarFeedActions } from './calendar-api';

/**
 * The settings section for the private calendar feed: what it holds, making a link (shown once: the server
 * keeps only a fingerprint), replacing it, turning it off, and how to subscribe in the common calendar apps.
 */
export function CalendarFeedSection() {
  const id = useId();
  // The settings page's own query: a new link changes the settings' version, and the page's form must see it.
  const settings = useSettings();
  const [url, setUrl] = useState<string | null>(null);

  const { make, turnOff } = useCalendarFeedActions({
    made: (feed) => setUrl(feed.url),
    turnedOff: () => setUrl(null),
  });

  const isOn = settings.data?.hasCalendarFeed ?? false;
  const busy = make.isPending || turnOff.isPending;
  return (
    <section className="panel card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Calendar feed</h2>
      <p>
        See your goal target dates, milestones and check-ins in the calendar you already use. Your calendar app
        subscribes to a private link and keeps them up to date as your plans change.
      </p>
      <p>
        <strong>The link is private.</strong> Anyone who has it can see these dates and the names of your goals, without
        signing in. Keep it to yourself; if it gets out, make a new link and the old one stops working at once.
      </p>
      <FormError error={settings.error ?? make.error ?? turnOff.error} />
      {settings.isPending ? (
        <p role="status">Loading…</p>
      ) : (
        <>
          <p>{isOn ? 'Your calendar feed is on.' : 'Your calendar feed is off: there is no link yet.'}</p>
          <div className="actions">
            <button type="button" onClick={() => make.mutate()} disabled={busy}>
              {isOn ? 'Make a new link (the old one stops working)' : 'Make a calendar link'}
            </button>
            {isOn && (
              <button type="button" className="danger" onClick={() => turnOff.mutate()} disabled={busy}>
                Turn off the feed
              </button>
            )}
          </div>
        </>
      )}
      {url && (
        <div className="notice">
          <CopyableAddress
            // A new link starts the copy state again.
            key={url}
            label="Your private calendar link"
            hint="Copy it now: Waymark keeps only a fingerprint of it, so it cannot show it to you again. If you lose it, make a new one."
            url={url}
            focus
            copied="Copied. Paste it into your calendar app."
          />
        </div>
      )}
      <h3>How to subscribe</h3>
      <ul>
        <li>
          <strong>Google Calendar</strong> (on a computer): next to “Other calendars”, choose + and then “From URL”,
          paste the link and choose “Add calendar”.
        </li>
        <li>
          <strong>Outlook</strong>: choose “Add calendar”, then “Subscribe from web”, paste the link, give the calendar
          a name and choose “Import”.
        </li>
        <li>
          <strong>Apple Calendar</strong>: on a Mac, choose File, then “New Calendar Subscription”, and paste the link.
          On an iPhone or iPad: Settings, Calendar, Accounts, Add Account, Other, “Add Subscribed Calendar”.
        </li>
      </ul>
      <p className="muted">
        Calendar apps fetch subscribed calendars on their own schedule (Google Calendar can take up to a day), so a
        change in Waymark may take a while to show there.
      </p>
    </section>
  );
}
