import { useState } from 'react';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { today } from '../../lib/dates';
import { DateField } from '../../ui/date-field';
import {
  type CreatedPortfolioLink,
  dateOf,
  endOfLocalDay,
  moment,
  type PortfolioLinkView,
  useLinkBadges,
  useMakeLink,
  useMyLinks,
  useRevokeLink,
} from './portfolio-api';

const statusLabel: Record<PortfolioLinkView['status'], string> = {
  active: 'Works',
  expired: 'Expired',
  revoked: 'Revoked',
};

/** The learner's secret links: make one (shown once, with Copy), see who opens them, revoke them. */
export function ShareLinks({ orgId }: { orgId: string }) {
  const links = useMyLinks(orgId);
  const [created, setCreated] = useState<CreatedPortfolioLink | null>(null);
  const [copied, setCopied] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const make = useMakeLink(orgId, (link) => {
    setCreated(link);
    setCopied(false);
    setFormKey((k) => k + 1);
  });
  const revoke = useRevokeLink(orgId);
  const badges = useLinkBadges(orgId);
  const list = links.data?.links ?? [];
  return (
    <section className="panel no-print" aria-labelledby="share-heading">
      <h2 id="share-heading">Share by secret link</h2>
      <p>
        Anyone who has a secret link sees this portfolio without signing in: your name, your achieved goals and their
        evidence, nothing else. Until you make a link, your portfolio stays private. Make one link for each person or
        purpose, so you can revoke one without the others.
      </p>
      <form
        key={formKey}
        className="inline-form"
        aria-label="Make a secret link"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const until = String(data.get('expiresOn') ?? '');
          make.mutate({
            label: String(data.get('label') ?? ''),
            expiresAt: until ? endOfLocalDay(until) : null,
            showBadges: data.get('showBadges') === 'on',
          });
        }}
      >
        <FormError error={make.error} />
        <Field
          label="Label (optional)"
          name="label"
          maxLength={100}
          hint="Who or what the link is for. Only you see it."
          error={fieldError(make.error, 'label')}
        />
        <DateField
          label="Works until (optional)"
          name="expiresOn"
          min={today()}
          hint="The end of this day. Leave empty to keep it until you revoke it."
          error={fieldError(make.error, 'expiresAt')}
        />
        <label className="checkbox">
          <input type="checkbox" name="showBadges" /> Show my badges on the shared link
        </label>
        <button type="submit" disabled={make.isPending}>
          Make a link
        </button>
      </form>
      {created && (
        <div className="notice" role="status">
          <p>Your new link{created.label && ` “${created.label}”`}. Copy it now: it is shown only this once.</p>
          <p className="row">
            <code className="link-box" aria-label="The new secret link">
              {created.url}
            </code>
            <button
              type="button"
              className="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(created.url).catch(() => {});
                setCopied(true);
              }}
            >
              {copied ? 'Copied' : 'Copy link'}
            </button>
          </p>
        </div>
      )}
      <h3>Your links</h3>
      <FormError error={links.error ?? revoke.error} />
      {links.isPending && <p role="status">Loading…</p>}
      {links.isSuccess && list.length === 0 && <p>No links yet: your portfolio is private.</p>}
      {list.length > 0 && (
        <table className="portfolio-links">
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Made</th>
              <th scope="col">Works until</th>
              <th scope="col">Last opened</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((l) => {
              const name = l.label || `made ${moment(l.createdAt)}`;
              return (
                <tr key={l.id}>
                  <td>
                    {l.label || <span className="hint">No label</span>}
                    {l.status === 'active' ? (
                      <label className="checkbox">
                        <input
                          type="checkbox"
                          checked={l.showBadges}
                          disabled={badges.isPending}
                          onChange={(e) => badges.mutate({ linkId: l.id, showBadges: e.target.checked })}
                        />{' '}
                        Shows your badges<span className="visually-hidden"> on the link {name}</span>
                      </label>
                    ) : (
                      l.showBadges && <span className="hint"> · shows your badges</span>
                    )}
                  </td>
                  <td>{moment(l.createdAt)}</td>
                  <td>{l.expiresAt ? lastDay(l.expiresAt) : 'No end date'}</td>
                  <td>{l.lastOpenedAt ? moment(l.lastOpenedAt) : 'Not yet'}</td>
                  <td>
                    {statusLabel[l.status]}
                    {l.revokedAt && ` ${dateOf(l.revokedAt)}`}
                  </td>
                  <td>
                    {l.status === 'active' && (
                      <button
                        type="button"
                        className="link danger"
                        disabled={revoke.isPending}
                        onClick={() =>
                          window.confirm(
                            `Revoke the link “${name}”? Whoever has it will no longer see your portfolio. This cannot be undone.`,
                          ) && revoke.mutate(l.id)
                        }
                      >
                        Revoke<span className="visually-hidden"> the link {name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The last day a link works, as chosen: the day before the moment it stops (which is a midnight). */
function lastDay(expiresAt: string) {
  const stops = new Date(expiresAt);
  const atMidnight = stops.getHours() === 0 && stops.getMinutes() === 0 && stops.getSeconds() === 0;
  return atMidnight ? dateOf(new Date(stops.getTime() - 1).toISOString()) : moment(expiresAt);
}
