import { useRef, useState } from 'react';
import { shareHowLabels } from '../../../features/plans/labels';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { fieldError } from '../../lib/api';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { confirmDone } from '../../ui/toasts';
import { useCommunities } from '../communities/communities-api';
import { useMyGoals } from '../log/log-api';
import { useMe } from '../me/me-api';
import { useAllMembers } from '../members/members-api';
import { CheckboxGroup, Select, TextArea } from '../plans/plan-fields';
import { type CreatePostBody, type PostView, usePublish, useUploadPostImage, visibilityLabels } from './posts-api';

type Visibility = keyof typeof visibilityLabels;
/** Broadest first, as people choose: everyone, a community, chosen people, only me. */
const visibilities = Object.keys(visibilityLabels) as Visibility[];

/** What a post starts from when made from something else (a log entry, say): its text and its link. */
export interface PostDraft {
  title?: string;
  body?: string;
  source?: { kind: 'log' | 'reflection' | 'evidence' | 'checkin'; id: string };
  communityId?: string;
  shareCommitmentId?: string;
}

/**
 * Writing a post: Markdown text, topics, who sees it (only me, chosen people, a community, everyone) and,
 * optionally, the sharing commitment it fulfils.
 */
export function PostComposer({
  orgId,
  draft: opened = {},
  onPosted,
}: {
  orgId: string;
  draft?: PostDraft;
  onPosted?: (p: PostView) => void;
}) {
  const firstVisibility: Visibility = opened.communityId ? 'community' : 'organization';
  const [visibility, setVisibility] = useState<Visibility>(firstVisibility);
  const [audience, setAudience] = useState<string[]>([]);
  // Once posted, a new form starts blank: the draft's words, link and commitment are used, the audience
  // chosen goes back to the usual one; its community stays. A failed post keeps everything, to send again.
  const [draft, setDraft] = useState(opened);
  const [formKey, setFormKey] = useState(0);
  const [body, setBody] = useState(opened.body ?? '');
  // The body is React's; title and topics are the form's own.
  const leave = useLeaveGuard(body.trim() !== (draft.body ?? '').trim());
  const communities = useCommunities(orgId);
  const members = useAllMembers(orgId);
  const me = useMe().data;
  const myMemberId = me?.memberships.find((m) => m.organizationId === orgId)?.memberId;
  const goals = useMyGoals(orgId);
  const joined = communities.data?.communities.filter((c) => c.joined) ?? [];
  const shareOptions: [string, string][] = [
    ['', 'None'],
    ...(goals.data?.goals ?? []).flatMap((g) =>
      g.shares.map((s): [string, string] => [
        s.id,
        `${shareHowLabels[s.how as keyof typeof shareHowLabels] ?? s.how} for “${g.what || 'Untitled goal'}”`,
      ]),
    ),
  ];
  const publish = usePublish({
    published: () => {},
    inFeeds: (post) => {
      setVisibility(firstVisibility);
      setAudience([]);
      setDraft({ communityId: opened.communityId });
      setFormKey((k) => k + 1);
      setBody('');
      leave.sent();
      onPosted?.(post);
    },
  });
  /** The form as a post: its text, topics, audience, and where it comes from. */
  const postFrom = (data: FormData): CreatePostBody => {
    const text = (k: string) => String(data.get(k) ?? '').trim();
    const topics = text('topics')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    return {
      organizationId: orgId,
      title: text('title'),
      body: text('body'),
      topics,
      visibility,
      ...(visibility === 'community' && { communityId: text('communityId') }),
      ...(visibility === 'people' && { audience }),
      ...(draft.source && { source: draft.source }),
      ...(text('shareCommitmentId') && { shareCommitmentId: text('shareCommitmentId') }),
    };
  };
  const error = (f: string) => fieldError(publish.error, f);
  return (
    <form
      key={formKey}
      className="panel post-composer"
      aria-label="Write a post"
      {...leave.formProps}
      onSubmit={(e) => {
        e.preventDefault();
        publish.mutate(postFrom(new FormData(e.currentTarget)));
      }}
    >
      <Field label="Title (optional)" name="title" defaultValue={draft.title} maxLength={200} error={error('title')} />
      <TextArea
        label="What did you learn?"
        name="body"
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={5}
        required
        hint="Markdown works: **bold**, _italic_, lists, links."
        error={error('body')}
      />
      <ImageUpload orgId={orgId} onUploaded={(markdown) => setBody((b) => `${b.trimEnd()}\n\n${markdown}\n`)} />
      <Field
        label="Topics (optional)"
        name="topics"
        hint="Separate them with commas: SQL, facilitation"
        error={error('topics')}
      />
      <fieldset className="choice">
        <legend>Who sees it?</legend>
        {visibilities.map((v) => (
          <label key={v}>
            <input
              type="radio"
              name="visibility"
              value={v}
              checked={visibility === v}
              onChange={() => setVisibility(v)}
            />{' '}
            {visibilityLabels[v]}
          </label>
        ))}
      </fieldset>
      {visibility === 'community' && (
        <Select
          label="Community"
          name="communityId"
          defaultValue={draft.communityId}
          options={joined.map((c) => [c.id, c.name])}
          hint={joined.length === 0 ? 'Join a community first, on the Communities page.' : undefined}
          error={error('communityId')}
        />
      )}
      {visibility === 'people' && (
        <CheckboxGroup
          legend="Chosen people"
          options={(members.data?.members ?? []).filter((m) => m.id !== myMemberId).map((m) => [m.id, m.name])}
          value={audience}
          onChange={setAudience}
          error={error('audience')}
          empty="Nobody else is in this organisation yet."
        />
      )}
      {shareOptions.length > 1 && (
        <Select
          label="Fulfils a sharing commitment (optional)"
          name="shareCommitmentId"
          defaultValue={draft.shareCommitmentId ?? ''}
          options={shareOptions}
          hint="It is marked as done in your plan, linked to this post."
          error={error('shareCommitmentId')}
        />
      )}
      <FormError error={publish.error} />
      <button type="submit" disabled={publish.isPending}>
        Post
      </button>
      {leave.question}
    </form>
  );
}

