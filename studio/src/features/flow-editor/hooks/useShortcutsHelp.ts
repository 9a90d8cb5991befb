import { create } from 'zustand';

type ShortcutsHelpState = { open: boolean; toggle(): void; close(): void };

/** Whether the shortcut list is showing: the toolbar's "?" button and the "?" key share it. */
export const useShortcutsHelp = create<ShortcutsHelpState>()((set) => ({
  open: false,
  toggle: () => set((state) => ({ open: !state.open })),
  close: () => set({ open: false }),
}));
