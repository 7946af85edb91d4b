import { describe, expect, it } from 'vitest';
import { type Cast, createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';

const t = await createTestApp();

const inviteMany = (app: typeof t.app, c: Cast, payload: Record<string, unknown>, as: 'admin' | 'owner' = 'admin') =>
  app.inject({ method: 'POST', url: `/api/orgs/${c.org.id}/invitations/batch`, headers: c.as(as), payload });

const invitedEmails = async (app: typeof t.app, c: Cast) =>
  (await app.inject({ method: 'GET', url: `/api/orgs/${c.org.id}/invitations`, headers: c.as('owner') }))
    .json()
    .invitations.map((i: { email: string }) => i.email)
    .sort();

describe('inviting many people at once', () => {
  it('invites everyone on a pasted list, each with their own link by e-mail', async () => {
    const c = await createCast(t);
    const res = await inviteMany(t.app, c, {
      addresses: 'Ana Silva <Ana@Example.test>, li@example.test\nmo@example.test; "Okafor, Ned" <ned@example.test>',
    });
    expect(res.statusCode).toBe(201);
    const made = res.json().invitations as { email: string; role: string; url: string }[];
    expect(made.map((i) => i.email)).toEqual([
      'ana@example.test',
      'li@example.test',
      'mo@example.test',
      'ned@example.test',
    ]);
    expect(made.every((i) => i.role === 'member')).toBe(true);
    for (const i of made) expect(t.mailer.linkTo(i.email, '/invite/')).toBe(i.url);
    expect(new Set(made.map((i) => i.url)).size).toBe(4);
    expect(await invitedEmails(t.app, c)).toEqual(made.map((i) => i.email).sort());
  });

  it('reads a CSV file exported from a spreadsheet', async () => {
    const c = await createCast(t);
    const csv = 'Name;Department;E-mail address\n"Okafor, Maya";Wards;maya@example.test\nTom;IT;tom@example.test\n';
    const res = await inviteMany(t.app, c, { addresses: csv, format: 'csv', role: 'admin' });
    expect(res.statusCode).toBe(201);
    expect(res.json().invitations.map((i: { email: string; role: string }) => [i.email, i.role])).toEqual([
      ['maya@example.test', 'admin'],
      ['tom@example.test', 'admin'],
    ]);
  });

  it('refuses the whole list with one problem per line, and invites nobody, when any line is wrong', async () => {
    const c = await createCast(t);
    expect((await inviteMany(t.app, c, { addresses: 'pending@example.test' })).statusCode).toBe(201);
    const sentBefore = t.mailer.sent.length;
    const res = await inviteMany(t.app, c, {
      addresses: [
        'fine@example.test',
        'not-an-address',
        c.people.otherMember.email.toUpperCase(),
        'pending@example.test',
        'also.fine@example.test, FINE@example.test',
      ].join('\n'),
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation');
    expect(error.message).toBe('4 lines need fixing; nobody was invited.');
    expect(error.fields.addresses).toBe(error.message);
    expect(error.lines).toEqual([
      { line: 2, entry: 'not-an-address', message: 'Not a valid e-mail address.' },
      {
        line: 3,
        entry: c.people.otherMember.email.toUpperCase(),
        message: 'Already a member of this organisation.',
      },
      { line: 4, entry: 'pending@example.test', message: 'Already invited (the invitation is pending).' },
      { line: 5, entry: 'FINE@example.test', message: 'Listed twice: also on line 1.' },
    ]);
    expect(t.mailer.sent.length).toBe(sentBefore);
    expect(await invitedEmails(t.app, c)).toEqual(['pending@example.test']);
  });

  it('refuses an empty list and more than 100 people at once', async () => {
    const c = await createCast(t);
    const empty = await inviteMany(t.app, c, { addresses: ' \n ,; ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.addresses).toBe('Enter at least one e-mail address.');
    const many = Array.from({ length: 101 }, (_, i) => `person${i}@example.test`).join('\n');
    const tooMany = await inviteMany(t.app, c, { addresses: many });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields.addresses).toBe('Invite at most 100 people at once; this list has 101.');
    expect(await invitedEmails(t.app, c)).toEqual([]);
  });

  it('lets only owners invite owners', async () => {
    const c = await createCast(t);
    const byAdmin = await inviteMany(t.app, c, { addresses: 'boss@example.test', role: 'owner' });
    expect(byAdmin.statusCode).toBe(403);
    expect((await inviteMany(t.app, c, { addresses: 'boss@example.test', role: 'owner' }, 'owner')).statusCode).toBe(
      201,
    );
  });
});

describe('inviting many when an e-mail cannot be sent', async () => {
  let sends = 0;
  const failing = await createTestApp({
    mailer: {
      mode: 'smtp',
      send: async () => {
        // The third e-mail fails: the two before it were made in the same transaction.
        sends += 1;
        if (sends === 3) throw new Error('SMTP server said no');
      },
      close: () => {},
    },
  });

  it('answers 503 and leaves none of the invitations behind', async () => {
    const c = await createCast(failing);
    const res = await inviteMany(failing.app, c, { addresses: 'a@example.test\nb@example.test\nc@example.test' });
    expect(res.statusCode).toBe(503);
    expect(sends).toBe(3);
    expect(await invitedEmails(failing.app, c)).toEqual([]);
  });
});
