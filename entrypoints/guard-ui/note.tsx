import { render } from 'preact';
import { P1Note } from '../../components/P1Note';
import { definitionOf } from '../../lib/rules';
import type { P1Note as Note } from '../../lib/guard/ui';
import { createShadowHost, keepIntact } from './shadow-host';
import css from './guard.css?inline';

/**
 * The note by the priority field while P1 is selected. show() and hide() are idempotent.
 * A page script that rewords or restyles it gets it rebuilt (keepIntact).
 */
export function createP1Note(field: Element): Note {
  /** Renders the note as last shown (set by show()). */
  let draw = () => {};
  const place = () => {
    const shadow = createShadowHost(field.ownerDocument, 'priority-guard-note', css, { display: 'block' });
    const mount = field.ownerDocument.createElement('div');
    shadow.root.append(mount);
    field.after(shadow.host);
    const intact = keepIntact(shadow, () => {
      render(null, mount);
      mount.replaceChildren();
      shadow.root.append(mount);
      draw();
    });
    return { shadow, mount, intact };
  };
  let shown: ReturnType<typeof place> | null = null;
  return {
    show(definitions, asksBeforeSubmit) {
      shown ??= place();
      const { mount } = shown;
      draw = () => render(<P1Note p1={definitionOf(1, definitions)} asksBeforeSubmit={asksBeforeSubmit} />, mount);
      shown.intact.ours(draw);
    },
    hide() {
      if (!shown) return;
      shown.intact.stop();
      render(null, shown.mount);
      shown.shadow.remove();
      shown = null;
    },
  };
}
