/**
 * Opening the Sources screen at one source from anywhere a figure is cited. The shell provides
 * the function; a figure's source note shows "See in Sources" when it is there.
 */
import { createContext, useContext } from 'react';

export type OpenSource = (sourceId: string) => void;

export const SourceLinkContext = createContext<OpenSource | null>(null);

/** The function that opens the Sources screen at a source, or null outside the app shell. */
export function useOpenSource(): OpenSource | null {
  return useContext(SourceLinkContext);
}

/** "See in Sources" for one source; nothing when there is no source or no Sources screen. */
export function SeeSourceButton({
  sourceId,
  label = 'See in Sources',
}: {
  sourceId: string | null | undefined;
  label?: string;
}) {
  const open = useOpenSource();
  if (!open || !sourceId) return null;
  return (
    <button
      type="button"
      className="button button--link button--small see-source"
      onClick={() => open(sourceId)}
    >
      {label}
      <span aria-hidden="true"> →</span>
    </button>
  );
}
