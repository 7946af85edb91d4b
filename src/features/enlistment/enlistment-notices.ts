import type { NotifyInput } from '../notifications/index.js';
import type { RequestWithPeople } from './enlistment.repository.js';

/*
 * What each step of a request tells the other person, in the app and by e-mail. The asked member is sent to
 * their "Mentoring requests" page; the learner to the network part of their plan, where the entry shows the
 * request's state.
 */

export type EnlistmentEvent = 'asked' | 'accepted' | 'declined' | 'withdrawn' | 'ended';

const quoted = (goals: { what: string }[]) => goals.map((g) => `“${g.what.trim() || 'Untitled goal'}”`).join(', ');
const withNote = (text: string, note: string) => (note ? `${text} Their note: “${note}”` : text);

/** The notification of one step, for the person on the other side of the request from `by`. */
export function enlistmentNotice(
  event: EnlistmentEvent,
  row: RequestWithPeople,
  by: 'learner' | 'mentor',
  goals: { what: string }[],
): NotifyInput {
  const { request, organizationId, learnerName, mentorName } = row;
  const toMentor = by === 'learner';
  const base = {
    userId: toMentor ? row.mentorUserId : row.learnerUserId,
    organizationId,
    kind: 'enlistment',
    link: toMentor ? `/orgs/${organizationId}/enlistments` : `/orgs/${organizationId}/plans/${request.planId}/network`,
    // One notice per step of a request; asking again makes a new request, so a new key.
    dedupeKey: `enlistment:${request.id}:${event}`,
  };
  const about = quoted(goals);
  switch (event) {
    case 'asked':
      return {
        ...base,
        title: `${learnerName} asks: would you mentor me?`,
        body: withNote(`${learnerName} asks whether you would mentor them on ${about}.`, request.message),
      };
    case 'accepted':
      return {
        ...base,
        title: `${mentorName} agreed to mentor you`,
        body: withNote(
          `${mentorName} accepted your request about ${about} and can now read and comment on ${goals.length === 1 ? 'that goal' : 'those goals'}.`,
          request.response,
        ),
      };
    case 'declined':
      return {
        ...base,
        title: `${mentorName} declined your request`,
        body: withNote(`${mentorName} cannot mentor you on ${about} for now.`, request.response),
      };
    case 'withdrawn':
      return {
        ...base,
        title: `${learnerName} withdrew their request`,
        body: `${learnerName} no longer asks you to mentor them; there is nothing you need to do.`,
      };
    case 'ended':
      return toMentor
        ? {
            ...base,
            title: `${learnerName} ended your mentoring`,
            body: `${learnerName} ended the mentoring; you can no longer see the goals it was about.`,
          }
        : {
            ...base,
            title: `${mentorName} ended the mentoring`,
            body: `${mentorName} ended the mentoring; they can no longer see ${about}.`,
          };
  }
}
