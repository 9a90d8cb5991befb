import { useT } from '../../../shared/i18n';
import type { MessageKey, Translate } from '../../../shared/i18n';

/** The shortcuts the help lists, in the order a person looks for them. */
export const SHORTCUTS = [
  'undo',
  'redo',
  'copy',
  'cut',
  'paste',
  'duplicate',
  'selectAll',
  'delete',
  'clear',
  'multiSelect',
  'boxSelect',
  'pan',
  'zoom',
  'fit',
  'layout',
  'help',
] as const;
export type Shortcut = (typeof SHORTCUTS)[number];

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "Ctrl+Z", or "⌘+Z" on a Mac. */
export function keysOf(t: Translate, shortcut: Shortcut): string {
  return t(`canvas.keys.${shortcut}` as MessageKey, { mod: isMac() ? '⌘' : 'Ctrl' });
}

/** "Desfazer (Ctrl+Z)": a toolbar button's tooltip. */
export function withKeys(t: Translate, shortcut: Shortcut): string {
  return t('canvas.withKeys', { action: t(`canvas.action.${shortcut}` as MessageKey), keys: keysOf(t, shortcut) });
}

/** The popover the "?" button (or key) opens: every shortcut of the canvas. */
export function ShortcutsHelp() {
  const t = useT();
  return (
    <div className="canvas-shortcuts" role="dialog" aria-label={t('canvas.action.help')} data-testid="shortcuts-popover">
      <h2 className="canvas-shortcuts__title">{t('canvas.action.help')}</h2>
      <dl className="canvas-shortcuts__list">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut} className="canvas-shortcuts__row">
            <dt>{t(`canvas.action.${shortcut}` as MessageKey)}</dt>
            <dd>
              <kbd>{keysOf(t, shortcut)}</kbd>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
