import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../../app/session';
import { Field } from '../../components/field';
import { FormError, Notice } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { api, fieldError } from '../../lib/api';
import type { Member } from '../../lib/types';
import { useOrg } from '../orgs/org-pages';

export function ProfilePage() {
  const { orgId = '' } = useParams();
  useTitle('Your profile');
  const me = useMe().data;
  const org = useOrg(orgId);
  const memberId = org.data?.yourMemberId;
  const member = useQuery({
    queryKey: ['member', orgId, memberId],
    queryFn: () => api<Member>('GET', `/api/orgs/${orgId}/members/${memberId}`),
    enabled: Boolean(memberId),
  });
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [saved, setSaved] = useState('');
  const rename = useMutation({
    mutationFn: (name: string) => api('PATCH', '/api/me', { name }),
    onSuccess: () => {
      setSaved('Your name is saved.');
      qc.refetchQueries({ queryKey: ['me'], type: 'all' });
    },
  });
  const save = useMutation({
    mutationFn: (body: { title: string | null; offersMentoring: boolean; mentoringTopics: string[] }) =>
      api<Member>('PATCH', `/api/orgs/${orgId}/members/${memberId}/profile`, {
        ...body,
        version: member.data?.version,
      }),
    onSuccess: (m) => {
      qc.setQueryData(['member', orgId, memberId], m);
      setSaved('Your profile is saved.');
    },
    onError: () => qc.invalidateQueries({ queryKey: ['member', orgId, memberId] }),
  });
  const leave = useMutation({
    mutationFn: () => api('DELETE', `/api/orgs/${orgId}/members/${memberId}`),
    onSuccess: async () => {
      await qc.refetchQueries({ queryKey: ['me'], type: 'all' });
      navigate('/');
    },
  });
  if (!me || !member.data) return <p role="status">Loading…</p>;
  const m = member.data;
  return (
    <section className="narrow">
      <h1>Your profile</h1>
      {saved && <Notice>{saved}</Notice>}
      <form
        noValidate
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
      </form>
      <form
        key={m.version}
        noValidate
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
        <button type="submit" disabled={save.isPending}>
          Save profile
        </button>
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
