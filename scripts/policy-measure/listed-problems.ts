/**
 * The organisation's ignored settings as Priority Guard's options page lists them: key path
 * and the words components/problem-text.ts gave them (the report stores problems as data).
 * Run in the options page, with `page.evaluate(listedProblems)`: it must use nothing from outside.
 */
export function listedProblems(): { path: string; message: string }[] {
  return [...document.querySelectorAll<HTMLElement>('.pg-opt-problems li[data-source="policy"]')].map((li) => {
    const nodes = [...li.childNodes];
    const path = li.querySelector('code');
    const after = path ? nodes.slice(nodes.indexOf(path) + 1) : nodes;
    return { path: li.dataset.path ?? '', message: after.map((n) => n.textContent ?? '').join('').replace(/^:\s*/, '') };
  });
}

/** The options page has rendered its settings (and with them the list, if any). */
export const OPTIONS_RENDERED = 'fieldset[data-setting="plan"]';
