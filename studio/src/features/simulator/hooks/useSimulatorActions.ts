import { useCallback } from 'react';
import { useErrorMessage, useT } from '../../../shared/i18n';
import { useEditorStore } from '../../flow-editor/store/editor.store';
import { useSimulatorStore } from '../store/simulator.store';
import type { SimulationInput } from '../types';
import { useSimulatorApi } from './useSimulatorApi';

class SaveBlocked extends Error {}

/** Resolves once the draft is saved; rejects when saving stopped (an error or a conflict to resolve). */
function untilSaved(): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (status: string) => {
      if (status === 'saved') return resolve(), true;
      if (status === 'error' || status === 'conflict') return reject(new SaveBlocked()), true;
      return false;
    };
    if (check(useSimulatorStore.getState().saveStatus)) return;
    const unsubscribe = useSimulatorStore.subscribe((state) => {
      if (check(state.saveStatus)) unsubscribe();
    });
  });
}

/**
 * Sending and restarting. The simulation starts with the first message; a draft turn waits for the
 * autosave, because the server runs the saved draft. An answer for a conversation that was
 * restarted meanwhile is dropped.
 */
export function useSimulatorActions(flowId: string) {
  const api = useSimulatorApi();
  const t = useT();
  const describeError = useErrorMessage();

  const send = useCallback(
    async (input: SimulationInput, shownText: string) => {
      const store = useSimulatorStore.getState();
      if (store.sending) return;
      store.addUserMessage(shownText);
      store.setSending(true);
      const startedWith = store.simulationId;
      let simulationId = startedWith;
      try {
        if (store.source === 'draft') await untilSaved();
        if (!simulationId) {
          simulationId = await api.start(flowId, store.source);
          if (useSimulatorStore.getState().entries.length === 0) return;
          useSimulatorStore.getState().startedSimulation(simulationId, useEditorStore.getState().changeCount);
        }
        const result = await api.send(simulationId, input);
        const current = useSimulatorStore.getState();
        if (current.simulationId !== simulationId) return;
        if ('turnId' in result) {
          current.addReplies(result.replies);
          current.applyTurn(result, useEditorStore.getState().edges);
        } else current.markPending();
      } catch (error) {
        if (useSimulatorStore.getState().simulationId !== startedWith && startedWith) return;
        useSimulatorStore.getState().failSend(error instanceof SaveBlocked ? t('simulator.saveBlocked') : describeError(error));
      } finally {
        useSimulatorStore.getState().setSending(false);
      }
    },
    [api, flowId, t, describeError],
  );

  const restart = useCallback(() => useSimulatorStore.getState().reset(), []);

  return { send, restart };
}
