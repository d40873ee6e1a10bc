// Reading chrome://policy as an admin sees it. The page is built from custom elements with
// shadow roots, so document.body.innerText is empty: these functions walk the composed tree.
// They run in the page (page.evaluate serialises them): keep them self-contained.

/** One row of the extension's table on chrome://policy: the row's visible text, in order. */
export interface PolicyRow {
  name: string;
  /** Every visible text of the row after the name: value, source, scope, level, status, messages. */
  cells: string[];
}

export interface PolicySection {
  /** False while the page has no table for the extension at all. */
  present: boolean;
  /** The table's own text when it has no rows ("No policies set"). */
  empty: string | null;
  rows: PolicyRow[];
}

/** The table whose header names `extensionId`, read in the page. */
export function readPolicySection(extensionId: string): PolicySection {
  const visible = (el: Element) => (el as HTMLElement).checkVisibility?.() ?? true;
  const texts = (root: Node): string[] => {
    const out: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const t = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (t) out.push(t);
        return;
      }
      if (node instanceof Element) {
        if (['STYLE', 'SCRIPT', 'TEMPLATE'].includes(node.tagName) || !visible(node)) return;
        if (node instanceof HTMLSlotElement) {
          node.assignedNodes({ flatten: true }).forEach(walk);
          return;
        }
        if (node.shadowRoot) {
          node.shadowRoot.childNodes.forEach(walk);
          return;
        }
      }
      node.childNodes.forEach(walk);
    };
    walk(root);
    return out;
  };
  const all = (root: Document | ShadowRoot | Element, selector: string): Element[] => {
    const found: Element[] = [];
    const visit = (r: Document | ShadowRoot | Element) => {
      if (r instanceof Element && r.shadowRoot) visit(r.shadowRoot);
      found.push(...r.querySelectorAll(selector));
      for (const el of r.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(root);
    return found;
  };
  const table = all(document, 'policy-table').find((t) => texts(t).includes(extensionId));
  if (!table) return { present: false, empty: null, rows: [] };
  const rows = all(table, 'policy-row')
    .filter(visible)
    .map((row) => {
      const [name = '', ...cells] = texts(row);
      return { name, cells };
    });
  const own = texts(table);
  return { present: true, empty: rows.length === 0 ? (own.at(-1) ?? null) : null, rows };
}

/** Ticks "Show policies with no value set" (unticked by default). */
export function showUnset(): boolean {
  const find = (root: Document | ShadowRoot): HTMLElement | null => {
    const hit = root.querySelector<HTMLElement>('#show-unset');
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        const inner = find(el.shadowRoot);
        if (inner) return inner;
      }
    }
    return null;
  };
  const box = find(document) as (HTMLElement & { checked?: boolean }) | null;
  if (!box) return false;
  if (!box.checked) box.click();
  return true;
}

/** A row in a few words: `plan: Not set.` / `guardMode: note · Platform · Machine · Mandatory · OK`. */
export function rowText(row: PolicyRow): string {
  return `${row.name}: ${row.cells.join(' · ')}`;
}

export function sectionText(section: PolicySection): string {
  if (!section.present) return '(no Priority Guard table)';
  if (section.rows.length === 0) return section.empty ?? '(empty)';
  return section.rows.map(rowText).join(' / ');
}
