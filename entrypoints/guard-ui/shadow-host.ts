/**
 * An element of our own with an open shadow root, styled from inside, that page CSS can
 * neither break nor be broken by. Its inline !important styles outrank the page's rules.
 */
export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
  remove(): void;
  /** Puts the host and the root back as created: our style only, no other attribute, no content. */
  reset(): void;
}

/** Every host this UI made: events coming from them are the guard's own, never the page's. */
const ownHosts = new WeakSet<EventTarget>();

export function isOwnHost(target: EventTarget): boolean {
  return ownHosts.has(target);
}

export function createShadowHost(doc: Document, tag: string, css: string, hostStyle: Record<string, string>): ShadowHost {
  const host = doc.createElement(tag);
  ownHosts.add(host);
  const styleHost = () => {
    for (const [property, value] of Object.entries({ all: 'initial', ...hostStyle })) {
      host.style.setProperty(property, value, 'important');
    }
    // Firefox expands `all` into spacing longhands; leave those to user style sheets (WCAG 1.4.12).
    host.style.setProperty('letter-spacing', 'normal');
    host.style.setProperty('word-spacing', 'normal');
  };
  styleHost();
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return {
    host,
    root,
    remove: () => host.remove(),
    reset() {
      for (const name of host.getAttributeNames()) host.removeAttribute(name);
      styleHost();
      if (root.adoptedStyleSheets?.length) root.adoptedStyleSheets = [];
      for (const name of style.getAttributeNames()) style.removeAttribute(name);
      style.textContent = css;
      root.replaceChildren(style);
    },
  };
}

/** Keeps a shadow host as the guard made it (see keepIntact). */
export interface Intact {
  /** Runs the guard's own changes to the UI: they are not taken for the page's. */
  ours<T>(change: () => T): T;
  /** Looks for changes a mutation record cannot show (adopted style sheets). */
  check(): void;
  stop(): void;
}

/**
 * The shadow root is open (the end-to-end tests reach into it), so a page script could
 * reword or restyle what the guard shows. This undoes that: any change to the shadow tree,
 * the host's attributes or the root's adopted style sheets that the guard did not make
 * itself resets the host and rebuilds the UI from the guard's own state, within a microtask
 * (before the user can act on it).
 */
export function keepIntact(shadow: ShadowHost, rebuild: () => void): Intact {
  const observer = new MutationObserver(() => restore());
  const watch = () => {
    observer.observe(shadow.root, { subtree: true, childList: true, attributes: true, characterData: true });
    observer.observe(shadow.host, { attributes: true });
  };
  function restore() {
    observer.disconnect();
    try {
      shadow.reset();
      rebuild();
    } finally {
      observer.takeRecords();
      watch();
    }
  }
  watch();
  return {
    ours(change) {
      const tampered = observer.takeRecords().length > 0;
      try {
        return change();
      } finally {
        observer.takeRecords();
        if (tampered) restore();
      }
    },
    check() {
      if (shadow.root.adoptedStyleSheets?.length) restore();
    },
    stop: () => observer.disconnect(),
  };
}
