/**
 * A modal dialog on the native `<dialog>` element: the browser makes the page behind it inert
 * and closes it on Escape (the `cancel` event), so keyboard users get the expected behaviour
 * without a framework. Tab and Shift+Tab wrap around inside it (see `keepTabInside`).
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

/** Focusable by Tab: what the browser would stop on, in document order. */
function tabStops(root: HTMLElement): HTMLElement[] {
  const candidates = root.querySelectorAll<HTMLElement>(
    'a[href], button, input, select, textarea, summary, [tabindex]',
  );
  const checkedRadio = new Set<string>();
  for (const el of candidates) {
    if (el instanceof HTMLInputElement && el.type === 'radio' && el.checked) checkedRadio.add(el.name);
  }
  const firstRadio = new Set<string>();
  return Array.from(candidates).filter((el) => {
    if (el.tabIndex < 0 || el.matches(':disabled') || !el.checkVisibility()) return false;
    // A radio group is one stop: its checked radio, or its first one when none is checked.
    if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
      if (checkedRadio.has(el.name)) return el.checked;
      if (firstRadio.has(el.name)) return false;
      firstRadio.add(el.name);
    }
    return true;
  });
}

/**
 * Chromium lets Tab leave a modal dialog after its last control, for the browser's own toolbar;
 * in our window there is none, so focus would land on the bare page behind the dialog. Wrap
 * from the last stop to the first, and back with Shift+Tab, so focus stays in the dialog.
 */
function keepTabInside(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
  const stops = tabStops(event.currentTarget);
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  const outside = !event.currentTarget.contains(active) || active === event.currentTarget;
  if (event.shiftKey && (active === first || outside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || outside)) {
    event.preventDefault();
    first.focus();
  }
}

interface DialogProps {
  open: boolean;
  title: string;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** Buttons shown at the bottom, right-aligned. */
  actions?: ReactNode;
  /** Called on submit (Enter in a field or the submit button). */
  onSubmit?: () => void;
  size?: 'small' | 'medium';
}

export function Dialog({
  open,
  title,
  description,
  onClose,
  children,
  actions,
  onSubmit,
  size = 'small',
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const opener = document.activeElement as HTMLElement | null;
      dialog.showModal();
      return () => {
        // Give focus back to whatever opened the dialog, as long as it is still on the page.
        if (opener && document.contains(opener)) opener.focus();
      };
    }
    if (!open && dialog.open) dialog.close();
    return undefined;
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    return () => {
      if (dialog.open) dialog.close();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onKeyDown={keepTabInside}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClose={() => {
        if (open) onClose();
      }}
    >
      {open && (
        <form
          method="dialog"
          className="dialog__form"
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit?.();
          }}
        >
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {description && (
            <div id={descriptionId} className="dialog__description">
              {description}
            </div>
          )}
          <div className="dialog__body">{children}</div>
          {actions && <div className="dialog__actions">{actions}</div>}
        </form>
      )}
    </dialog>
  );
}
