import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { TextArea } from '../plans/plan-fields';
import { type ThingView, useLearningActions, useOverview, useThing } from './programme-learning-api';

/** Words as the server counts them (reflections.ts): runs of letters or digits, a hyphenated word is one. */
const countWords = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

/** One thing: what it is, the task and the prompt; marking it tried; reflecting with a post or a link. */
export function ThingPage() {
  const { orgId = '', programmeId = '', thingId = '' } = useParams();
  const overview = useOverview(programmeId);
  const enrolment = overview.data?.enrolment;
  const enrolmentId = enrolment && enrolment.status !== 'left' ? enrolment.id : undefined;
  const thing = useThing(enrolmentId, thingId);
  useTitle(thing.data?.title ?? 'Thing');
  const back = `/orgs/${orgId}/programmes/${programmeId}`;
  return (
    <section>
      <p>
        <Link to={back}>{overview.data?.title ?? 'The programme'}</Link>
      </p>
      {overview.data && !enrolmentId && (
        <p className="notice neutral">
          Enrol in the programme to open its things. <Link to={back}>Take part</Link>
        </p>
      )}
      {(overview.isPending || (enrolmentId && thing.isPending)) && <p role="status">Loading…</p>}
      {/* A thing not released yet answers with when it comes ("Thing 5 is not released yet: it comes on …"). */}
      <FormError error={overview.error ?? thing.error} />
      {thing.data && enrolmentId && (
        <Thing orgId={orgId} programmeId={programmeId} enrolmentId={enrolmentId} thing={thing.data} />
      )}
    </section>
  );
}

function Thing({
  orgId,
  programmeId,
  enrolmentId,
  thing: t,
}: {
  orgId: string;
  programmeId: string;
  enrolmentId: string;
  thing: ThingView;
}) {
  const actions = useLearningActions(programmeId, enrolmentId);
  // The box shows the person's click at once (set in the same event, so React does not put the old state back
  // while the save is on its way), until the thing read again agrees or the save fails.
  const saved = Boolean(t.triedAt);
  const [clicked, setClicked] = useState<boolean | null>(null);
  const tried = clicked ?? saved;
  if (clicked !== null && clicked === saved && !actions.tried.isPending) setClicked(null);
  return (
    <article aria-labelledby="thing-title">
      <h1 id="thing-title">
        Thing {t.number}: {t.title}
      </h1>
      <p className="hint">
        About {t.minutes} minutes{t.required ? '' : ' · optional'}
      </p>
      <h2>What it is</h2>
      {/* Rendered from Markdown and sanitised by the server (src/server/markdown.ts), its headings from h3 down. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised server-side with an allow-list */}
      <div className="post-body" dangerouslySetInnerHTML={{ __html: t.html }} />
      {t.task && (
        <>
          <h2>Try it</h2>
          <p>{t.task}</p>
        </>
      )}
      {t.links.length > 0 && (
        <ul aria-label="Links">
          {t.links.map((l) => (
            <li key={l.url}>
              <a href={l.url} rel="noopener noreferrer" target="_blank">
                {l.title || l.url}
              </a>
            </li>
          ))}
        </ul>
      )}
      <label className="choice">
        <input
          type="checkbox"
          checked={tried}
          disabled={actions.tried.isPending}
          onChange={(e) => {
            const next = e.currentTarget.checked;
            setClicked(next);
            actions.tried.mutate({ thingId: t.id, tried: next }, { onError: () => setClicked(null) });
          }}
        />{' '}
        I tried it
      </label>
      <FormError error={actions.tried.error} />
      {t.reflection && (
        <p className="notice on-track">
          You reflected on it: <a href={t.reflection.link}>{t.reflection.title || 'your reflection'}</a>. Writing again
          replaces it.
        </p>
      )}
      <p className="hint">
        Wrote about it on your own blog? A post tagged for the programme can be your reflection:{' '}
        <Link to={`/orgs/${orgId}/programmes/${programmeId}/blog`}>Your blog</Link>
      </p>
      <ReflectionComposer thing={t} actions={actions} />
    </article>
  );
}

function ReflectionComposer({
  thing: t,
  actions,
}: {
  thing: ThingView;
  actions: ReturnType<typeof useLearningActions>;
}) {
  const [kind, setKind] = useState<'post' | 'link'>('post');
  const [body, setBody] = useState('');
  const words = countWords(body);
  const error = (f: string) => fieldError(actions.reflect.error, f);
  return (
    <form
      className="panel"
      aria-labelledby="reflect-heading"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const title = String(data.get('title') ?? '');
        actions.reflect.mutate(
          {
            thingId: t.id,
            body:
              kind === 'post'
                ? {
                    kind: 'post',
                    title,
                    body,
                    visibility: String(data.get('visibility')) as 'private' | 'cohort' | 'organization',
                  }
                : { kind: 'link', url: String(data.get('url') ?? ''), ...(title ? { title } : {}) },
          },
          { onSuccess: () => setBody('') },
        );
      }}
    >
      <h2 id="reflect-heading">Reflect</h2>
      {t.prompt && <p>{t.prompt}</p>}
      <fieldset>
        <legend>Where you write it</legend>
        <label className="choice">
          <input type="radio" name="kind" checked={kind === 'post'} onChange={() => setKind('post')} /> Here, as a post
        </label>
        <label className="choice">
          <input type="radio" name="kind" checked={kind === 'link'} onChange={() => setKind('link')} /> On my own blog
          (a link)
        </label>
      </fieldset>
      <Field label="Title (optional)" name="title" maxLength={200} error={error('title')} />
      {kind === 'post' ? (
        <>
          <TextArea
            label="Your reflection"
            name="body"
            rows={8}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            hint={t.minWords > 0 ? `At least ${t.minWords} words.` : undefined}
            error={error('body')}
          />
          <p className="hint" aria-live="polite">
            {words} {words === 1 ? 'word' : 'words'}
            {t.minWords > 0 && words < t.minWords && `: ${t.minWords - words} to go`}
          </p>
          <fieldset>
            <legend>Who sees it</legend>
            {t.canShareWithCohort && (
              <label className="choice">
                <input type="radio" name="visibility" value="cohort" defaultChecked /> My cohort
              </label>
            )}
            <label className="choice">
              <input type="radio" name="visibility" value="organization" defaultChecked={!t.canShareWithCohort} />{' '}
              Everyone in the organisation
            </label>
            <label className="choice">
              <input type="radio" name="visibility" value="private" /> Only me
            </label>
            {error('visibility') && <p className="field-error">{error('visibility')}</p>}
          </fieldset>
        </>
      ) : (
        <Field label="Address of your blog post" name="url" type="url" required error={error('url')} />
      )}
      <FormError error={actions.reflect.error} />
      <button type="submit" disabled={actions.reflect.isPending}>
        {kind === 'post' ? 'Share my reflection' : 'Save the link'}
      </button>
    </form>
  );
}
