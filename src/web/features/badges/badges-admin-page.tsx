import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { formatDateOf } from '../../lib/dates';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { useAllMembers } from '../members/members-api';
import { TextArea } from '../plans/plan-fields';
import {
  type AchievementView,
  type AwardView,
  useAchievement,
  useAchievements,
  useAwardActions,
  useCreateAchievement,
} from './badges-api';
import { IssuerPanel } from './issuer-panel';

/** Reads a chosen file as a data: URL, the form the API takes an achievement's image in. */
const readAsDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/**
 * Badges, for L&D admins and owners: the organisation's achievements, defining a new one, and for the one chosen,
 * awarding it to members with a reason and revoking what was awarded.
 */
export function BadgesAdminPage() {
  const { orgId = '' } = useParams();
  useTitle('Badges');
  const achievements = useAchievements(orgId);
  const [chosen, setChosen] = useState<string>();
  const list = achievements.data?.achievements ?? [];
  return (
    <section>
      <h1>Badges</h1>
      <p className="lead">
        Achievements the organisation recognises. Each award is an Open Badges 3.0 credential signed by the
        organisation, which anyone can verify.
      </p>
      {achievements.isPending && <p role="status">Loading achievements…</p>}
      <FormError error={achievements.error} />
      {achievements.isSuccess && list.length === 0 && <p className="hint">No achievements yet: define the first.</p>}
      <ul className="cards">
        {list.map((a) => (
          <li key={a.id}>
            <AchievementCard achievement={a} chosen={chosen === a.id} onChoose={() => setChosen(a.id)} />
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/orgs/${orgId}/recognition`}>Requests for recognition waiting for an answer</Link>
      </p>
      {chosen && <AchievementAwards orgId={orgId} achievementId={chosen} />}
      <NewAchievementForm orgId={orgId} />
      <IssuerPanel orgId={orgId} />
    </section>
  );
}

function AchievementCard({
  achievement: a,
  chosen,
  onChoose,
}: {
  achievement: AchievementView;
  chosen: boolean;
  onChoose: () => void;
}) {
  return (
    <article className="card" aria-label={a.name}>
      <img src={a.image} alt="" width={64} height={64} />
      <h2>{a.name}</h2>
      <p>{a.description}</p>
      <p className="hint">
        Awarded {a.awarded} {a.awarded === 1 ? 'time' : 'times'}
        {a.expiryDays ? ` · expires ${a.expiryDays} days after it is awarded` : ''}
        {a.tags.length > 0 ? ` · ${a.tags.join(', ')}` : ''}
        {a.openToRequests ? ' · open to requests' : ''}
      </p>
      <button type="button" className={chosen ? 'secondary' : ''} aria-pressed={chosen} onClick={onChoose}>
        Award and revoke<span className="visually-hidden"> {a.name}</span>
      </button>
    </article>
  );
}

function AchievementAwards({ orgId, achievementId }: { orgId: string; achievementId: string }) {
  const detail = useAchievement(achievementId);
  const name = detail.data?.achievement.name ?? '';
  return (
    <section className="panel" aria-labelledby="awards-heading">
      <h2 id="awards-heading">{name ? `Awarded: ${name}` : 'Awarded'}</h2>
      {detail.isPending && <p role="status">Loading…</p>}
      <FormError error={detail.error} />
      {detail.data && (
        <>
          <AwardForm orgId={orgId} achievementId={achievementId} awards={detail.data.awards} />
          {detail.data.awards.length === 0 ? (
            <p className="hint">Not awarded yet.</p>
          ) : (
            <ul className="plain-list">
              {detail.data.awards.map((award) => (
                <li key={award.id}>
                  <AwardRow orgId={orgId} achievementId={achievementId} award={award} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function AwardRow({ orgId, achievementId, award }: { orgId: string; achievementId: string; award: AwardView }) {
  const { revoke } = useAwardActions(orgId, achievementId);
  const [reason, setReason] = useState('');
  return (
    <div>
      <p>
        <strong>{award.recipientName}</strong> · {formatDateOf(award.issuedAt)} · {award.reason}{' '}
        <a href={award.verificationUrl}>
          Verification page<span className="visually-hidden"> of {award.recipientName}’s badge</span>
        </a>
      </p>
      {award.revokedAt ? (
        <p className="notice">
          Revoked {formatDateOf(award.revokedAt)}: {award.revokedReason}
        </p>
      ) : (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            revoke.mutate({ awardId: award.id, reason });
          }}
        >
          <Field
            label={`Reason to revoke ${award.recipientName}’s badge`}
            name="reason"
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
            error={fieldError(revoke.error, 'reason')}
          />
          <button type="submit" className="secondary" disabled={revoke.isPending}>
            Revoke<span className="visually-hidden"> {award.recipientName}’s badge</span>
          </button>
        </form>
      )}
    </div>
  );
}

function AwardForm({ orgId, achievementId, awards }: { orgId: string; achievementId: string; awards: AwardView[] }) {
  const members = useAllMembers(orgId);
  const { award } = useAwardActions(orgId, achievementId);
  const holds = new Set(awards.filter((a) => !a.revokedAt).map((a) => a.recipientMemberId));
  const candidates = (members.data?.members ?? []).filter((m) => !holds.has(m.id));
  return (
    <form
      aria-labelledby="award-heading"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        award.mutate(
          { memberIds: data.getAll('memberIds').map(String), reason: String(data.get('reason') ?? '') },
          { onSuccess: () => form.reset() },
        );
      }}
    >
      <h3 id="award-heading">Award it</h3>
      <FormError error={members.error} />
      <fieldset>
        <legend>Who receives it</legend>
        {candidates.length === 0 && <p className="hint">Everyone holds it already.</p>}
        {candidates.map((m) => (
          <label key={m.id} className="checkbox">
            <input type="checkbox" name="memberIds" value={m.id} /> {m.name}
          </label>
        ))}
        {fieldError(award.error, 'memberIds') && <p className="field-error">{fieldError(award.error, 'memberIds')}</p>}
      </fieldset>
      <Field
        label="Why it is awarded"
        name="reason"
        required
        maxLength={1000}
        error={fieldError(award.error, 'reason')}
      />
      <FormError error={award.error} />
      {award.data && (
        <p role="status">
          Awarded to {award.data.awards.length} {award.data.awards.length === 1 ? 'person' : 'people'}.
        </p>
      )}
      <button type="submit" disabled={award.isPending}>
        Award
      </button>
    </form>
  );
}

function NewAchievementForm({ orgId }: { orgId: string }) {
  const create = useCreateAchievement(orgId);
  const error = (f: string) => fieldError(create.error, f);
  const leave = useLeaveGuard();
  return (
    <form
      className="panel"
      aria-labelledby="new-achievement"
      {...leave.formProps}
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        const file = data.get('image');
        const expiry = String(data.get('expiryDays') ?? '').trim();
        create.mutate(
          {
            name: String(data.get('name') ?? ''),
            description: String(data.get('description') ?? ''),
            criteria: String(data.get('criteria') ?? ''),
            tags: String(data.get('tags') ?? '')
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean),
            expiryDays: expiry ? Number(expiry) : null,
            openToRequests: data.get('openToRequests') === 'on',
            image: file instanceof File && file.size > 0 ? await readAsDataUrl(file) : null,
          },
          { onSuccess: () => form.reset() },
        );
      }}
    >
      <h2 id="new-achievement">Define an achievement</h2>
      <Field label="Name" name="name" required maxLength={100} error={error('name')} />
      <TextArea label="Description" name="description" required maxLength={2000} error={error('description')} />
      <TextArea label="Criteria: what earns it" name="criteria" required maxLength={4000} error={error('criteria')} />
      <Field
        label="Skills and tags (optional)"
        name="tags"
        hint="Separated by commas: data, storytelling"
        error={error('tags')}
      />
      <Field
        label="Expires after (days, optional)"
        name="expiryDays"
        type="number"
        min={1}
        max={3650}
        error={error('expiryDays')}
      />
      <Field
        label="Image (optional)"
        name="image"
        type="file"
        accept="image/png,image/svg+xml"
        hint="A PNG or an SVG under 100 KB. Without one, a badge is made in the organisation’s colour."
        error={error('image')}
      />
      <label className="checkbox">
        <input type="checkbox" name="openToRequests" /> Learners may ask for it for a goal they achieved
      </label>
      <FormError error={create.error} />
      <button type="submit" disabled={create.isPending}>
        Define the achievement
      </button>
      {leave.question}
    </form>
  );
}
