import { useState } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { formatDateOf } from '../../lib/dates';
import type { EnrolmentView } from '../programme-learning/programme-learning-api';
import { type BlogStatusView, useBlogActions } from './blog-feeds-api';

type Item = BlogStatusView['items'][number];
type ReleasedThing = EnrolmentView['things'][number];

/** The programme posts found on the participant's blog, each offered (or used) as a reflection on a thing. */
export function BlogPosts({
  enrolmentId,
  status,
  released,
  thingUrl,
}: {
  enrolmentId: string;
  status: BlogStatusView;
  released: ReleasedThing[];
  thingUrl: (thingId: string) => string;
}) {
  const thingName = (thingId: string | null) => {
    const t = status.things.find((x) => x.id === thingId);
    return t ? `Thing ${t.number}` : undefined;
  };
  return (
    <section aria-labelledby="posts-heading">
      <h2 id="posts-heading">Posts found</h2>
      {status.items.length === 0 ? (
        <p className="hint">
          {status.feed
            ? `No post tagged ${status.tag || 'for the programme'} yet. New posts show here within the hour.`
            : 'Register your blog to see its programme posts here.'}
        </p>
      ) : (
        <ul className="blog-posts">
          {status.items.map((item) => (
            <li key={item.id}>
              <BlogPost
                enrolmentId={enrolmentId}
                item={item}
                canChange={status.canChange}
                released={released}
                thingName={thingName}
                thingUrl={thingUrl}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function BlogPost({
  enrolmentId,
  item,
  canChange,
  released,
  thingName,
  thingUrl,
}: {
  enrolmentId: string;
  item: Item;
  canChange: boolean;
  released: ReleasedThing[];
  thingName: (thingId: string | null) => string | undefined;
  thingUrl: (thingId: string) => string;
}) {
  const actions = useBlogActions(enrolmentId);
  const offered = released.some((t) => t.id === item.thingId) ? item.thingId : null;
  // The released things arrive with the participant's progress, maybe after this post: until they pick, the
  // choice follows the thing the post was offered for (or the first one out).
  const [picked, setThingId] = useState('');
  const thingId = picked || offered || released[0]?.id || '';
  const title = item.title || item.link || 'Untitled post';
  const headingId = `post-${item.id}`;
  const used = item.accepted && item.thingId ? thingName(item.thingId) : undefined;
  return (
    <article className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {item.link ? (
          <a href={item.link} rel="noopener noreferrer" target="_blank">
            {title}
          </a>
        ) : (
          title
        )}
      </h3>
      {item.publishedAt && <p className="hint">Posted on {formatDateOf(item.publishedAt)}</p>}
      {item.summary && <p>{item.summary.length > 280 ? `${item.summary.slice(0, 279)}…` : item.summary}</p>}
      {used && item.thingId ? (
        <p className="notice on-track">
          Used for <Link to={thingUrl(item.thingId)}>{used}</Link>
        </p>
      ) : (
        <>
          <p className="hint">
            {item.thingId ? `Offered for ${thingName(item.thingId)}.` : 'It names no thing: pick the one it is about.'}
          </p>
          {canChange &&
            (released.length === 0 ? (
              <p className="hint">No thing is out yet: come back when the first one is.</p>
            ) : (
              <form
                aria-label={`Use “${title}” as a reflection`}
                onSubmit={(e) => {
                  e.preventDefault();
                  actions.accept.mutate({ itemId: item.id, thingId });
                }}
              >
                <div className="field">
                  <label htmlFor={`${headingId}-thing`}>The thing it reflects on</label>
                  <select
                    id={`${headingId}-thing`}
                    value={thingId}
                    aria-invalid={fieldError(actions.accept.error, 'thingId') ? true : undefined}
                    onChange={(e) => setThingId(e.currentTarget.value)}
                  >
                    {released.map((t) => (
                      <option key={t.id} value={t.id}>
                        Thing {t.number}: {t.title}
                      </option>
                    ))}
                  </select>
                  {fieldError(actions.accept.error, 'thingId') && (
                    <p className="field-error">{fieldError(actions.accept.error, 'thingId')}</p>
                  )}
                </div>
                {!fieldError(actions.accept.error, 'thingId') && <FormError error={actions.accept.error} />}
                <button type="submit" disabled={actions.accept.isPending || !thingId}>
                  Use as my reflection for {thingName(thingId) ?? 'this thing'}
                </button>
              </form>
            ))}
        </>
      )}
    </article>
  );
}
