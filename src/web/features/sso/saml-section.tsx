import { useId, useRef, useState } from 'react';
import type { ConfirmHandle } from '../../components/confirm-dialog';
import { CopyableAddress } from '../../components/copyable-address';
import { Field } from '../../components/field';
import { FormError, Notice } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { formatDateOf } from '../../lib/dates';
import { ConnectionActions, JoinRules, joinRulesOf, RemoveDialog } from './connection-fields';
import {
  type SamlMetadataView,
  type SsoSettingsView,
  useReadSamlMetadata,
  useRemoveSaml,
  useSaveSaml,
} from './sso-api';

/*
 * SAML 2.0 for owners: the identity provider's metadata by URL, or pasted or uploaded as XML; what Waymark read
 * from it (entity id, sign-in address, certificates); once saved, what to give the provider (our entity id, ACS
 * URL, metadata URL), each with a copy button.
 */

export function SamlSection({ orgId, settings }: { orgId: string; settings: SsoSettingsView }) {
  const id = useId();
  const saved = settings.saml;
  const [source, setSource] = useState<'url' | 'xml'>(saved && !saved.metadataUrl ? 'xml' : 'url');
  const [url, setUrl] = useState(saved?.metadataUrl ?? '');
  const [xml, setXml] = useState('');
  const read = useReadSamlMetadata(orgId);
  const save = useSaveSaml(orgId);
  const remove = useRemoveSaml(orgId);
  const confirm = useRef<ConfirmHandle>(null);
  const body = () => (source === 'url' ? { metadataUrl: url } : { metadataXml: xml });
  const error = save.error ?? read.error;
  const xmlError = fieldError(error, 'metadataXml');
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>SAML 2.0 identity provider</h2>
      {saved && <ServiceProvider sp={saved.serviceProvider} />}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ ...body(), ...joinRulesOf(new FormData(e.currentTarget)) });
        }}
      >
        <FormError error={error && !fieldError(error, 'metadataUrl') && !xmlError ? error : null} />
        <fieldset>
          <legend>The provider’s metadata</legend>
          <label className="check">
            <input type="radio" name="source" checked={source === 'url'} onChange={() => setSource('url')} />
            From its URL
          </label>
          <label className="check">
            <input type="radio" name="source" checked={source === 'xml'} onChange={() => setSource('xml')} />
            Paste or upload the XML
          </label>
        </fieldset>
        {source === 'url' ? (
          <Field
            label="Metadata URL"
            name="metadataUrl"
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            hint="Your provider’s federation metadata address (https). Waymark reads it again each time you save."
            error={fieldError(error, 'metadataUrl')}
            required
          />
        ) : (
          <div className="field">
            <label htmlFor={`${id}-xml`}>Metadata XML</label>
            <p className="hint" id={`${id}-xml-hint`}>
              Paste the XML, or choose the file your provider gave you.
            </p>
            <textarea
              id={`${id}-xml`}
              rows={6}
              value={xml}
              onChange={(e) => setXml(e.target.value)}
              aria-invalid={xmlError ? true : undefined}
              aria-describedby={[`${id}-xml-hint`, xmlError && `${id}-xml-error`].filter(Boolean).join(' ')}
            />
            {xmlError && (
              <p className="field-error" id={`${id}-xml-error`}>
                {xmlError}
              </p>
            )}
            <label htmlFor={`${id}-file`}>Metadata file</label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".xml,application/xml,text/xml,application/samlmetadata+xml"
              onChange={async (e) => setXml((await e.target.files?.[0]?.text()) ?? '')}
            />
          </div>
        )}
        <div className="field">
          <button type="button" className="secondary" disabled={read.isPending} onClick={() => read.mutate(body())}>
            {read.isPending ? 'Reading…' : 'Read the metadata'}
          </button>
          <div role="status">{read.data && <MetadataRead heading="Waymark read:" found={read.data} />}</div>
        </div>
        <JoinRules defaultRole={saved?.defaultRole ?? 'member'} requireSso={saved?.requireSso ?? false} />
        <ConnectionActions saving={save.isPending} saved={Boolean(saved)} confirm={confirm} />
        {save.isSuccess && (
          <Notice>
            Saved. Give your provider the addresses above; then people of your verified domains can sign in.
          </Notice>
        )}
        <FormError error={remove.error} />
      </form>
      {saved && <MetadataRead heading="In use:" found={saved} />}
      <RemoveDialog dialog={confirm} onConfirm={() => remove.mutate(undefined)} />
    </section>
  );
}

function MetadataRead({ heading, found }: { heading: string; found: SamlMetadataView }) {
  return (
    <>
      <p>{heading}</p>
      <dl className="sso-found">
        <dt>Provider (entity id)</dt>
        <dd>{found.entityId}</dd>
        <dt>Sign-in address ({found.ssoBinding === 'post' ? 'HTTP-POST' : 'HTTP-Redirect'})</dt>
        <dd>{found.ssoUrl}</dd>
        {found.certificates.map((c) => (
          <div key={c.fingerprint}>
            <dt>Signing certificate</dt>
            <dd>
              {c.subject}, valid until {formatDateOf(c.notAfter)}; SHA-256 {c.fingerprint}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function ServiceProvider({ sp }: { sp: NonNullable<SsoSettingsView['saml']>['serviceProvider'] }) {
  return (
    <section aria-label="What to give your provider">
      <p>Give your provider these (or just the metadata URL, which holds them all):</p>
      <CopyableAddress
        label="Metadata URL (Waymark)"
        hint="Many providers read everything from it."
        url={sp.metadataUrl}
        copy={{ text: 'Copy', name: 'Copy the metadata URL' }}
      />
      <CopyableAddress
        label="Entity id (audience)"
        hint="Also called the identifier or audience URI."
        url={sp.entityId}
        copy={{ text: 'Copy', name: 'Copy the entity id' }}
      />
      <CopyableAddress
        label="Assertion consumer service (ACS) URL"
        hint="Also called the reply URL or single sign-on URL; HTTP-POST binding."
        url={sp.acsUrl}
        copy={{ text: 'Copy', name: 'Copy the ACS URL' }}
      />
      <p>
        NameID format: <code>{sp.nameIdFormat}</code>, or release the e-mail as an attribute (email, mail or the
        emailaddress claim). Assertions must be signed.
      </p>
    </section>
  );
}
