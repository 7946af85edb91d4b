import { Link, useParams, useSearchParams } from 'react-router';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { useSearch } from './search-api';

/** One search box across posts, your goals and resources, mentors and communities. */
export function SearchPage() {
  const { orgId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  useTitle(q ? `Search: ${q}` : 'Search');
  const results = useSearch(orgId, q);
  return (
    <section>
      <h1>Search</h1>
      <form
        role="search"
        aria-label="Search this organisation"
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ q: String(new FormData(e.currentTarget).get('q') ?? '') });
        }}
      >
        <Field
          label="Search posts, your goals, mentors and communities"
          name="q"
          type="search"
          defaultValue={q}
          key={q}
          minLength={2}
          required
        />
        <button type="submit">Search</button>
      </form>
      {results.isFetching && <p role="status">Searching…</p>}
      <FormError error={results.error} />
      {results.data && (
        <>
          <p role="status">
            {results.data.results.length === 0
              ? `Nothing found for “${q}”.`
              : `${results.data.results.length} found for “${q}”.`}
          </p>
          <ol className="search-results">
            {results.data.results.map((r) => (
              <li key={`${r.kind}:${r.id}`}>
                <p className="hint">{r.label}</p>
                <h2>
                  {/* Escaped by the server, with only <mark> added around the matches. */}
                  {/* biome-ignore lint/security/noDangerouslySetInnerHtml: escaped server-side; only <mark> added */}
                  <Link to={r.url} dangerouslySetInnerHTML={{ __html: r.titleHtml }} />
                </h2>
                {/* biome-ignore lint/security/noDangerouslySetInnerHtml: escaped server-side; only <mark> added */}
                {r.snippetHtml && <p dangerouslySetInnerHTML={{ __html: r.snippetHtml }} />}
              </li>
            ))}
          </ol>
        </>
      )}
      <p className="hint">
        Posts you may see, your own goals and network, people who offer mentoring and communities. Spelling need not be
        exact. <Link to={`/orgs/${orgId}/feed`}>Back to the feed</Link>
      </p>
    </section>
  );
}
