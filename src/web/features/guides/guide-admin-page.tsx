import { useState } from 'react';
import { useParams } from 'react-router';
import { partTitles } from '../../../features/plans/labels';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { confirmDone } from '../../ui/toasts';
import { TextArea } from '../plans/plan-fields';
import { type GuideView, useGuide, useGuideActions } from './guides-api';

/** L&D admins adapt the guide's introductions and prompts; one prompt per line. */
export function GuideAdminPage() {
  const { orgId = '' } = useParams();
  useTitle('Adapt the guide');
  const guide = useGuide(orgId);
  if (guide.isPending) return <p role="status">Loading…</p>;
  if (guide.error) return <FormError error={guide.error} />;
  return <GuideForm key={guide.data.version} orgId={orgId} guide={guide.data} />;
}

function GuideForm({ orgId, guide }: { orgId: string; guide: GuideView }) {
  const [parts, setParts] = useState(guide.parts.map((p) => ({ ...p, text: p.prompts.join('\n') })));
  const [examples, setExamples] = useState(guide.goalExamples);
  // Saving makes a new version, and this form starts again from it (its key): unsent means changed since.
  const leave = useLeaveGuard(
    parts.some((p, i) => p.intro !== guide.parts[i]?.intro || p.text !== guide.parts[i]?.prompts.join('\n')) ||
      JSON.stringify(examples) !== JSON.stringify(guide.goalExamples),
  );
  const { save, reset } = useGuideActions(orgId, () => confirmDone('Saved. Learners see the new prompts now.'));
  /** The form's parts as the guide takes them: one prompt per non-empty line. */
  const edited = () => ({
    version: guide.version,
    goalExamples: examples,
    parts: parts.map((p) => ({
      part: p.part,
      intro: p.intro,
      prompts: p.text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    })),
  });
  const error = save.error ?? reset.error;
  return (
    <section>
      <h1>Adapt the guide</h1>
      <p className="lead">
        The guide walks every learner through the four parts of their plan. Adapt its words to your organisation;
        learners see the change at once.{' '}
        {guide.adapted ? 'This organisation uses its own version.' : 'This is the built-in guide.'}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(edited());
        }}
      >
        <FormError error={error} />
        {parts.map((p, i) => (
          <fieldset key={p.part} className="panel">
            <legend>
              Part {p.part}: {partTitles[p.part as 1 | 2 | 3 | 4]}
            </legend>
            <TextArea
              label="Introduction"
              value={p.intro}
              maxLength={1000}
              onChange={(e) => setParts(parts.map((q, j) => (j === i ? { ...q, intro: e.target.value } : q)))}
            />
            <TextArea
              label="Prompts, one per line"
              rows={6}
              value={p.text}
              error={(error as { fields?: Record<string, string> } | null)?.fields?.[`parts.${i}.prompts`]}
              onChange={(e) => setParts(parts.map((q, j) => (j === i ? { ...q, text: e.target.value } : q)))}
            />
          </fieldset>
        ))}
        <fieldset className="panel">
          <legend>Examples in the SMART check</legend>
          <p className="hint">
            The SMART check beside each goal quotes these. Use examples from your own work, so that advice reads as
            meant for your people.
          </p>
          {(
            [
              ['outcome', 'A result someone could see', 'e.g. teach the new protocol at a team huddle'],
              ['vague', 'A vague goal', 'e.g. learn about wound care'],
              [
                'specific',
                'The same goal made specific',
                'e.g. dress complex wounds on my own, signed off by a senior',
              ],
            ] as const
          ).map(([key, label, placeholder]) => (
            <Field
              key={key}
              label={label}
              value={examples[key]}
              placeholder={placeholder}
              maxLength={200}
              error={(error as { fields?: Record<string, string> } | null)?.fields?.[`goalExamples.${key}`]}
              onChange={(e) => setExamples({ ...examples, [key]: e.target.value })}
            />
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={save.isPending}>
            Save the guide
          </button>
          {guide.adapted && (
            <button type="button" className="secondary" onClick={() => reset.mutate()} disabled={reset.isPending}>
              Go back to the built-in guide
            </button>
          )}
        </div>
        {leave.question}
      </form>
    </section>
  );
}
