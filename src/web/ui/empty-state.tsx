import type { ReactNode } from 'react';
import { type Illustration, illustrations } from './illustrations';

/**
 * What a page shows while it has nothing yet: a small drawing, what will be here, and the first step to take
 * (a link or button as `children`). The drawing is decoration; the words carry the meaning.
 */
export function EmptyState({
  illustration,
  title,
  headingLevel = 2,
  children,
}: {
  illustration: Illustration;
  title: string;
  headingLevel?: 2 | 3;
  children?: ReactNode;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="empty-state">
      {illustrations[illustration]}
      <Heading>{title}</Heading>
      {children}
    </div>
  );
}
