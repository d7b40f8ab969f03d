/**
 * Keeps what the visitor focuses on the page from hiding behind a non-modal view
 * (WCAG 2.2 SC 2.4.11): while `overlay` is shown, the page's scroll padding at the bottom
 * equals the height it covers, so the browser scrolls a newly focused element above it.
 * Scroll padding moves nothing by itself: the page's layout does not shift. Returns the
 * function that stops and restores the page's own value.
 */
export function keepFocusInSight(overlay: HTMLElement): () => void {
  const { style } = document.documentElement;
  const own = style.scrollPaddingBottom;
  // offsetTop, not the bounding box: the entrance animation's transform must not count.
  const update = () => (style.scrollPaddingBottom = `${Math.max(0, innerHeight - overlay.offsetTop)}px`);
  const observer = new ResizeObserver(update);
  observer.observe(overlay);
  addEventListener('resize', update);
  return () => {
    observer.disconnect();
    removeEventListener('resize', update);
    style.scrollPaddingBottom = own;
  };
}
