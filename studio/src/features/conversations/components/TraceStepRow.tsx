import { Link } from 'react-router';
import type { JsonObject } from '@fluxo/node-sdk';
import type { TraceStep } from '@fluxo/engine';
import { useT } from '../../../shared/i18n';
import type { MessageKey } from '../../../shared/i18n';
import { classNames } from '../../../shared/ui';
import { useNodeTypeView } from '../../flow-editor/components/nodeTypesContext';
import { portsOf } from '../../flow-editor/lib/nodePorts';
import { formatValue } from '../../simulator/lib/changedVars';

/** What the viewer knows of a node of the flow: the name the tenant gave it and its config (for port names). */
export type TraceNodeInfo = { label?: string; config?: JsonObject };

export type TraceStepRowProps = {
  step: TraceStep;
  node: TraceNodeInfo | undefined;
  onStep?: (nodeId: string) => void;
  stepHref?: (nodeId: string) => string;
};

const ACTION: Record<TraceStep['action'], MessageKey> = {
  next: 'trace.step.next',
  wait: 'trace.step.wait',
  end: 'trace.step.end',
  jump: 'trace.step.jump',
  error: 'trace.step.error',
};

const ERROR_KIND: Record<NonNullable<TraceStep['error']>['kind'], MessageKey> = {
  config: 'trace.error.config',
  provider: 'trace.error.provider',
  transient: 'trace.error.transient',
  internal: 'trace.error.internal',
};

/** One step of a turn: which block, how it left, how long it took, what it changed, what went wrong. */
export function TraceStepRow({ step, node, onStep, stepHref }: TraceStepRowProps) {
  const t = useT();
  const view = useNodeTypeView(step.type, step.typeVersion);
  // A variable that did not exist (null) or was blank reads as empty, not as "null".
  const shown = (value: unknown) => (value === null || value === '' ? t('trace.step.emptyValue') : formatValue(value));
  const name = node?.label || view?.title || step.type;
  const portLabel = step.port ? (portsOf(view, node?.config ?? {}).find((port) => port.id === step.port)?.label ?? step.port) : null;
  const title = (
    <>
      <span className="trace-step__name">{name}</span>
      <span className="trace-step__action">{t(ACTION[step.action])}</span>
      {step.resumed && <span className="trace-step__resumed">{t('trace.step.resumed')}</span>}
      <span className="trace-step__duration">{t('trace.step.duration', { ms: Math.round(step.durationMs) })}</span>
    </>
  );
  return (
    <li className={classNames('trace-step', step.error && 'trace-step--error')} data-testid="trace-step" data-node-id={step.nodeId} onClick={stepHref ? undefined : () => onStep?.(step.nodeId)}>
      {stepHref ? (
        <Link to={stepHref(step.nodeId)} className="trace-step__head" aria-label={t('trace.step.open', { name })}>
          {title}
        </Link>
      ) : (
        <button type="button" className="trace-step__head" aria-label={t('trace.step.focus', { name })}>
          {title}
        </button>
      )}
      {portLabel && <div className="trace-step__port">{t('trace.step.port', { port: portLabel })}</div>}
      {step.varChanges.length > 0 && (
        <ul className="trace-step__vars" aria-label={t('trace.step.vars')}>
          {step.varChanges.map((change, index) => (
            <li key={index} data-testid="trace-var-change">
              <code>{change.name}</code>: {shown(change.from)} → {shown(change.to)}
            </li>
          ))}
        </ul>
      )}
      {step.error && (
        <div className="trace-step__error" role="alert" data-testid="trace-step-error">
          {t('trace.error.line', { kind: t(ERROR_KIND[step.error.kind]), code: step.error.code, message: step.error.message })}
        </div>
      )}
    </li>
  );
}
