import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { api } from '../../lib/api';

interface Message {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

/** Turns the URLs in plain text into links, as text nodes: nothing in a message is parsed as HTML. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text never reorder
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export function OutboxPage() {
  useTitle('Outbox');
  const q = useQuery({ queryKey: ['outbox'], queryFn: () => api<{ messages: Message[] }>('GET', '/api/outbox') });
  return (
    <section>
      <h1>Outbox</h1>
      <p>
        No mail server is set up (<code>SMTP_URL</code>), so Waymark keeps its e-mails here instead of sending them: the
        ones to you and, if you own an organisation, the ones to its members and invitees.
      </p>
      <FormError error={q.error} />
      {q.data?.messages.length === 0 && <p>No e-mails yet.</p>}
      <ul className="outbox">
        {q.data?.messages.map((m) => (
          <li key={m.id}>
            <details>
              <summary>
                <strong>{m.subject}</strong> — to {m.to}, {new Date(m.createdAt).toLocaleString()}
              </summary>
              <pre className="mail-text">
                <Linkified text={m.text} />
              </pre>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
