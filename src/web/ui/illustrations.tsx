/*
 * Small line drawings for empty states (empty-state.tsx), inline so they need no request and follow the theme:
 * strokes in the brand colour, fills in its wash (ui/ui.css, .illustration). Each about 1 kB.
 */
const svg = (children: React.ReactNode) => (
  <svg className="illustration" viewBox="0 0 120 80" width="120" height="80" aria-hidden="true" focusable="false">
    {children}
  </svg>
);

export const illustrations = {
  /** A path up a hill to a flag: a plan not started yet. */
  plan: svg(
    <>
      <path className="fill" d="M4 74 C30 40 52 62 72 36 C84 22 100 26 116 14 L116 74 Z" />
      <path className="line" d="M10 72 C28 60 40 66 52 54 S74 40 84 30" strokeDasharray="4 5" />
      <path className="line" d="M84 30 V8" />
      <path className="accent" d="M84 8 L100 13 L84 18 Z" />
      <circle className="line" cx="10" cy="72" r="3" />
    </>,
  ),
  /** An open notebook with a pencil: nothing logged yet. */
  notes: svg(
    <>
      <path className="fill" d="M18 16 H58 V70 H18 Z M62 16 H102 V70 H62 Z" />
      <path
        className="line"
        d="M60 18 C50 12 30 12 18 16 V70 C30 66 50 66 60 72 C70 66 90 66 102 70 V16 C90 12 70 12 60 18 Z M60 18 V72"
      />
      <path className="line" d="M27 30 H50 M27 40 H50 M27 50 H44 M70 30 H92 M70 40 H86" />
      <path className="accent" d="M96 52 L110 38 L114 42 L100 56 L94 58 Z" />
    </>,
  ),
  /** Three people around a speech bubble: no posts or colleagues yet. */
  people: svg(
    <>
      <path
        className="fill"
        d="M42 8 H96 a6 6 0 0 1 6 6 V34 a6 6 0 0 1 -6 6 H62 L52 48 V40 H42 a6 6 0 0 1 -6 -6 V14 a6 6 0 0 1 6 -6 Z"
      />
      <path className="line" d="M50 20 H88 M50 28 H76" />
      <circle className="line" cx="24" cy="52" r="8" />
      <path className="line" d="M10 76 a14 12 0 0 1 28 0" />
      <circle className="accent" cx="60" cy="58" r="7" />
      <path className="line" d="M48 78 a12 10 0 0 1 24 0" />
      <circle className="line" cx="96" cy="54" r="8" />
      <path className="line" d="M82 78 a14 12 0 0 1 28 0" />
    </>,
  ),
  /** An empty tray with a tick: nothing waiting for you. */
  inbox: svg(
    <>
      <path className="fill" d="M20 44 H44 L50 54 H70 L76 44 H100 V70 H20 Z" />
      <path className="line" d="M20 44 L32 16 H88 L100 44 V70 H20 Z M20 44 H44 L50 54 H70 L76 44 H100" />
      <path className="accent-line" d="M48 30 L56 37 L72 22" />
    </>,
  ),
} satisfies Record<string, React.ReactNode>;

export type Illustration = keyof typeof illustrations;
