/**
 * Sets an attribute only when its value changes. Writing the same value is not free: the browser
 * still restyles the element and repaints what it covers (for a clip path's rectangle, everything
 * the clip applies to).
 */
export function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