/** Adds an image to the post: uploaded at once, shown in the text as Markdown the author can move. */
function ImageUpload({ orgId, onUploaded }: { orgId: string; onUploaded: (markdown: string) => void }) {
  const add = useUploadPostImage(orgId, (image) => onUploaded(image.markdown));
  return (
    <Field
      label="Add an image (optional)"
      type="file"
      accept=".png,.jpg,.jpeg,.gif,.webp"
      hint="PNG, JPEG, GIF or WebP, up to 5 MB. It appears in the text where you can move it."
      error={fieldError(add.error, 'file') ?? (add.error ? (add.error as Error).message : undefined)}
      disabled={add.isPending}
      onChange={(e) => {
        const file = e.currentTarget.files?.[0];
        if (file) add.mutate(file);
        e.currentTarget.value = '';
      }}
    />
  );
}

/**
 * The composer behind a "Write a post" toggle, open when the post starts from something (a draft). Posting
 * folds it away (the post is in the feed below) and says so beside the toggle, where focus goes back to.
 */
export function FoldedComposer(props: Parameters<typeof PostComposer>[0]) {
  const { draft = {}, onPosted } = props;
  const [open, setOpen] = useState(Boolean(draft.body || draft.source));
  const toggle = useRef<HTMLElement>(null);
  return (
    <details
      className="composer-fold"
      open={open}
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
      }}
    >
      <summary ref={toggle}>Write a post</summary>
      <PostComposer
        {...props}
        onPosted={(post) => {
          setOpen(false);
          confirmDone(`Posted “${post.title || 'your post'}”.`);
          toggle.current?.focus();
          onPosted?.(post);
        }}
      />
    </details>
  );
}
