import type { ComponentChildren } from 'preact';

export interface ViewTab<V extends string> {
  id: V;
  label: string;
}

interface Props<V extends string> {
  tabs: readonly ViewTab<V>[];
  selected: V;
  onSelect(view: V): void;
  /** Name of the tab list, for assistive technology. */
  label: string;
  /** The selected view's content; the other panels are rendered empty and hidden. */
  children: ComponentChildren;
}

export const tabId = (view: string) => `pg-tab-${view}`;
export const panelId = (view: string) => `pg-panel-${view}`;

/**
 * ARIA tabs: a tablist of buttons with roving tabindex. Left/Right (and Home/End) move
 * between tabs and select them at once (automatic activation).
 */
export function ViewTabs<V extends string>({ tabs, selected, onSelect, label, children }: Props<V>) {
  const onKeyDown = (event: KeyboardEvent) => {
    const from = tabs.findIndex((t) => tabId(t.id) === (event.target as HTMLElement).id);
    const index = from >= 0 ? from : tabs.findIndex((t) => t.id === selected);
    let next: number;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else return;
    event.preventDefault();
    const view = tabs[next]!.id;
    onSelect(view);
    const list = event.currentTarget as HTMLElement;
    // The button exists already: focus it now so the key press feels immediate.
    list.querySelector<HTMLElement>(`#${tabId(view)}`)?.focus();
  };
  return (
    <>
      {tabs.length > 1 && (
        <div class="pg-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
          {tabs.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={tabId(t.id)}
              class="pg-tab"
              aria-selected={t.id === selected}
              aria-controls={panelId(t.id)}
              tabIndex={t.id === selected ? 0 : -1}
              onClick={() => onSelect(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
      )}
      {tabs.map((t) => (
        <section
          key={t.id}
          id={panelId(t.id)}
          class="pg-panel"
          role={tabs.length > 1 ? 'tabpanel' : undefined}
          aria-labelledby={tabs.length > 1 ? tabId(t.id) : undefined}
          aria-label={tabs.length > 1 ? undefined : t.label}
          hidden={t.id !== selected}
        >
          {t.id === selected && children}
        </section>
      ))}
    </>
  );
}
