import { InternalNodeError } from '../errors';
import { isJsonValue } from '../json';
import type { PortDef } from '../define-node';
import type { NodeResult } from '../results';

const KINDS = new Set(['next', 'wait', 'end', 'jump']);

/**
 * Rejects a result the engine cannot follow: an unknown kind, a port the node does not
 * declare, or outputs/wait state that are not plain JSON (they are persisted).
 */
export function checkNodeResult(nodeType: string, result: unknown, ports: PortDef[]): NodeResult {
  if (!result || typeof result !== 'object' || !KINDS.has((result as { kind?: string }).kind ?? '')) {
    throw new InternalNodeError(`${nodeType} returned ${JSON.stringify(result)}, not a result: return next(port), wait({...}), end() or jump(...).`, 'INVALID_RESULT');
  }
  const typed = result as NodeResult;
  if (typed.kind === 'next') {
    if (!ports.some((p) => p.id === typed.port)) {
      const declared = ports.map((p) => p.id).join(', ') || 'none';
      throw new InternalNodeError(`${nodeType} chose port "${typed.port}", which it does not declare (declared: ${declared}).`, 'UNKNOWN_PORT');
    }
    if (typed.outputs !== undefined && !isJsonValue(typed.outputs)) {
      throw new InternalNodeError(`${nodeType} returned outputs that are not plain JSON.`, 'INVALID_OUTPUTS');
    }
  }
  if (typed.kind === 'wait') {
    if (typed.state !== undefined && !isJsonValue(typed.state)) {
      throw new InternalNodeError(`${nodeType} asked to wait with a state that is not plain JSON.`, 'INVALID_WAIT_STATE');
    }
    if (typed.for === 'timer' && !(Number.isFinite(typed.delayMs) && typed.delayMs >= 0)) {
      throw new InternalNodeError(`${nodeType} asked to wait for a timer without a valid delayMs.`, 'INVALID_WAIT');
    }
    const timeoutMs = typed.for === 'timer' ? undefined : typed.timeoutMs;
    if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
      throw new InternalNodeError(`${nodeType} asked to wait with an invalid timeoutMs.`, 'INVALID_WAIT');
    }
  }
  return typed;
}
