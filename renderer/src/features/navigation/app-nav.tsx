/**
 * The app's top-level sections in the sidebar: My plans, Compare, Places, Help… The list is data
 * (an array of `AppView`), so a new section is one more entry where the shell builds the array.
 * A nav landmark of buttons; the open one carries aria-current="page"; Up/Down/Home/End move
 * between them.
 */
import type { KeyboardEvent, ReactNode } from 'react';
import './nav.css';

export interface AppView {
  id: string;
  label: string;
  /** What the section shows in the main area. */
  render: () => ReactNode;
  /** An icon of its own; else one of the built-in icons by id (or a plain dot). */
  icon?: ReactNode;
  /**
   * True if the section shows the plan picked in the sidebar (the planner, Places): picking a
   * plan then stays in the section. Otherwise picking a plan opens it in "My plans".
   */
  followsPlan?: boolean;
}

const stroke = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
};

const builtInIcons: Record<string, ReactNode> = {
  plans: (
    <>
      <path d="M4 17 L9 11 L13 14 L20 6" {...stroke} />
      <path d="M15 6 H20 V11" {...stroke} />
    </>
  ),
  compare: (
    <>
      <path d="M4 18 C9 17 12 10 20 7" {...stroke} />
      <path d="M4 14 C10 14 14 15 20 12" {...stroke} strokeDasharray="3 3" />
    </>
  ),
  places: (
    <>
      <path d="M12 21 C12 21 5 14.5 5 9.5 A7 7 0 0 1 19 9.5 C19 14.5 12 21 12 21 Z" {...stroke} />
      <circle cx="12" cy="9.5" r="2.5" {...stroke} />
    </>
  ),
  help: (
    <>
      <circle cx="12" cy="12" r="8.5" {...stroke} />
      <path d="M9.6 9.6 A2.5 2.5 0 1 1 12.8 12 C12.2 12.3 12 12.8 12 13.5" {...stroke} />
      <circle cx="12" cy="16.6" r="0.6" fill="currentColor" stroke="currentColor" />
    </>
  ),
};

function NavIcon({ view }: { view: AppView }) {
  return (
    <svg className="app-nav__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      {view.icon ?? builtInIcons[view.id] ?? <circle cx="12" cy="12" r="3" fill="currentColor" />}
    </svg>
  );
}

interface AppNavProps {
  views: readonly AppView[];
  current: string;
  onSelect: (id: string) => void;
}

export function AppNav({ views, current, onSelect }: AppNavProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('.app-nav__button'));
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const target =
      event.key === 'ArrowDown'
        ? buttons[(at + 1) % buttons.length]
        : event.key === 'ArrowUp'
          ? buttons[(at - 1 + buttons.length) % buttons.length]
          : event.key === 'Home'
            ? buttons[0]
            : event.key === 'End'
              ? buttons[buttons.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    target.focus();
  };
  return (
    <nav className="app-nav" aria-label="Sections">
      <ul className="app-nav__list" onKeyDown={onKeyDown}>
        {views.map((view) => {
          const active = view.id === current;
          return (
            <li key={view.id}>
              <button
                type="button"
                className={`app-nav__button${active ? ' is-current' : ''}`}
                aria-current={active ? 'page' : undefined}
                data-view={view.id}
                onClick={() => onSelect(view.id)}
              >
                <NavIcon view={view} />
                <span>{view.label}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
