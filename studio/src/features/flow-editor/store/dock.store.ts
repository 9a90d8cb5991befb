import { create } from 'zustand';

/**
 * The editor's right-hand dock shows one panel at a time. `inspector` is what it falls back to when
 * one node is selected and no other panel was asked for; the simulator and the versions drawer
 * keep their own state in their stores, so closing and reopening them loses nothing.
 */
export type DockPanel = 'inspector' | 'problems' | 'simulator' | 'versions' | 'trace';

type DockState = {
  panel: DockPanel | null;
  open(panel: DockPanel): void;
  toggle(panel: DockPanel): void;
  close(): void;
};

export const useDockStore = create<DockState>()((set) => ({
  panel: null,
  open: (panel) => set({ panel }),
  toggle: (panel) => set((state) => ({ panel: state.panel === panel ? null : panel })),
  close: () => set({ panel: null }),
}));
