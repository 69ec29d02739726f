/**
 * The top of a card: its heading (the card's section is labelled by `headingId`), a short line
 * on what the card shows, and optionally controls at the end of the row (a toggle, a button).
 */
import type { ReactNode } from 'react';

interface CardHeaderProps {
  headingId: string;
  title: ReactNode;
  subtitle?: ReactNode;
  /** h2 for a screen's own cards; h3 for cards inside a part of the screen that has its h2. */
  level?: 2 | 3;
  className?: string;
  /** Controls shown beside the heading. */
  children?: ReactNode;
}

export function CardHeader({ headingId, title, subtitle, level = 2, className, children }: CardHeaderProps) {
  const Heading = level === 3 ? 'h3' : 'h2';
  const text = (
    <>
      <Heading id={headingId} className="card__title">
        {title}
      </Heading>
      {subtitle !== undefined && <p className="card__subtitle">{subtitle}</p>}
    </>
  );
  const classes = (base: string) => (className ? `${base} ${className}` : base);
  if (children === undefined) return <header className={classes('card__header')}>{text}</header>;
  return (
    <header className={classes('card__header card__header--row')}>
      <div>{text}</div>
      {children}
    </header>
  );
}
