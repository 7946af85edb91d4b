import { Search } from 'lucide-react';
import { useId } from 'react';
import { useNavigate } from 'react-router';

/** The search box of the app's bar (the phone's menu on phones): opens the search page with what was typed. */
export function HeaderSearch({ orgId, onSearch }: { orgId: string; onSearch?: () => void }) {
  const navigate = useNavigate();
  const id = useId();
  return (
    <form
      role="search"
      aria-label="Search Waymark"
      className="header-search"
      onSubmit={(e) => {
        e.preventDefault();
        const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
        if (!q) return;
        navigate(`/orgs/${orgId}/search?${new URLSearchParams({ q })}`);
        onSearch?.();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Search Waymark
      </label>
      <Search size={18} className="search-icon" />
      <input id={id} name="q" type="search" placeholder="Search" />
    </form>
  );
}
