import type { ProgrammeDocumentInput } from './programmes.schema.js';

/*
 * Waymark's starter programme: twelve short things over five weeks (and a catch-up week), each one a practice
 * tried with Waymark itself. Written for Waymark; an organisation starts from it with one click and adapts it.
 * It is a document in the export format, so it arrives exactly as an import would.
 */

type Thing = ProgrammeDocumentInput['weeks'][number]['things'] extends (infer T)[] | undefined ? T : never;

const thing = (t: Thing): Thing => t;

export const starterProgramme = {
  format: 'waymark-programme',
  version: 1,
  programme: {
    title: 'Learning out loud in 12 things',
    summary:
      'Twelve small practices, two or three a week, that turn the learning you already do into a plan you own ' +
      'and a habit you share. Each takes about fifteen minutes: try it, then write a few lines about how it went.',
    audience: 'Everyone in the organisation, whatever your role and however long you have been here.',
    tag: '#learning-out-loud',
    selfPaced: 'weekly',
    minOptional: 1,
    behindAfterDays: 7,
    offersGoal: true,
  },
  weeks: [
    {
      title: 'Start with yourself',
      catchUp: false,
      things: [
        thing({
          title: 'How do you learn best?',
          body:
            'Before making any plan, look back. Think of two or three times you learned something and enjoyed it: ' +
            'a skill picked up from a colleague, a book that changed how you work, a hobby you got good at.\n\n' +
            'For each, ask what made it work. Was it doing it with someone? Having a real problem to solve? ' +
            'Time to practise without anyone watching? The answers are clues to how you learn best.\n\n' +
            'In Waymark, open your plan and go to the first part, "Reflect on past learning". Add each experience ' +
            'as an entry and pick its form of learning. You will come back to these when you set goals.',
          task: 'Add two past learning experiences to the first part of your plan, with what made each work.',
          prompt: 'What do your best learning experiences have in common? What surprised you?',
          minutes: 20,
          required: true,
        }),
        thing({
          title: 'Start your plan',
          body:
            'A personal learning plan is yours: you decide what goes in it and who sees it. It has four parts, ' +
            'and you do not need to fill them in order or all at once.\n\n' +
            'Open the guide from your plan and answer the first few prompts. Leave anything you are unsure of; ' +
            'every part stays editable all year, and Waymark keeps the history.\n\n' +
            'Try to finish with one rough idea of something you want to learn in the months ahead. It can be ' +
            'vague for now: the next thing sharpens it.',
          task: 'Open your plan’s guide and write down one thing you would like to learn this year.',
          prompt: 'Why does this matter to you now: for your work, your career or the rest of your life?',
          minutes: 15,
          required: true,
        }),
      ],
    },
    {
      title: 'Goals and people',
      catchUp: false,
      things: [
        thing({
          title: 'Write a SMART goal',
          body:
            'An idea becomes a goal when you can tell whether you reached it. SMART is one way to check: specific, ' +
            'measurable, achievable, relevant and time-bound.\n\n' +
            'Turn your idea into a goal in your plan. Say what you will learn, why, how, how you will know, and by ' +
            'when. Waymark’s SMART check points out what is still vague, such as a missing date or no way to tell ' +
            'you are done.\n\n' +
            'Do not aim for perfect. A goal you can start this month beats a grand one you never begin.',
          task: 'Turn your idea into a goal and work through the SMART check until it has nothing left to point out.',
          prompt: 'What changed between your first wording of the goal and the last one?',
          minutes: 20,
          required: true,
        }),
        thing({
          title: 'Enlist a mentor or a peer',
          body:
            'Most of what we learn at work we learn from other people. Your plan has a part for your personal ' +
            'learning network: the people, communities and resources that help you.\n\n' +
            'Think of one person who knows something you want to learn, or who is learning the same thing. Add ' +
            'them to your network, link them to your goal, and ask them. Waymark sends the request and they can ' +
            'agree or say no kindly.\n\n' +
            'A small ask works best: half an hour, one question, a look at your first attempt.',
          task: 'Add one person to your network, link them to your goal and send them a request.',
          prompt: 'What made asking easy or hard? What would you like them to help with first?',
          minutes: 15,
          required: true,
        }),
        thing({
          title: 'Log something you learned today',
          body:
            'Much of learning is informal: a tip in a meeting, an article on the bus, a mistake you will not make ' +
            'again. It disappears unless you write it down.\n\n' +
            'Open your learning log and add one entry: what you learned, from whom or what, and which goal it ' +
            'helps. It takes less than a minute.\n\n' +
            'Keep it up for the rest of the week. Small entries add up to a picture of how you really learn.',
          task: 'Add at least one entry to your learning log, linked to a goal if it helps one.',
          prompt: 'Where did today’s learning come from? Would you have noticed it without writing it down?',
          minutes: 10,
          required: true,
        }),
      ],
    },
    {
      title: 'Make it a habit',
      catchUp: false,
      things: [
        thing({
          title: 'Quick capture on your phone',
          body:
            'The best moment to log something is right after it happens. Open Waymark on your phone and add it to ' +
            'your home screen, so quick capture is one tap away.\n\n' +
            'Next time you pick something up in a corridor conversation or at an event, capture it on the spot in ' +
            'a sentence. You can tidy it up later.',
          task: 'Put Waymark on your phone’s home screen and capture one thing with it.',
          prompt: 'Did capturing on the spot change what you noticed?',
          minutes: 10,
          required: false,
        }),
        thing({
          title: 'Write your first post',
          body:
            'Learning out loud means sharing what you learn while you learn it, not only when you are an expert. ' +
            'Others learn from your steps, and writing helps you understand them.\n\n' +
            'Write a short post for your organisation: something you tried, what happened, what you would do ' +
            'differently. A few paragraphs are plenty. Add a picture if it helps.\n\n' +
            'If writing in public feels uncomfortable, start small: one thing you found useful this week and why.',
          task: 'Publish a short post about something you learned or tried.',
          prompt: 'How did it feel to share something unfinished? Did anyone respond?',
          minutes: 25,
          required: true,
        }),
        thing({
          title: 'Join a community',
          body:
            'Communities of practice are people learning around one topic together. Browse the communities in ' +
            'Waymark and join one that matches a goal or a curiosity.\n\n' +
            'Read a few of its posts. If none fits, start one: a name, a topic and a sentence about who it is for ' +
            'are enough to begin.',
          task: 'Join a community (or start one) and read what its members have shared.',
          prompt: 'What did you find there that you would not have found alone?',
          minutes: 15,
          required: false,
        }),
      ],
    },
    {
      title: 'Catch-up week',
      catchUp: true,
      things: [],
    },
    {
      title: 'Share and look ahead',
      catchUp: false,
      things: [
        thing({
          title: 'Comment on someone’s post',
          body:
            'Learning out loud works both ways. A thoughtful comment encourages the writer and often teaches you ' +
            'something too.\n\n' +
            'Find a post from someone in your cohort or a community and leave a comment: a question, a link to ' +
            'something related, or what you took from it. Be specific; "great post" is kind but says little.',
          task: 'Leave a specific, helpful comment on someone else’s post.',
          prompt: 'What did you learn from their post, or from the conversation that followed?',
          minutes: 10,
          required: true,
        }),
        thing({
          title: 'Share a goal with your supervisor',
          body:
            'Your plan is private until you share it. Sharing a goal with your supervisor turns it into a ' +
            'conversation: they may know people, time or projects that can help.\n\n' +
            'Choose the goal you are most ready to talk about and share it, read-only or with comments. You can ' +
            'see at any time who sees what, and take it back.\n\n' +
            'Then suggest a short conversation about it at your next one-to-one.',
          task: 'Share one goal with your supervisor and suggest talking about it.',
          prompt: 'What would help you most from your supervisor on this goal?',
          minutes: 15,
          required: false,
        }),
        thing({
          title: 'Add evidence to your portfolio',
          body:
            'How will you know you have learned something? Evidence shows it: a file you made, a link to your ' +
            'work, a note of feedback you received.\n\n' +
            'Add one piece of evidence to a goal. It might be your first post, a log entry, or a document. Your ' +
            'portfolio gathers it, and you decide whether to share the portfolio.',
          task: 'Attach one piece of evidence to a goal.',
          prompt: 'What does this evidence show about your progress, and what is still missing?',
          minutes: 15,
          required: true,
        }),
        thing({
          title: 'Look back and plan what’s next',
          body:
            'You have tried eleven practices. Look back over your log, your posts and your plan: which ones will ' +
            'you keep, and which were not for you?\n\n' +
            'Update your goal with what you have learned so far, set the next milestone, and choose how often ' +
            'Waymark should ask you to check in.\n\n' +
            'Then write a last reflection for this programme: what you will carry on doing, and one thing you ' +
            'would like to learn next.',
          task: 'Update your goal, set your next milestone and choose a check-in rhythm.',
          prompt: 'Which of these practices will you keep, and what will you learn next?',
          minutes: 25,
          required: true,
          minWords: 50,
        }),
      ],
    },
  ],
} satisfies ProgrammeDocumentInput;
