import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Field } from '../../components/field';
import { FormError, Notice } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { formatDateOf } from '../../lib/dates';
import {
  type DomainView,
  type SsoSettingsView,
  useClaimDomain,
  useMailDomain,
  useRemoveDomain,
  useVerifyDomain,
} from './sso-api';

/** The link in a domain's confirmation mail lands on this page with the domain and its proof. */
function useConfirmFromMail() {
  const [params] = useSearchParams();
  return { domainId: params.get('domain'), token: params.get('confirm') };
}

/** The organisation's mail domains: claim, the TXT record to publish, Verify, and (development) confirm by mail. */
export function DomainsSection({ orgId, settings }: { orgId: string; settings: SsoSettingsView }) {
  const id = useId();
  const [domain, setDomain] = useState('');
  const claim = useClaimDomain(orgId);
  const fromMail = useConfirmFromMail();
  const mailed = settings.domains.find((d) => d.id === fromMail.domainId && !d.verifiedAt);
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Domains</h2>
      <p>
        Single sign-on is for addresses in domains your organisation has verified: publish the TXT record shown in your
        DNS, then press Verify. A domain can be verified by one organisation only.
      </p>
      {mailed && fromMail.token && <ConfirmFromMail orgId={orgId} domain={mailed} token={fromMail.token} />}
      {settings.domains.length > 0 && (
        <ul className="sso-domains">
          {settings.domains.map((d) => (
            <DomainItem key={d.id} orgId={orgId} domain={d} mailConfirmation={settings.mailConfirmation} />
          ))}
        </ul>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          claim.mutate(domain, { onSuccess: () => setDomain('') });
        }}
      >
        <Field
          label="Domain to claim"
          name="domain"
          value={domain}
          onChange={(e) => setDomain(e.target.value)}
          hint="The part after the @ of your people’s work addresses, e.g. example.com."
          error={fieldError(claim.error, 'domain')}
        />
        <FormError error={claim.error && !fieldError(claim.error, 'domain') ? claim.error : null} />
        <div className="actions">
          <button type="submit" disabled={claim.isPending}>
            Claim the domain
          </button>
        </div>
      </form>
    </section>
  );
}

function DomainItem({
  orgId,
  domain,
  mailConfirmation,
}: {
  orgId: string;
  domain: DomainView;
  mailConfirmation: boolean;
}) {
  const verify = useVerifyDomain(orgId);
  const mail = useMailDomain(orgId);
  const remove = useRemoveDomain(orgId);
  return (
    <li className="panel">
      <h3>{domain.domain}</h3>
      {domain.verifiedAt ? (
        <p>Verified on {formatDateOf(domain.verifiedAt)}.</p>
      ) : (
        <>
          <p>Not verified yet. Add this TXT record at your DNS provider, then press Verify:</p>
          <dl>
            <dt>Name</dt>
            <dd>
              <code>{domain.txtName}</code>
            </dd>
            <dt>Value</dt>
            <dd>
              <code>{domain.txtValue}</code>
            </dd>
          </dl>
        </>
      )}
      {fieldError(verify.error, 'domain') && (
        <p className="alert" role="alert">
          {fieldError(verify.error, 'domain')}
        </p>
      )}
      <FormError error={verify.error && !fieldError(verify.error, 'domain') ? verify.error : null} />
      <FormError error={mail.error ?? remove.error} />
      {mail.data && <Notice>{mail.data.message}</Notice>}
      <div className="actions">
        {!domain.verifiedAt && (
          <button type="button" disabled={verify.isPending} onClick={() => verify.mutate({ domainId: domain.id })}>
            {verify.isPending ? 'Verifying…' : `Verify ${domain.domain}`}
          </button>
        )}
        {!domain.verifiedAt && mailConfirmation && (
          <button type="button" className="secondary" onClick={() => mail.mutate(domain.id)}>
            Confirm {domain.domain} by e-mail (development)
          </button>
        )}
        <button type="button" className="secondary" onClick={() => remove.mutate(domain.id)}>
          Remove {domain.domain}
        </button>
      </div>
    </li>
  );
}

function ConfirmFromMail({ orgId, domain, token }: { orgId: string; domain: DomainView; token: string }) {
  const verify = useVerifyDomain(orgId);
  return (
    <div className="notice">
      <p>You opened the confirmation link for {domain.domain}.</p>
      <FormError error={verify.error} />
      <button type="button" onClick={() => verify.mutate({ domainId: domain.id, mailToken: token })}>
        Confirm {domain.domain}
      </button>
    </div>
  );
}
