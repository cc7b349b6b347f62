import type { ReactNode } from 'react';

// The app's one icon set: inline SVG in the text's colour, so an icon never turns into a box on a phone
// without an emoji font, and follows the 大字 switch (1.25em). Decorative unless given a label: the words
// next to it carry the meaning.

const dot = (x: number, y: number) => <circle cx={x} cy={y} r={1.6} fill="currentColor" stroke="none" />;

const SHAPES = {
  home: (
    <>
      <path d="M3 11l9-8 9 8" />
      <path d="M5 10v10h14V10" />
      <path d="M10 20v-6h4v6" />
    </>
  ),
  folder: <path d="M3 6h6l2 2h10v11H3z" />,
  chart: (
    <>
      <path d="M3 21h18" />
      <path d="M6 17v-5M11 17V6M16 17v-8M20 17v-3" />
    </>
  ),
  textSize: (
    <>
      <path d="M3 7V5h11v2M8.5 5v14M6.5 19h4" />
      <path d="M14 12h7M17.5 12v7M16 19h3" />
    </>
  ),
  camera: (
    <>
      <path d="M4 8h3l2-3h6l2 3h3v11H4z" />
      <circle cx={12} cy={13} r={3.5} />
    </>
  ),
  list: (
    <>
      <path d="M9 6h11M9 12h11M9 18h11" />
      {dot(4.5, 6)}
      {dot(4.5, 12)}
      {dot(4.5, 18)}
    </>
  ),
  ballot: (
    <>
      <path d="M4 13h16v8H4z" />
      <path d="M8 13V3h8v10" />
      <path d="M10 8l1.5 1.5L14.5 6.5" />
    </>
  ),
  people: (
    <>
      <circle cx={9} cy={8} r={3} />
      <path d="M3 20c0-3.5 2.7-6 6-6s6 2.5 6 6" />
      <circle cx={17} cy={9} r={2.5} />
      <path d="M16.5 14c2.8 0 4.5 2.2 4.5 5" />
    </>
  ),
  coins: (
    <>
      <ellipse cx={12} cy={6} rx={7} ry={3} />
      <path d="M5 6v6c0 1.7 3.1 3 7 3s7-1.3 7-3V6" />
      <path d="M5 12v6c0 1.7 3.1 3 7 3s7-1.3 7-3v-6" />
    </>
  ),
  gift: (
    <>
      <path d="M3 8h18v5H3zM5 13v8h14v-8M12 8v13" />
      <path d="M12 8C10 4 6.5 3.5 6.5 6S10 8 12 8c2 0 5.5-.5 5.5-2S14 4 12 8z" />
    </>
  ),
  more: (
    <>
      {dot(5, 12)}
      {dot(12, 12)}
      {dot(19, 12)}
    </>
  ),
  check: <path d="M4 12l5 5L20 6" />,
  checkCircle: (
    <>
      <circle cx={12} cy={12} r={9} />
      <path d="M8 12l3 3 5-6" />
    </>
  ),
  alert: (
    <>
      <path d="M12 3l10 18H2z" />
      <path d="M12 10v5" />
      {dot(12, 18)}
    </>
  ),
  info: (
    <>
      <circle cx={12} cy={12} r={9} />
      <path d="M12 11v6" />
      {dot(12, 7.5)}
    </>
  ),
  inbox: (
    <>
      <path d="M3 13l3-8h12l3 8v6H3z" />
      <path d="M3 13h5l1 2h6l1-2h5" />
    </>
  ),
  clipboard: (
    <>
      <path d="M8 3h8v3H8z" />
      <path d="M7 4.5H5V21h14V4.5h-2" />
      <path d="M9 12h6M9 16h6" />
    </>
  ),
  cross: <path d="M6 6l12 12M18 6L6 18" />,
  link: (
    <>
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
      <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
    </>
  ),
  truck: (
    <>
      <path d="M2 5h12v11H2zM14 9h4l3 4v3h-7" />
      <circle cx={6} cy={18} r={2} />
      <circle cx={17} cy={18} r={2} />
    </>
  ),
  wrench: <path d="M15 3a5 5 0 0 0-4.6 6.9L3 17.3 5.7 20l7.4-7.4A5 5 0 0 0 20.5 7.5l-3 3-3-1-1-3 3-3A5 5 0 0 0 15 3z" />,
  question: (
    <>
      <circle cx={12} cy={12} r={9} />
      <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7" />
      {dot(12, 17)}
    </>
  ),
  star: <path d="M12 3l2.8 5.8 6.2.9-4.5 4.4 1.1 6.2L12 17.3l-5.6 3 1.1-6.2L3 9.7l6.2-.9z" fill="currentColor" />,
  starEmpty: <path d="M12 3l2.8 5.8 6.2.9-4.5 4.4 1.1 6.2L12 17.3l-5.6 3 1.1-6.2L3 9.7l6.2-.9z" />,
  undo: (
    <>
      <path d="M9 14L4 9l5-5" />
      <path d="M4 9h10a6 6 0 0 1 0 12h-3" />
    </>
  ),
  repeat: (
    <>
      <path d="M17 2l3 3-3 3M4 11V9a4 4 0 0 1 4-4h12" />
      <path d="M7 22l-3-3 3-3M20 13v2a4 4 0 0 1-4 4H4" />
    </>
  ),
  clock: (
    <>
      <circle cx={12} cy={12} r={9} />
      <path d="M12 7v5l3 2" />
    </>
  ),
  hourglass: <path d="M6 3h12M6 21h12M7 3v3l5 6-5 6v3M17 3v3l-5 6 5 6v3" />,
  stop: (
    <>
      <path d="M8 3h8l5 5v8l-5 5H8l-5-5V8z" />
      <path d="M9 9l6 6M15 9l-6 6" />
    </>
  ),
  pin: (
    <>
      <path d="M12 21s7-6.2 7-12a7 7 0 0 0-14 0c0 5.8 7 12 7 12z" />
      <circle cx={12} cy={9} r={2.5} />
    </>
  ),
  locate: (
    <>
      <circle cx={12} cy={12} r={7} />
      <circle cx={12} cy={12} r={2} fill="currentColor" />
      <path d="M12 1v4M12 19v4M1 12h4M19 12h4" />
    </>
  ),
  outbox: (
    <>
      <path d="M12 15V3M7 8l5-5 5 5" />
      <path d="M4 14v6h16v-6" />
    </>
  ),
  back: <path d="M19 12H5M11 5l-7 7 7 7" />,
  pen: <path d="M4 20l4-1 11-11-3-3L5 16z" />,
  live: <circle cx={12} cy={12} r={5} fill="currentColor" />,
  thumbUp: (
    <>
      <path d="M7 10v11H3V10z" />
      <path d="M7 10l4-8c1.5 0 3 1 3 3v3h5a2 2 0 0 1 2 2.3l-1.4 8A2 2 0 0 1 17.6 20H7" />
    </>
  ),
  thumbDown: (
    <g transform="rotate(180 12 12)">
      <path d="M7 10v11H3V10z" />
      <path d="M7 10l4-8c1.5 0 3 1 3 3v3h5a2 2 0 0 1 2 2.3l-1.4 8A2 2 0 0 1 17.6 20H7" />
    </g>
  ),
  bell: (
    <>
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" />
      <path d="M10 21h4" />
    </>
  ),
} satisfies Record<string, ReactNode>;

export type IconName = keyof typeof SHAPES;

/** An icon; decorative (hidden from screen readers) unless `label` says what it means on its own. */
export function Icon({ name, label, className }: { name: IconName; label?: string; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      width="1.25em"
      height="1.25em"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      focusable="false"
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      {SHAPES[name]}
    </svg>
  );
}

/** Score out of five as stars (the words beside it tell the number). */
export function Stars({ score, of = 5 }: { score: number; of?: number }) {
  return (
    <span className="stars" aria-hidden="true">
      {Array.from({ length: of }, (_, i) => (
        <Icon key={i} name={i < score ? 'star' : 'starEmpty'} />
      ))}
    </span>
  );
}
