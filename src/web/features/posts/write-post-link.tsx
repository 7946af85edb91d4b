import { Link, useParams } from 'react-router';
import type { PostDraft } from './post-composer';

/**
 * "Write a post" from something of the learner's (a log entry, reflection, evidence, check-in): opens the
 * feed's composer with its words, and the post keeps the link to it.
 */
export function WritePostLink({
  source,
  body,
  about,
}: {
  source: NonNullable<PostDraft['source']>;
  body: string;
  /** Names the item for screen readers ("the entry of 3 Feb 2027"). */
  about: string;
}) {
  const { orgId = '' } = useParams();
  const query = new URLSearchParams({ sourceKind: source.kind, sourceId: source.id, body });
  return (
    <Link className="link" to={`/orgs/${orgId}/feed?${query}`}>
      Write a post<span className="visually-hidden"> about {about}</span>
    </Link>
  );
}
