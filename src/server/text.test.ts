import { describe, expect, it } from 'vitest';
import { highlight } from '../features/search/highlight.js';
import { createCast } from '../test/actors.js';
import { createTestApp } from '../test/app.js';
import { planOfSelf } from '../test/matrix-kit.js';
import { cutText, oneLine } from './text.js';

// With the job queue, as installs run: a notification is a pg-boss job, whose data is jsonb, which refuses half
// a character ("invalid input syntax for type json") where a text column would quietly store U+FFFD.
const t = await createTestApp({ jobs: true });

/** The notifications of a person, once `count` have been delivered by the job queue. */
async function notificationsOf(headers: Record<string, string>, count: number) {
  for (let tries = 0; ; tries++) {
    const { notifications } = await t.callOk('GET', '/api/notifications', headers);
    if (notifications.length >= count || tries > 100) return notifications as { body: string }[];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** True when every UTF-16 surrogate in `text` has its pair. */
const whole = (text: string) => !/\p{Cs}/u.test(text);

describe('cutText', () => {
  it('leaves text that fits alone, and cuts longer text to at most max units with the ellipsis', () => {
    expect(cutText('short', 5)).toBe('short');
    expect(cutText('a longer text', 8)).toBe('a longe…');
    expect(cutText('a longer text', 8, '')).toBe('a longer');
    expect(cutText('a longer text', 8).length).toBe(8);
  });

  it('never cuts a character in half: surrogate pairs, skin tones, families, accents', () => {
    const texts = [
      `${'a'.repeat(198)}😀 and more`,
      '😀'.repeat(101),
      '👩🏽‍🚀'.repeat(40),
      'e\u0301'.repeat(150),
      '🇳🇱🇩🇪'.repeat(60),
    ];
    for (const text of texts) {
      for (let max = 1; max <= 210; max++) {
        const cut = cutText(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(whole(cut)).toBe(true);
        // What is kept is a start of the text made of whole characters.
        const kept = cut.replace(/…$/, '');
        expect(text.startsWith(kept)).toBe(true);
        expect([...new Intl.Segmenter().segment(text)].some((s) => s.index === kept.length) || kept === text).toBe(
          true,
        );
      }
    }
    expect(cutText('👩🏽‍🚀👩🏽‍🚀', 7)).toBe('…');
    expect(cutText('👩🏽‍🚀👩🏽‍🚀', 8)).toBe('👩🏽‍🚀…');
    expect(cutText('e\u0301e\u0301e\u0301', 4)).toBe('e\u0301…');
  });

  it('makes text one line', () => {
    expect(oneLine('  two\r\nlines\tand  more ')).toBe('two lines and more');
  });

  it('search excerpts end on whole characters', () => {
    const out = highlight(`${'x'.repeat(179)}😀 tail`, 'tail', 180);
    expect(whole(out)).toBe(true);
  });
});

describe('comments with emoji where their notification excerpt is cut (was a 500, not saved)', () => {
  const bodies = [`${'a'.repeat(198)}😀`, '😀'.repeat(101), `${'b'.repeat(199)}👩🏽‍🚀`];

  it('on a plan: saved, and the learner is told with a whole-character excerpt', async () => {
    const c = await createCast(t);
    const plan = await planOfSelf(c, t);
    await t.callOk('POST', `${plan.url}/grants`, c.as('self') as Record<string, string>, {
      memberId: c.members.otherMember.id,
      scope: 'goal',
      goalId: plan.ids.goals,
      access: 'comment',
    });
    for (const body of bodies) {
      const res = await t.call('POST', `${plan.url}/comments`, c.as('otherMember') as Record<string, string>, {
        targetKind: 'goal',
        targetId: plan.ids.goals,
        body,
      });
      expect(res.status).toBe(201);
      expect(res.body.body).toBe(body);
    }
    const excerpts = (await notificationsOf(c.as('self') as Record<string, string>, bodies.length)).map((n) => n.body);
    expect(excerpts).toHaveLength(bodies.length);
    for (const excerpt of excerpts) {
      expect(whole(excerpt)).toBe(true);
      expect(excerpt.length).toBeLessThanOrEqual(200);
    }
  });

  it('on a post by someone else: saved, and the author is told', async () => {
    const c = await createCast(t);
    const post = await t.callOk('POST', '/api/posts', c.as('self') as Record<string, string>, {
      organizationId: c.org.id,
      body: 'Learned today',
      visibility: 'organization',
    });
    for (const body of bodies) {
      const res = await t.call(
        'POST',
        `/api/posts/${post.id}/comments`,
        c.as('otherMember') as Record<string, string>,
        {
          body,
        },
      );
      expect(res.status).toBe(201);
    }
    const told = await notificationsOf(c.as('self') as Record<string, string>, bodies.length);
    expect(told).toHaveLength(bodies.length);
    for (const n of told) expect(whole(n.body)).toBe(true);
  });
});
