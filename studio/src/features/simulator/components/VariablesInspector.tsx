import type { JsonObject } from '@fluxo/node-sdk';
import { useT } from '../../../shared/i18n';
import { classNames } from '../../../shared/ui';
import { changedVarNames, formatValue } from '../lib/changedVars';

/** The conversation's variables after the last turn; those the turn changed are highlighted. */
export function VariablesInspector({ vars, previousVars }: { vars: JsonObject | null; previousVars: JsonObject | null }) {
  const t = useT();
  const names = Object.keys(vars ?? {}).sort();
  const changed = vars ? changedVarNames(previousVars, vars) : new Set<string>();
  return (
    <section className="sim-vars" data-testid="simulator-variables">
      <h3 className="sim-section-title">{t('simulator.vars.title')}</h3>
      {names.length === 0 ? (
        <p className="sim-muted">{t('simulator.vars.empty')}</p>
      ) : (
        <table className="sim-vars__table">
          <thead>
            <tr>
              <th scope="col">{t('simulator.vars.name')}</th>
              <th scope="col">{t('simulator.vars.value')}</th>
            </tr>
          </thead>
          <tbody>
            {names.map((name) => (
              <tr
                key={name}
                className={classNames(changed.has(name) && 'sim-vars__row--changed')}
                data-testid="simulator-variable"
                data-name={name}
                data-changed={changed.has(name) || undefined}
                title={changed.has(name) ? t('simulator.vars.changed') : undefined}
              >
                <td>{name}</td>
                <td>{formatValue(vars?.[name])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
