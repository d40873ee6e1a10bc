import { render } from 'preact';
import { P1Note } from '../../components/P1Note';
import { definitionOf } from '../../lib/rules';
import type { P1Note as Note } from '../../lib/guard/ui';
import { createShadowHost, type ShadowHost } from './shadow-host';
import css from './guard.css?inline';

/** The note by the priority field while P1 is selected. show() and hide() are idempotent. */
export function createP1Note(field: Element): Note {
  let shadow: ShadowHost | null = null;
  let mount: HTMLElement | null = null;
  return {
    show(definitions, asksBeforeSubmit) {
      if (!shadow || !mount) {
        shadow = createShadowHost(field.ownerDocument, 'priority-guard-note', css, { display: 'block' });
        mount = field.ownerDocument.createElement('div');
        shadow.root.append(mount);
        field.after(shadow.host);
      }
      render(<P1Note p1={definitionOf(1, definitions)} asksBeforeSubmit={asksBeforeSubmit} />, mount);
    },
    hide() {
      if (!shadow || !mount) return;
      render(null, mount);
      shadow.remove();
      shadow = null;
      mount = null;
    },
  };
}
