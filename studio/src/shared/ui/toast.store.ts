import { create } from 'zustand';

export type Toast = { id: number; text: string; tone: 'success' | 'error' };

type ToastState = {
  toasts: Toast[];
  show: (text: string, tone?: Toast['tone']) => void;
  dismiss: (id: number) => void;
};

/** Long enough to read a sentence; errors stay until dismissed. */
const VISIBLE_MS = 6_000;
let nextId = 1;

export const useToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  show: (text, tone = 'success') => {
    const id = nextId++;
    set({ toasts: [...get().toasts, { id, text, tone }] });
    if (tone === 'success') setTimeout(() => get().dismiss(id), VISIBLE_MS);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((toast) => toast.id !== id) }),
}));

/** Shows a short confirmation ("Fluxo excluído") outside React, e.g. from a mutation callback. */
export const showToast = (text: string, tone?: Toast['tone']) => useToastStore.getState().show(text, tone);
