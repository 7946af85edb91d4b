import { Link, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { formatDateOf, formatDateTime } from '../../lib/dates';
import { type BlogStatusView, useBlogStatus } from '../blog-feeds/blog-feeds-api';
import { BlogSiteLink } from '../blog-feeds/blog-site-link';
import '../blog-feeds/blog-feeds.css';

/*
 * What Waymark read from a participant's own blog, for the programme's organisers (reached from the progress
 * page): the feed's state in words, and each programme post found with its date and the thing it was offered or
 * used for. Read only: the blog is the participant's to change. The server answers 404 to anyone else.
 */

type Item = BlogStatusView['items'][number];

function thingWords(item: Item, status: BlogStatusView): string {
  const thing = status.things.find((t) => t.id === item.thingId);
  if (!thing) return 'Not matched to a thing: for the participant to pick.';
  const name = `Thing ${thing.number}: ${thing.title}`;
  return item.accepted ? `Used as the reflection on ${name}.` : `Offered for ${name}.`;
}

export function ParticipantBlogPage() {
  const { orgId = '', programmeId = '', enrolmentId = '' } = useParams();
  const status = useBlogStatus(enrolmentId);
  const who = status.data?.participantName;
  useTitle(who ? `${who}’s blog` : 'A participant’s blog');
  const feed = status.data?.feed;
  return (
    <section>
      <p>
        <Link to={`/orgs/${orgId}/programmes/manage/${programmeId}/progress`}>Back to the programme’s progress</Link>
      </p>
      <h1>{who ? `${who}’s blog` : 'A participant’s blog'}</h1>
      {status.isPending && <p role="status">Loading…</p>}
      <FormError error={status.error} />
      {status.data && !feed && <p>They have not registered a blog for this programme.</p>}
      {feed && (
        <dl className="blog-facts">
          <dt>Blog</dt>
          <dd>
            <BlogSiteLink feed={feed} />
          </dd>
          <dt>Feed</dt>
          <dd>{feed.feedUrl}</dd>
          <dt>Last read</dt>
          <dd>{feed.lastReadAt ? formatDateTime(feed.lastReadAt) : 'Not yet'}</dd>
          <dt>Last error</dt>
          <dd>
            {feed.lastError
              ? `${feed.lastErrorAt ? `${formatDateTime(feed.lastErrorAt)}: ` : ''}${feed.lastError}`
              : 'None: the last read worked.'}
          </dd>
        </dl>
      )}
      {status.data && feed && (
        <>
          <h2>Programme posts found</h2>
          {status.data.items.length === 0 ? (
            <p className="hint">No post tagged {status.data.tag || 'for the programme'} yet.</p>
          ) : (
            <ul className="blog-posts">
              {status.data.items.map((item) => (
                <li key={item.id} className="panel">
                  <h3>
                    {item.link ? (
                      <a href={item.link} rel="noopener noreferrer" target="_blank">
                        {item.title || item.link}
                      </a>
                    ) : (
                      item.title || 'Untitled post'
                    )}
                  </h3>
                  <p className="muted">{item.publishedAt ? formatDateOf(item.publishedAt) : 'No date given'}</p>
                  <p>{thingWords(item, status.data)}</p>
                  {item.summary && <p>{item.summary}</p>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
