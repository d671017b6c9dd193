/**
 * Tabs as the WAI-ARIA tabs pattern has them: one tab in the tab order,
 * the arrow keys (and Home, End) move between tabs and select the one
 * reached, each tab shows its own panel.
 */

/** Sets up the tabs of `list`; `onSelect` hears the id of each tab selected. */
export function setUpTabs(list: HTMLElement, onSelect: (tabId: string) => void): { select(tabId: string): void; selected(): string } {
  const tabs = [...list.querySelectorAll<HTMLElement>('[role="tab"]')];
  const select = (tab: HTMLElement, focus: boolean) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(t.getAttribute('aria-controls') ?? '');
      if (panel !== null) panel.hidden = !on;
    }
    if (focus) tab.focus();
    onSelect(tab.id);
  };
  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (ev) => {
      const i = tabs.indexOf(tab);
      const to =
        ev.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : ev.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length] : ev.key === 'Home' ? tabs[0] : ev.key === 'End' ? tabs[tabs.length - 1] : undefined;
      if (to === undefined) return;
      ev.preventDefault();
      select(to, true);
    });
  }
  return {
    select(tabId) {
      const tab = tabs.find((t) => t.id === tabId);
      if (tab !== undefined) select(tab, false);
    },
    selected: () => tabs.find((t) => t.getAttribute('aria-selected') === 'true')?.id ?? '',
  };
}
