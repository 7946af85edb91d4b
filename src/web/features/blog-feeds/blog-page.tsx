import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import { ConfirmDialog, type ConfirmHandle } from '../../components/confirm-dialog';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { useEnrolment, useOverview } from '../programme-learning/programme-learning-api';
import { type BlogStatusView, useBlogActions, useBlogStatus } from './blog-feeds-api';
import { BlogPosts } from './blog-posts';
import { BlogSiteLink } from './blog-site-link';
import './blog-feeds.css';

/**
 * "Your blog": the participant registers their own blog's feed for their enrolment in a programme; the posts
 * on it that carry the programme's tag are offered here as reflections on its things.
 */
export function BlogPage() {
  const { orgId = '', programmeId = '' } = useParams();
  const overview = useOverview(programmeId);
  useTitle('Your blog');
  const enrolment = overview.data?.enrolment;
  const enrolmentId = enrolment && enrolment.status !== 'left' ? enrolment.id : undefined;
  const status = useBlogStatus(enrolmentId);
  const back = `/orgs/${orgId}/programmes/${programmeId}`;
  return (
    <section>
      <p>
        <Link to={back}>{overview.data?.title ?? 'The programme'}</Link>
      </p>
      <h1>Your blog</h1>
      {(overview.isPending || (enrolmentId && status.isPending)) && <p role="status">Loading…</p>}
      <FormError error={overview.error ?? status.error} />
      {overview.data && !enrolmentId && (
        <p className="notice neutral">
          You are not taking part in this programme, so there is no blog to read for it.{' '}
          <Link to={back}>Enrol on the programme page</Link>
        </p>
      )}
      {enrolmentId && status.data && (
        <YourBlog orgId={orgId} programmeId={programmeId} enrolmentId={enrolmentId} status={status.data} />
      )}
    </section>
  );
}

function YourBlog({
  orgId,
  programmeId,
  enrolmentId,
  status,
}: {
  orgId: string;
  programmeId: string;
  enrolmentId: string;
  status: BlogStatusView;
}) {
  const progress = useEnrolment(enrolmentId);
  const released = (progress.data?.things ?? []).filter((t) => t.released);
  const tag = status.tag || 'the programme’s name';
  return (
    <>
      <p className="lead">
        If you write about the programme on your own blog, register its feed here: we read it every hour and offer each
        post tagged <strong>{tag}</strong> as your reflection on the thing it names. You choose which posts to use, and
        a post you use counts just as a reflection written in Waymark does.
      </p>
      <FeedPanel enrolmentId={enrolmentId} status={status} />
      <BlogPosts
        enrolmentId={enrolmentId}
        status={status}
        released={released}
        thingUrl={(thingId) => `/orgs/${orgId}/programmes/${programmeId}/things/${thingId}`}
      />
    </>
  );
}

function FeedPanel({ enrolmentId, status }: { enrolmentId: string; status: BlogStatusView }) {
  const actions = useBlogActions(enrolmentId);
  const confirm = useRef<ConfirmHandle>(null);
  const feed = status.feed;
  const urlError = fieldError(actions.register.error, 'feedUrl');
  return (
    <section className="panel" aria-labelledby="feed-heading">
      <h2 id="feed-heading">{feed ? 'Your blog’s feed' : 'Register your blog'}</h2>
      {feed && (
        <dl className="blog-facts">
          <dt>Blog</dt>
          <dd>
            <BlogSiteLink feed={feed} />
          </dd>
          <dt>Last read</dt>
          <dd>{feed.lastReadAt ? formatDateTime(feed.lastReadAt) : 'Not yet'}</dd>
          <dt>Next read</dt>
          <dd>{formatDateTime(feed.nextReadAt)}</dd>
        </dl>
      )}
      {feed?.lastError && (
        <p className="notice">
          The last read{feed.lastErrorAt ? `, on ${formatDateTime(feed.lastErrorAt)},` : ''} failed: {feed.lastError}
        </p>
      )}
      {status.canChange && (
        <form
          // A new address from the server starts the field again from it.
          key={feed?.feedUrl ?? ''}
          aria-label="Your blog’s feed address"
          onSubmit={(e) => {
            e.preventDefault();
            const feedUrl = String(new FormData(e.currentTarget).get('feedUrl') ?? '');
            actions.register.mutate({ feedUrl });
          }}
        >
          <Field
            label="Feed address (RSS or Atom)"
            name="feedUrl"
            type="url"
            inputMode="url"
            autoComplete="url"
            required
            defaultValue={feed?.feedUrl ?? ''}
            hint="Most blogs have one: look for an RSS or feed link, or try your blog’s address followed by /feed."
            error={urlError}
          />
          {!urlError && <FormError error={actions.register.error ?? actions.remove.error} />}
          <div className="actions">
            <button type="submit" disabled={actions.register.isPending}>
              {actions.register.isPending ? 'Reading your blog…' : feed ? 'Change the address' : 'Register my blog'}
            </button>
            {feed && (
              <button type="button" className="secondary" onClick={() => confirm.current?.open()}>
                Stop reading my blog
              </button>
            )}
          </div>
        </form>
      )}
      <ConfirmDialog
        ref={confirm}
        title="Stop reading your blog?"
        confirmLabel="Stop reading it"
        danger
        onConfirm={() => actions.remove.mutate()}
      >
        We stop reading your blog for this programme. Posts you already used as reflections stay.
      </ConfirmDialog>
    </section>
  );
}
