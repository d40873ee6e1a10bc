/** Small DOM helpers shared by the adapters. They only touch the nodes they are given. */

export type QueryRoot = Document | ShadowRoot | Element;

/** querySelectorAll that also looks inside open shadow roots, in document order. */
export function deepQueryAll<T extends Element = Element>(root: QueryRoot, selector: string): T[] {
  const found: T[] = [];
  const visit = (node: QueryRoot) => {
    for (const el of node.querySelectorAll<Element>('*')) {
      if (el.matches(selector)) found.push(el as T);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if ('shadowRoot' in root && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

/** Every open shadow root below root (not root itself). */
export function openShadowRoots(root: QueryRoot): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) roots.push(el.shadowRoot, ...openShadowRoots(el.shadowRoot));
  }
  return roots;
}

/** Visible text with white space folded. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The element's id-referenced nodes, looked up in its own tree (document or shadow root). */
export function byIdRefs(el: Element, attribute: string): Element[] {
  const root = el.getRootNode() as Document | ShadowRoot;
  return (el.getAttribute(attribute) ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root.getElementById?.(id) ?? null)
    .filter((x): x is HTMLElement => x !== null);
}

/**
 * The <label>s of a form control in a document or a shadow root (the guard looks at no
 * other), as `el.labels` lists them, without asking for `labels`: in Firefox that live list
 * is kept on the element and told of every DOM change in the document for as long as the
 * element lives (docs/performance.md, row 6).
 */
export function labelsOf(el: Element): HTMLLabelElement[] {
  const root = el.getRootNode() as ParentNode;
  if (typeof root.querySelectorAll !== 'function') return [];
  return [...root.querySelectorAll<HTMLLabelElement>('label')].filter((label) => label.control === el);
}

/** Sets a form control's value through the prototype's setter, as frameworks expect. */
export function setNativeValue(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string) {
  const proto = Object.getPrototypeOf(el) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
}

export function fire(el: EventTarget, type: 'input' | 'change') {
  el.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
}

/** Resolves on the next animation frame (or after 50 ms where frames do not run). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Polls `check` once a frame until it returns a value or `timeoutMs` passes. */
export async function waitFor<T>(check: () => T | null | undefined, timeoutMs = 600): Promise<T | null> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) return null;
    await nextFrame();
  }
}

/** The closest ancestor matching selector, crossing shadow boundaries. */
export function closestDeep(el: Element, selector: string): Element | null {
  let node: Element | null = el;
  while (node) {
    const hit: Element | null = node.closest(selector);
    if (hit) return hit;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/** Whether `inner` is `outer` or inside it, across shadow roots. */
export function containsDeep(outer: Element, inner: Node): boolean {
  let node: Node | null = inner;
  while (node) {
    if (outer.contains(node)) return true;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}
