/**
 * The texts a view shows, in display order: every non-blank text node under it. Read from
 * the rendered DOM rather than listed beside the template, so the receipt's `textsHash`
 * (SPEC §8) covers exactly what was on screen, overrides and filled placeholders included.
 */
export function shownTexts(root: Node): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.nodeValue!.trim();
    if (text) texts.push(text);
  }
  return texts;
}
