import { useId, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { ConfirmHandle } from '../../components/confirm-dialog';
import { CopyableAddress } from '../../components/copyable-address';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { ConnectionActions, JoinRules, joinRulesOf, RemoveDialog } from './connection-fields';
import { DomainsSection } from './domains-section';
import { SamlSection } from './saml-section';
import { type SsoSettingsView, useRemoveOidc, useSaveOidc, useSsoSettings, useTestIssuer } from './sso-api';
import './sso.css';
import { confirmDone } from '../../ui/toasts';

/*
 * An organisation's single sign-on, for its owners: one protocol, chosen here — the OpenID Connect provider (the
 * client secret is never shown again once saved) or SAML 2.0 (saml-section.tsx) — the role people join with,
 * "require SSO", and the mail domains it proves it holds.
 */

export function SsoPage() {
  const { orgId = '' } = useParams();
  useTitle('Single sign-on');
  const settings = useSsoSettings(orgId);
  return (
    <section>
      <h1>Single sign-on</h1>
      <p className="lead">
        Let people sign in with your organisation’s own sign-in service (Microsoft Entra ID, Okta, Google Workspace,
        Keycloak, ADFS…, by OpenID Connect or SAML 2.0). People with an address in a verified domain choose “Sign in
        with your organisation”; the first time, they join with the role you choose. Every change here is in the audit
        trail.
      </p>
      <FormError error={settings.error} />
      {settings.isPending && <p role="status">Loading…</p>}
      {settings.data && (
        <>
          <ProtocolChoice orgId={orgId} settings={settings.data} />
          <DomainsSection orgId={orgId} settings={settings.data} />
          <RecoveryNote />
        </>
      )}
    </section>
  );
}

/** One protocol at a time: the saved one, or the owner's choice while nothing is saved. */
function ProtocolChoice({ orgId, settings }: { orgId: string; settings: SsoSettingsView }) {
  const id = useId();
  const saved = settings.saml ? 'saml' : settings.oidc ? 'oidc' : null;
  const [chosen, setChosen] = useState<'oidc' | 'saml'>(saved ?? 'oidc');
  const protocol = saved ?? chosen;
  return (
    <>
      <fieldset className="sso-protocol">
        <legend>Protocol</legend>
        {saved && (
          <p className="hint" id={`${id}-hint`}>
            Remove the present set-up to change the protocol.
          </p>
        )}
        {(
          [
            ['oidc', 'OpenID Connect'],
            ['saml', 'SAML 2.0'],
          ] as const
        ).map(([value, label]) => (
          <label className="check" key={value}>
            <input
              type="radio"
              name={`${id}-protocol`}
              value={value}
              checked={protocol === value}
              disabled={saved !== null && saved !== value}
              aria-describedby={saved ? `${id}-hint` : undefined}
              onChange={() => setChosen(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {protocol === 'oidc' ? (
        <>
          <CopyableAddress
            label="Redirect (callback) URL"
            hint="Paste it into your provider as the application’s redirect URI."
            url={settings.callbackUrl}
            copy={{ text: 'Copy', name: 'Copy the redirect URL' }}
          />
          <CopyableAddress
            label="Post-logout redirect URI"
            hint="Register it too: signing out of Waymark signs people out of your provider, which sends them back here."
            url={new URL('/sign-in', settings.callbackUrl).href}
            copy={{ text: 'Copy', name: 'Copy the post-logout redirect URI' }}
          />
          <OidcForm orgId={orgId} settings={settings} />
        </>
      ) : (
        <SamlSection orgId={orgId} settings={settings} />
      )}
    </>
  );
}

function OidcForm({ orgId, settings }: { orgId: string; settings: SsoSettingsView }) {
  const id = useId();
  const saved = settings.oidc;
  const [issuer, setIssuer] = useState(saved?.issuer ?? '');
  // Write-only: emptied once saved, never filled from the server.
  const [secret, setSecret] = useState('');
  const save = useSaveOidc(orgId);
  const remove = useRemoveOidc(orgId);
  const confirm = useRef<ConfirmHandle>(null);
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>OpenID Connect provider</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          save.mutate(
            {
              issuer,
              clientId: String(data.get('clientId') ?? ''),
              clientSecret: secret,
              ...joinRulesOf(data),
            },
            {
              onSuccess: () => {
                setSecret('');
                confirmDone('Saved. People of your verified domains can sign in with your provider.');
              },
            },
          );
        }}
      >
        <FormError error={save.error && !fieldError(save.error, 'issuer') ? save.error : null} />
        <Field
          label="Issuer URL"
          name="issuer"
          type="url"
          value={issuer}
          onChange={(e) => setIssuer(e.target.value)}
          hint="Your provider’s issuer: where /.well-known/openid-configuration is found."
          error={fieldError(save.error, 'issuer')}
          required
        />
        <TestConnection orgId={orgId} issuer={issuer} />
        <Field
          label="Client id"
          name="clientId"
          defaultValue={saved?.clientId ?? ''}
          autoComplete="off"
          error={fieldError(save.error, 'clientId')}
          required
        />
        <Field
          label="Client secret"
          name="clientSecret"
          type="password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          autoComplete="new-password"
          hint={
            saved?.hasClientSecret
              ? 'Saved, and never shown again. Leave empty to keep it; type a new one to replace it.'
              : 'Kept encrypted, and never shown again once saved.'
          }
          error={fieldError(save.error, 'clientSecret')}
        />
        <JoinRules defaultRole={saved?.defaultRole ?? 'member'} requireSso={saved?.requireSso ?? false} />
        <ConnectionActions saving={save.isPending} saved={Boolean(saved)} confirm={confirm} />
        <FormError error={remove.error} />
      </form>
      <RemoveDialog dialog={confirm} onConfirm={() => remove.mutate(undefined)} />
    </section>
  );
}

/** "Test the connection": discovery at the issuer typed, what it found or why not. */
function TestConnection({ orgId, issuer }: { orgId: string; issuer: string }) {
  const test = useTestIssuer(orgId);
  const found = test.data;
  return (
    <div className="field">
      <button type="button" className="secondary" disabled={test.isPending} onClick={() => test.mutate(issuer)}>
        {test.isPending ? 'Testing…' : 'Test the connection'}
      </button>
      <div role="status">
        {found?.ok === true && (
          <>
            <p>The provider answered. It says:</p>
            <dl className="sso-found">
              <dt>Issuer</dt>
              <dd>{found.issuer}</dd>
              <dt>Sign-in page</dt>
              <dd>{found.authorizationEndpoint}</dd>
              <dt>Token endpoint</dt>
              <dd>{found.tokenEndpoint}</dd>
              <dt>PKCE</dt>
              <dd>{found.pkceMethods.includes('S256') ? 'S256 supported' : 'S256 not listed: sign-in may fail'}</dd>
              <dt>Scopes</dt>
              <dd>{found.scopes.join(', ') || 'not listed'}</dd>
            </dl>
          </>
        )}
        {found?.ok === false && <p className="alert">It did not work: {found.problem}</p>}
      </div>
      <FormError error={test.error} />
    </div>
  );
}

function RecoveryNote() {
  return (
    <section aria-labelledby="sso-recovery">
      <h2 id="sso-recovery">If your provider fails</h2>
      <p>
        Owners can always sign in with their Waymark password, even when single sign-on is required: that is the way
        back in if the provider is down or wrongly set up. Each such sign-in is recorded in the audit trail as a
        recovery sign-in. Keep a password on your owner account (“Forgot your password?” sets one).
      </p>
    </section>
  );
}
