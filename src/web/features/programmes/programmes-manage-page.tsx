import { useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useNavigate, useParams } from 'react-router';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { fieldError } from '../../lib/api';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { EmptyState } from '../../ui/empty-state';
import { useAuthoredProgrammes, useStartProgramme } from './programmes-api';

const statusLabel = { draft: 'Draft', published: 'Published', archived: 'Archived' } as const;

/** L&D's programmes: every one of the organisation's, drafts included, and the three ways to start one. */
export function ProgrammesManagePage() {
  const { orgId = '' } = useParams();
  useTitle('Programmes');
  const list = useAuthoredProgrammes(orgId);
  const programmes = list.data?.programmes ?? [];
  return (
    <section>
      <h1>Programmes</h1>
      <p className="lead">
        Short “things” to try and reflect on, released week by week to a cohort or at each person’s own pace.
      </p>
      {list.isPending && <p role="status">Loading programmes…</p>}
      <FormError error={list.error} />
      {list.isSuccess && programmes.length === 0 && (
        <EmptyState illustration="plan" title="No programmes yet">
          <p>
            Start from Waymark’s starter programme, “Learning out loud in 12 things”, and adapt it, or write your own
            from a blank page.
          </p>
        </EmptyState>
      )}
      {programmes.length > 0 && (
        <ul className="cards">
          {programmes.map((p) => (
            <li key={p.id}>
              <article className="card" aria-label={p.title}>
                <h2>
                  <Link to={`/orgs/${orgId}/programmes/manage/${p.id}`}>{p.title}</Link>{' '}
                  <span className="badge">{statusLabel[p.status]}</span>
                </h2>
                <p className="hint">
                  {p.weeks} {p.weeks === 1 ? 'week' : 'weeks'} · {p.things} {p.things === 1 ? 'thing' : 'things'} ·{' '}
                  {p.cohorts} {p.cohorts === 1 ? 'cohort' : 'cohorts'} · {p.participants}{' '}
                  {p.participants === 1 ? 'participant' : 'participants'}
                </p>
                {p.status !== 'draft' && (
                  <p>
                    <Link to={`/orgs/${orgId}/programmes/manage/${p.id}/progress`}>
                      Participants’ progress<span className="visually-hidden"> in {p.title}</span>
                    </Link>
                  </p>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
      <StartProgramme orgId={orgId} />
    </section>
  );
}

function StartProgramme({ orgId }: { orgId: string }) {
  const start = useStartProgramme(orgId);
  const navigate = useNavigate();
  const leave = useLeaveGuard();
  const [fileProblem, setFileProblem] = useState<string>();
  const open = (outline: { id: string }) => navigate(`/orgs/${orgId}/programmes/manage/${outline.id}`);
  const importErrors = Object.entries((start.import.error as { fields?: Record<string, string> } | null)?.fields ?? {});
  return (
    <>
      <div className="panel">
        <h2>Start from Waymark’s starter programme</h2>
        <p>Twelve things over five weeks with a catch-up week, ready to adapt. It starts as a draft only you see.</p>
        <button
          type="button"
          disabled={start.starter.isPending}
          onClick={() => start.starter.mutate(undefined, { onSuccess: open })}
        >
          Start from the starter programme
        </button>
        <FormError error={start.starter.error} />
      </div>
      <form
        className="panel"
        aria-labelledby="new-programme"
        {...leave.formProps}
        onSubmit={(e) => {
          e.preventDefault();
          const title = String(new FormData(e.currentTarget).get('title') ?? '');
          start.create.mutate(
            { title },
            {
              onSuccess: (outline) => {
                // The guard lets go before the page changes, or it would ask about text that was just saved.
                flushSync(() => leave.sent());
                open(outline);
              },
            },
          );
        }}
      >
        <h2 id="new-programme">New programme</h2>
        <Field label="Title" name="title" required maxLength={120} error={fieldError(start.create.error, 'title')} />
        <FormError error={start.create.error} />
        <button type="submit" disabled={start.create.isPending}>
          Create the draft
        </button>
        {leave.question}
      </form>
      <form
        className="panel"
        aria-labelledby="import-programme"
        onSubmit={async (e) => {
          e.preventDefault();
          setFileProblem(undefined);
          const chosen = new FormData(e.currentTarget).get('file');
          if (!(chosen instanceof File) || chosen.size === 0)
            return setFileProblem('Choose a programme file (.json) exported from Waymark.');
          let doc: unknown;
          try {
            doc = JSON.parse(await chosen.text());
          } catch {
            return setFileProblem('This file is not JSON: choose a file exported from Waymark.');
          }
          start.import.mutate(doc, { onSuccess: open });
        }}
      >
        <h2 id="import-programme">Import</h2>
        <Field
          label="Programme file"
          hint="A .json file exported from a Waymark programme. It arrives as a draft."
          type="file"
          accept="application/json,.json"
          name="file"
          error={fileProblem}
        />
        <FormError error={start.import.error} />
        {importErrors.length > 0 && (
          <ul className="field-error">
            {importErrors.map(([path, message]) => (
              <li key={path}>
                <code>{path}</code>: {message}
              </li>
            ))}
          </ul>
        )}
        <button type="submit" disabled={start.import.isPending}>
          Import as a draft
        </button>
      </form>
    </>
  );
}
