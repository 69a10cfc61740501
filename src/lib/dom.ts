/** An attribute's value: a string is set as is, true sets it empty, false or undefined leaves it out. */
export type AttributeValue = string | number | boolean | undefined;

/**
 * One element with its attributes and children, for the editor's plain node views (built
 * without React so a long story's photos and read-also blocks cost only their DOM to draw).
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, AttributeValue> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) setAttribute(created, name, value);
  created.append(...children);
  return created;
}

/** Sets, empties or removes an attribute, as `element` reads its attributes. */
export function setAttribute(target: Element, name: string, value: AttributeValue): void {
  if (value === undefined || value === false) target.removeAttribute(name);
  else target.setAttribute(name, value === true ? '' : String(value));
}

/** An SVG icon drawn from path data, hidden from assistive technology (its button has the name). */
export function icon(paths: readonly string[], size = 16): SVGSVGElement {
  const namespace = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(namespace, 'svg');
  const attributes: Record<string, string> = {
    width: String(size),
    height: String(size),
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
  };
  for (const [name, value] of Object.entries(attributes)) svg.setAttribute(name, value);
  for (const d of paths) {
    const path = document.createElementNS(namespace, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}
