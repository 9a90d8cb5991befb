import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useSession } from '../features/auth/hooks/useSession';
import { useLogout } from '../features/auth/hooks/useLogout';
import { LanguageSelect, useT } from '../shared/i18n';
import { BrandMark, Button } from '../shared/ui';
import { PageLoading } from './PageLoading';
import './layout.css';

/** The frame of every logged-in page: top bar (brand, navigation, tenant, language, logout) and content. */
export function AppLayout() {
  const t = useT();
  const session = useSession();
  const logout = useLogout();

  return (
    <div className="layout">
      <a href="#main" className="layout__skip">
        {t('app.skipToContent')}
      </a>
      <header className="layout__bar">
        <div className="layout__bar-inner">
          <NavLink to="/flows" className="layout__brand">
            <BrandMark />
          </NavLink>
          <nav aria-label={t('nav.main')} className="layout__nav">
            <NavLink to="/flows" className="layout__nav-link">
              {t('nav.flows')}
            </NavLink>
            <NavLink to="/conversations" className="layout__nav-link" data-testid="nav-conversations">
              {t('conversations.nav')}
            </NavLink>
            <NavLink to="/channels" className="layout__nav-link" data-testid="nav-channels">
              {t('channels.nav')}
            </NavLink>
          </nav>
          <div className="layout__account">
            {session && (
              <span className="layout__who" title={t('nav.signedInAs', { name: session.user.email })}>
                <span className="layout__tenant" data-testid="tenant-name">
                  {session.tenant.name}
                </span>
                <span className="layout__user">{session.user.name}</span>
              </span>
            )}
            <LanguageSelect />
            <Button variant="ghost" size="small" onClick={logout} data-testid="logout">
              {t('nav.logout')}
            </Button>
          </div>
        </div>
      </header>
      <main id="main" className="layout__main" tabIndex={-1}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
