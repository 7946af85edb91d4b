import { Link, useSearchParams } from 'react-router';
import { FormError, Notice } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { useUnsubscribe, useUnsubscribeInfo } from './settings-api';

/**
 * Where the link at the foot of a reminder e-mail leads: says what it turns off, and turns it off with one
 * button. No sign-in needed: the signed token in the link is the proof.
 */
export function UnsubscribePage() {
  useTitle('Unsubscribe');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const info = useUnsubscribeInfo(token);
  const unsubscribe = useUnsubscribe(token);
  const done = unsubscribe.data;
  return (
    <section className="narrow">
      <h1>Stop reminder e-mails</h1>
      {token === '' && (
        <p className="alert" role="alert">
          This link is incomplete: copy the whole link from the e-mail.
        </p>
      )}
      <FormError error={info.error ?? unsubscribe.error} />
      {info.isLoading && <p role="status">Loading…</p>}
      {done ? (
        <Notice>
          Done: you will no longer get {done.turnedOff}. You still see these reminders on your Notifications page.
        </Notice>
      ) : info.data?.unsubscribed ? (
        <p>You already turned off {info.data.turnedOff}.</p>
      ) : (
        info.data && (
          <>
            <p>Stop {info.data.turnedOff}? Other e-mails from Waymark stay as they are.</p>
            <button type="button" onClick={() => unsubscribe.mutate()} disabled={unsubscribe.isPending}>
              Unsubscribe
            </button>
          </>
        )
      )}
      <p>
        You can choose which e-mails you get at any time in your <Link to="/settings">settings</Link> (after signing
        in).
      </p>
    </section>
  );
}
