import { useNavigate } from 'react-router';

/** The search box in the header: opens the search page with what was typed. */
export function HeaderSearch({ orgId }: { orgId: string }) {
  const navigate = useNavigate();
  return (
    <form
      role="search"
      aria-label="Search Waymark"
      className="header-search"
      onSubmit={(e) => {
        e.preventDefault();
        const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
        if (q) navigate(`/orgs/${orgId}/search?${new URLSearchParams({ q })}`);
      }}
    >
      <label htmlFor="header-search" className="visually-hidden">
        Search Waymark
      </label>
      <input id="header-search" name="q" type="search" placeholder="Search" />
    </form>
  );
}
