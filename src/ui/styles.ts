/**
 * Marks a template as CSS (for editors) and returns it as written. Styles are adopted as a
 * constructed stylesheet rather than through Lit's \`css\` (0.5 KB gzip for a fallback to
 * \`<style>\` elements, which a strict \`style-src\` policy would block anyway); the loader's
 * reopen button does the same.
 */
export const css = String.raw;

/** One stylesheet from these parts, built once and shared by every shadow root that adopts it. */
export function styleSheet(...parts: string[]): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(parts.join(''));
  return sheet;
}

/**
 * The theme: every `--kelisim-*` custom property a page may set, read once into private
 * `--_*` properties with the defaults. The dark scheme changes only the defaults, so a
 * page's own colours win in both schemes. Defaults meet WCAG AA in both: text ≥ 4.5:1 on
 * its background (#111827 on #fff 17.7:1, #f9fafb on #111827 16.9:1, #fff on #1d4ed8
 * 6.7:1, #111827 on #93c5fd 9.8:1) and the focus ring and borders ≥ 3:1. The loader's
 * reopen button reads the same properties, so one theme styles both.
 *
 * No font is downloaded: the text is in the page's own font unless `--kelisim-font` says
 * otherwise.
 */
export const tokens = css`
  :host {
    display: contents;
    --_bg: var(--kelisim-bg, #fff);
    --_fg: var(--kelisim-fg, #111827);
    --_accent: var(--kelisim-accent, #1d4ed8);
    --_on-accent: var(--kelisim-accent-fg, #fff);
    --_border: var(--kelisim-border, #6b7280);
    --_focus: var(--kelisim-focus, #1d4ed8);
    --_radius: var(--kelisim-radius, 8px);
    --_space: var(--kelisim-space, 1rem);
    --_z: var(--kelisim-z-index, 2147483000);
    --_shadow: var(--kelisim-shadow, 0 2px 16px #0004);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_bg: var(--kelisim-bg, #111827);
      --_fg: var(--kelisim-fg, #f9fafb);
      --_accent: var(--kelisim-accent, #93c5fd);
      --_on-accent: var(--kelisim-accent-fg, #111827);
      --_border: var(--kelisim-border, #9ca3af);
      --_focus: var(--kelisim-focus, #93c5fd);
    }
  }
`;

/**
 * What every view shares: the overlay (position: fixed, so the page never moves), the
 * panel of the dialogs, the header (the title, the short language switch and the close
 * button on one row, the title wrapping first), the focus ring, and the actions: one size and one style,
 * kept in sight (sticky) while the text above them scrolls, because on a phone the summary
 * is taller than the screen and reject must stay as visible as accept.
 */
export const base = css`
  .overlay,
  .panel {
    box-sizing: border-box;
    overflow: auto;
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: var(--_shadow);
    font-family: var(--kelisim-font);
    font-size: var(--kelisim-font-size, 1rem);
    line-height: 1.5;
    color-scheme: light dark;
    overscroll-behavior: contain;
  }
  .overlay {
    position: fixed;
    /* Above the loader's reopen control (same stacking order, later in the page): a view
       that is open has its own way to the settings, and must not lose a corner to it. */
    z-index: calc(var(--_z) + 1);
  }
  .box {
    bottom: var(--_space);
    inset-inline-end: var(--_space);
    width: min(28rem, calc(100% - 2 * var(--_space)));
    /* With the space below it, never more than 70 % of the viewport from the bottom (SPEC §9). */
    max-height: calc(70% - var(--_space));
    border-radius: var(--_radius);
  }
  .panel {
    width: min(40rem, calc(100% - 2 * var(--_space)));
    max-width: none;
    max-height: calc(100% - 2 * var(--_space));
    margin: auto;
    border-radius: var(--_radius);
  }
  .panel::backdrop {
    background: #000a;
  }
  /* The banner and the notice rise into place but are opaque from their first frame: shown
     is shown, for the visitor and for a paint metric alike (a fade from 0 kept the banner
     invisible for frames the page's own work could stretch to 100 ms and more). A dialog
     the visitor opened may fade in. */
  @media (prefers-reduced-motion: no-preference) {
    .overlay {
      animation: kelisim-rise 0.2s ease-out;
    }
    .panel[open] {
      animation:
        kelisim-rise 0.2s ease-out,
        kelisim-fade 0.2s ease-out;
    }
  }
  @keyframes kelisim-rise {
    from {
      transform: translateY(0.5rem);
    }
  }
  @keyframes kelisim-fade {
    from {
      opacity: 0;
    }
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
  }
  h2 {
    flex: 1 1 10rem;
    margin: 0;
    font-size: 1.125em;
    line-height: 1.3;
  }
  h3 {
    margin: var(--_space) 0 0;
    font-size: 1em;
  }
  p,
  ul {
    margin: 0.5em 0 0;
  }
  a {
    color: inherit;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .languages {
    display: flex;
    flex-wrap: wrap;
  }
  .closable {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0 0.5rem;
  }
  .closable .languages {
    grid-row: 2;
  }
  @media (min-width: 30.01rem) {
    .closable {
      grid-template-columns: 1fr auto auto;
    }
    .closable .languages {
      grid-row: auto;
    }
  }
  .languages button,
  .close {
    min-width: 2.75rem;
    min-height: 2.75rem;
    padding: 0 0.5em;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: none;
  }
  .languages [aria-pressed='true'] {
    border-color: var(--_border);
    font-weight: 600;
  }
  .close {
    font-size: 1.5em;
    line-height: 1;
  }
  .message {
    padding: 0.5em;
    border-inline-start: 4px solid var(--_accent);
  }
  .actions,
  .buttons {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    gap: 0.5rem;
  }
  .actions {
    position: sticky;
    bottom: calc(-1 * var(--_space));
    margin-top: 0.5rem;
    padding-block: 0.5rem var(--_space);
    margin-bottom: calc(-1 * var(--_space));
    background: var(--_bg);
  }
  .box .actions,
  .box .buttons {
    grid-template-columns: 1fr;
  }
  .actions button {
    min-height: 2.75rem;
    padding: 0.5em 1em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
`;
