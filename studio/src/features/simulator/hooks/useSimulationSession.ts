import { useEffect } from 'react';
import { useSessionStore } from '../../auth/store/session.store';
import { useEditorStore } from '../../flow-editor/store/editor.store';
import { useRunOverlayStore } from '../../flow-editor/store/runOverlay.store';
import { useSimulatorStore } from '../store/simulator.store';

/**
 * Lives as long as the editor session (SimulatorButton mounts it): holds the simulation's socket,
 * mirrors the conversation onto the canvas overlay, and forgets the conversation on leave.
 */
export function useSimulationSession(): void {
  const connect = useSimulatorStore((state) => state.connect);
  const simulationId = useSimulatorStore((state) => state.simulationId);

  useEffect(() => {
    if (!simulationId) return;
    const token = useSessionStore.getState().session?.accessToken ?? '';
    const socket = connect(simulationId, token, {
      onReply: (reply) => {
        if (useSimulatorStore.getState().simulationId === simulationId) useSimulatorStore.getState().addReplies([reply]);
      },
      onTurn: (turn) => {
        if (useSimulatorStore.getState().simulationId === simulationId) useSimulatorStore.getState().applyTurn(turn, useEditorStore.getState().edges);
      },
    });
    return () => socket.close();
  }, [connect, simulationId]);

  useEffect(
    () =>
      useSimulatorStore.subscribe((state, previous) => {
        if (state.path === previous.path && state.waitingFor === previous.waitingFor && state.turns === previous.turns) return;
        if (state.turns.length === 0 && !state.sending) {
          useRunOverlayStore.getState().clearRun();
          return;
        }
        useRunOverlayStore.getState().showRun({ activeNodeId: state.waitingFor?.nodeId ?? null, ...state.path });
      }),
    [],
  );

  // The next editor opens on a fresh draft conversation.
  useEffect(
    () => () => {
      useSimulatorStore.getState().reset();
      useSimulatorStore.setState({ source: 'draft' });
    },
    [],
  );
}
