import { useNavigate, useParams } from 'react-router';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { confirmDone } from '../../ui/toasts';
import { useMe, useRename } from '../me/me-api';
import { useMember } from '../members/members-api';
import { useOrg } from '../orgs/orgs-api';
import { useLeaveOrganisation, useSaveProfile } from './profile-api';

/** An empty box means "I did not say"; anything else goes to the server as written, so it can name a bad value. */
function capacityFrom(value: FormDataEntryValue | null): number {
  const text = String(value ?? '').trim();
  return text === '' ? 0 : Number(text);
}

export function ProfilePage() {
  const { orgId = '' } = useParams();
  useTitle('Your profile');
  const me = useMe().data;
  const org = useOrg(orgId);
  const memberId = org.data?.yourMemberId;
  const member = useMember(orgId, memberId);
  const navigate = useNavigate();
  const nameGuard = useLeaveGuard();
  const profileGuard = useLeaveGuard();
  const rename = useRename(() => {
    nameGuard.sent();
    confirmDone('Your name is saved.');
  });
  const save = useSaveProfile(orgId, member.data, () => {
    profileGuard.sent();
    confirmDone('Your profile is saved.');
  });
  const leave = useLeaveOrganisation(orgId, memberId, () => navigate('/'));
  if (!me || !member.data) return <p role="status">Loading…</p>;
  const m = member.data;
  return (
    <section className="narrow">
      <h1>Your profile</h1>
      <form
        noValidate
        {...nameGuard.formProps}
        onSubmit={(e) => {
          e.preventDefault();
          rename.mutate(String(new FormData(e.currentTarget).get('name') ?? ''));
        }}
      >
        <h2>Your name</h2>
        <FormError error={rename.error} />
        <Field
          label="Name"
          name="name"
          defaultValue={me.user.name}
          autoComplete="name"
          error={fieldError(rename.error, 'name')}
        />
        <button type="submit">Save name</button>
        {nameGuard.question}
      </form>
      <form
        key={m.version}
        noValidate
        {...profileGuard.formProps}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          save.mutate({
            title: String(data.get('title') ?? '').trim() || null,
            offersMentoring: data.get('offersMentoring') === 'on',
            mentoringTopics: String(data.get('topics') ?? '')
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean),
            mentoringCapacity: capacityFrom(data.get('capacity')),
            mentoringAbout: String(data.get('about') ?? '').trim(),
            peerMatching: data.get('peerMatching') === 'on',
          });
        }}
      >
        <h2>In {org.data?.name}</h2>
        <FormError error={save.error} />
        <Field label="Job title" name="title" defaultValue={m.title ?? ''} error={fieldError(save.error, 'title')} />
        <div className="check">
          <input id="offers" name="offersMentoring" type="checkbox" defaultChecked={m.offersMentoring} />
          <label htmlFor="offers">I offer mentoring</label>
        </div>
        <Field
          label="Topics I can help with"
          name="topics"
          hint="Separate topics with commas, for example: cataloguing, data literacy."
          defaultValue={m.mentoringTopics.join(', ')}
          error={
            Object.entries(
              save.error && 'fields' in save.error ? (save.error.fields as Record<string, string>) : {},
            ).find(([k]) => k.startsWith('mentoringTopics'))?.[1]
          }
        />
        <Field
          label="How many mentees can you take at once?"
          name="capacity"
          type="number"
          inputMode="numeric"
          min={0}
          max={50}
          hint="Leave empty if you would rather not say."
          defaultValue={m.mentoringCapacity > 0 ? String(m.mentoringCapacity) : ''}
          error={fieldError(save.error, 'mentoringCapacity')}
        />
        <div className="field">
          <label htmlFor="about">About your mentoring</label>
          <p className="hint" id="about-hint">
            What you can help with and how you like to work. Colleagues looking for a mentor see this.
          </p>
          <textarea
            id="about"
            name="about"
            rows={4}
            maxLength={2000}
            defaultValue={m.mentoringAbout}
            aria-describedby={fieldError(save.error, 'mentoringAbout') ? 'about-hint about-error' : 'about-hint'}
            aria-invalid={fieldError(save.error, 'mentoringAbout') ? true : undefined}
          />
          {fieldError(save.error, 'mentoringAbout') && (
            <p className="field-error" id="about-error">
              {fieldError(save.error, 'mentoringAbout')}
            </p>
          )}
        </div>
        <div className="check">
          <input
            id="peers"
            name="peerMatching"
            type="checkbox"
            defaultChecked={m.peerMatching}
            aria-describedby="peers-hint"
          />
          <label htmlFor="peers">Suggest me as a learning peer to colleagues learning the same topics</label>
        </div>
        <p className="hint" id="peers-hint">
          They see only your name and the topic you share, never your plan.
        </p>
        <button type="submit" disabled={save.isPending}>
          Save profile
        </button>
        {profileGuard.question}
      </form>
      <h2>Leave {org.data?.name}</h2>
      <p>You lose access to this organisation. Your account stays.</p>
      <FormError error={leave.error} />
      <button type="button" className="danger" onClick={() => leave.mutate()}>
        Leave organisation
      </button>
    </section>
  );
}
