import { describe, expect, it } from 'vitest';
import { createSmtpMailer, MailUnavailableError } from './mailer.js';

describe('the SMTP mailer', () => {
  it('turns a mail server that cannot be reached into 503 unavailable, not a 500', async () => {
    // Port 9 (discard) on loopback: nothing listens there, so the connection is refused at once.
    const mailer = createSmtpMailer('smtp://127.0.0.1:9', 'Waymark <no-reply@waymark.test>');
    const sent = mailer.send({ to: 'someone@example.test', subject: 'Hello', text: 'Hello' });
    await expect(sent).rejects.toBeInstanceOf(MailUnavailableError);
    await expect(sent).rejects.toMatchObject({ status: 503, code: 'unavailable' });
    mailer.close();
  });
});
