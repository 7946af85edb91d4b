import { useRef } from 'react';
import { ConfirmDialog, type ConfirmHandle } from '../../components/confirm-dialog';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { formatDateOf } from '../../lib/dates';
import { confirmDone } from '../../ui/toasts';
import { type IssuerView, useIssuer, useIssuerActions } from './issuer-api';

/**
 * The organisation as it is named on its credentials (name, address, image, colour) and the key that signs
 * them, with rotation: a new key signs from now on, the old one stays published so what it signed still verifies.
 */
export function IssuerPanel({ orgId }: { orgId: string }) {
  const issuer = useIssuer(orgId);
  // Held here, not in the form: the form is made anew for each version saved, and the answer must outlive it.
  const actions = useIssuerActions(orgId);
  return (
    <section className="panel" aria-labelledby="issuer-heading">
      <h2 id="issuer-heading">The organisation as issuer</h2>
      {issuer.isPending && <p role="status">Loading…</p>}
      <FormError error={issuer.error} />
      {issuer.data && <IssuerForm key={issuer.data.version} save={actions.save} issuer={issuer.data} />}
      {issuer.data && <SigningKey rotate={actions.rotate} issuer={issuer.data} />}
    </section>
  );
}

type Actions = ReturnType<typeof useIssuerActions>;

function IssuerForm({ save, issuer }: { save: Actions['save']; issuer: IssuerView }) {
  const error = (f: string) => fieldError(save.error, f);
  const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();
  return (
    <form
      aria-labelledby="issuer-profile-heading"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        save.mutate(
          {
            name: text(data, 'name'),
            url: text(data, 'url') || null,
            imageUrl: text(data, 'imageUrl') || null,
            colour: text(data, 'colour'),
            version: issuer.version,
          },
          { onSuccess: () => confirmDone('Saved. New credentials name the issuer this way.') },
        );
      }}
    >
      <h3 id="issuer-profile-heading">Profile</h3>
      <Field label="Issuer name" name="name" required defaultValue={issuer.name} error={error('name')} />
      <Field
        label="Web address (optional)"
        name="url"
        type="url"
        defaultValue={issuer.url ?? ''}
        error={error('url')}
      />
      <Field
        label="Image address (optional)"
        name="imageUrl"
        type="url"
        hint="An https address of the organisation’s logo."
        defaultValue={issuer.imageUrl ?? ''}
        error={error('imageUrl')}
      />
      <Field
        label="Colour of template badges"
        name="colour"
        type="color"
        defaultValue={issuer.colour}
        error={error('colour')}
      />
      <FormError error={save.error} />
      <button type="submit" disabled={save.isPending}>
        Save the issuer profile
      </button>
    </form>
  );
}

function SigningKey({ rotate, issuer }: { rotate: Actions['rotate']; issuer: IssuerView }) {
  const confirm = useRef<ConfirmHandle>(null);
  const active = issuer.keys.find((k) => k.active);
  const retired = issuer.keys.length - (active ? 1 : 0);
  return (
    <div>
      <h3>Signing key</h3>
      {active ? (
        <dl>
          <dt>Current key</dt>
          <dd>
            <code>{active.id}</code>
          </dd>
          <dt>Made</dt>
          <dd>{formatDateOf(active.createdAt)}</dd>
        </dl>
      ) : (
        <p className="hint">A key is made when the first badge is awarded.</p>
      )}
      {retired > 0 && (
        <p className="hint">
          {retired} earlier {retired === 1 ? 'key stays' : 'keys stay'} published: what they signed still verifies.
        </p>
      )}
      <FormError error={rotate.error} />
      <button type="button" className="secondary" disabled={rotate.isPending} onClick={() => confirm.current?.open()}>
        Rotate the signing key
      </button>
      <ConfirmDialog
        ref={confirm}
        title="Rotate the signing key?"
        confirmLabel="Rotate the key"
        onConfirm={() => rotate.mutate(undefined, { onSuccess: () => confirmDone('A new key signs from now on.') })}
      >
        A new key signs every credential from now on. Credentials issued before still verify: the old key stays
        published with the organisation’s identity.
      </ConfirmDialog>
    </div>
  );
}
