/**
 * Keyboard-only e2e helpers: what has focus (its role and accessible name as Chromium computes
 * them for screen readers), whether it shows a focus indicator, and Tab until something matches.
 * Nothing here clicks or moves focus itself; it only reads the page and presses keys.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface Focused {
  /** Chromium's accessibility role, e.g. "button", "combobox", "textbox". */
  role: string;
  /** The accessible name, as a screen reader would read it. */
  name: string;
  tag: string;
  /** The text of the open dialog's title, if focus is inside a dialog. */
  dialog: string | null;
  /**
   * How focus shows, e.g. "box-shadow: …" or "outline: …", or null when the focused element
   * looks exactly as it does unfocused (or has neither an outline nor a box-shadow).
   */
  indicator: string | null;
}

const sessions = new WeakMap<Page, CDPSession>();

async function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/** The focused element, as assistive technology and the eye see it. */
export async function focused(page: Page): Promise<Focused> {
  const session = await cdp(page);
  const { result } = await session.send('Runtime.evaluate', { expression: 'document.activeElement' });
  let role = 'none';
  let name = '';
  if (result.objectId) {
    const { nodes } = await session.send('Accessibility.getPartialAXTree', {
      objectId: result.objectId,
      fetchRelatives: false,
    });
    role = String(nodes[0]?.role?.value ?? 'none');
    name = String(nodes[0]?.name?.value ?? '').trim();
    await session.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  const look = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body)
      return { tag: el?.tagName.toLowerCase() ?? '', dialog: null, indicator: null };
    const dialog = el.closest('dialog');
    const dialogTitle = dialog?.getAttribute('aria-labelledby');
    const title = dialogTitle ? (document.getElementById(dialogTitle)?.textContent ?? '') : null;
    const ring = (style: CSSStyleDeclaration) => ({
      outline:
        style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
          ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`
          : 'none',
      'box-shadow': style.boxShadow,
    });
    const now = ring(getComputedStyle(el));
    // The same element unfocused: a shallow copy beside it, with the same classes and
    // attributes. A state style (the current section, a pressed button) may draw a
    // box-shadow of its own; only a difference from that is a focus indicator. The copy
    // loses its name first, so a copied radio cannot uncheck the real one.
    const copy = el.cloneNode(false) as HTMLElement;
    copy.removeAttribute('name');
    copy.removeAttribute('autofocus');
    copy.setAttribute('aria-hidden', 'true');
    copy.inert = true;
    el.after(copy);
    const before = ring(getComputedStyle(copy));
    copy.remove();
    const shown = (Object.keys(now) as Array<keyof typeof now>).filter(
      (key) => now[key] !== 'none' && now[key] !== before[key],
    );
    return {
      tag: el.tagName.toLowerCase(),
      dialog: title,
      indicator: shown.length ? shown.map((key) => `${key}: ${now[key]}`).join('; ') : null,
    };
  });
  return { role, name, ...look };
}

/** "button “New plan”" — for failure messages. */
export function describeFocus(f: Focused): string {
  return `${f.role} “${f.name}” <${f.tag}>${f.dialog ? ` in the dialog “${f.dialog}”` : ''}`;
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, and returns it. Fails after
 * `limit` presses, listing where focus went, so an unreachable control is easy to see.
 */
export async function tabTo(
  page: Page,
  matches: (f: Focused) => boolean,
  options: { backwards?: boolean; limit?: number } = {},
): Promise<Focused> {
  const limit = options.limit ?? 60;
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (matches(now)) return now;
    seen.push(describeFocus(now));
  }
  throw new Error(
    `${options.backwards ? 'Shift+Tab' : 'Tab'} never reached the control. Focus went to:\n${seen.join('\n')}`,
  );
}

/** Matches a focused control by role and name (a string is the whole name, any case). */
export function control(role: string, name: string | RegExp): (f: Focused) => boolean {
  return (f) =>
    f.role === role &&
    (typeof name === 'string' ? f.name.toLowerCase() === name.toLowerCase() : name.test(f.name));
}
