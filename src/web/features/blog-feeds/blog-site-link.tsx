import type { BlogStatusView } from './blog-feeds-api';

/** A registered blog as people know it: its title linked to its page, else its title or feed address. */
export function BlogSiteLink({ feed }: { feed: NonNullable<BlogStatusView['feed']> }) {
  if (!feed.siteUrl) return <>{feed.title || feed.feedUrl}</>;
  return (
    <a href={feed.siteUrl} rel="noopener noreferrer" target="_blank">
      {feed.title || feed.siteUrl}
    </a>
  );
}
