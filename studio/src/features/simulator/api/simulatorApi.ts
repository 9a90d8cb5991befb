import type { ApiClient } from '../../../shared/api';
import type { SendResult, SimulationInput, SimulationSource } from '../types';

/** Starting a simulation of one flow and sending it the customer's messages. */
export function createSimulatorApi(client: ApiClient) {
  return {
    /** 409 `FLOW_NOT_PUBLISHED` for `published` when the flow was never published. */
    async start(flowId: string, source: SimulationSource): Promise<string> {
      const path = `/api/flows/${encodeURIComponent(flowId)}/simulations`;
      return (await client.request<{ simulationId: string }>('POST', path, { body: { source } })).data.simulationId;
    },

    /** 422 `UNKNOWN_BUTTON` for a button the bot never offered. */
    async send(simulationId: string, input: SimulationInput): Promise<SendResult> {
      return (await client.request<SendResult>('POST', `/api/simulations/${encodeURIComponent(simulationId)}/messages`, { body: input })).data;
    },
  };
}

export type SimulatorApi = ReturnType<typeof createSimulatorApi>;
