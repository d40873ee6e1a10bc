/**
 * An element of our own with an open shadow root, styled from inside, that page CSS can
 * neither break nor be broken by. Its inline !important styles outrank the page's rules.
 */
export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
  remove(): void;
}

/** Every host this UI made: events coming from them are the guard's own, never the page's. */
const ownHosts = new WeakSet<EventTarget>();

export function isOwnHost(target: EventTarget): boolean {
  return ownHosts.has(target);
}

export function createShadowHost(doc: Document, tag: string, css: string, hostStyle: Record<string, string>): ShadowHost {
  const host = doc.createElement(tag);
  ownHosts.add(host);
  for (const [property, value] of Object.entries({ all: 'initial', ...hostStyle })) {
    host.style.setProperty(property, value, 'important');
  }
  // Firefox expands `all` into spacing longhands; leave those to user style sheets (WCAG 1.4.12).
  host.style.setProperty('letter-spacing', 'normal');
  host.style.setProperty('word-spacing', 'normal');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root, remove: () => host.remove() };
}
