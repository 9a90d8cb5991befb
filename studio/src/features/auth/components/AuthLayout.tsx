import type { ReactNode } from 'react';
import { LanguageSelect } from '../../../shared/i18n';
import { BrandMark } from '../../../shared/ui/BrandMark';
import './auth.css';

type AuthLayoutProps = { title: string; subtitle: string; children: ReactNode; footer: ReactNode };

/** The frame of the login and signup pages: a centred card, the brand, and the language switch. */
export function AuthLayout({ title, subtitle, children, footer }: AuthLayoutProps) {
  return (
    <div className="auth">
      <main className="auth__card" id="main">
        <BrandMark />
        <header className="auth__header">
          <h1 className="auth__title">{title}</h1>
          <p className="auth__subtitle">{subtitle}</p>
        </header>
        {children}
        <p className="auth__footer">{footer}</p>
      </main>
      <LanguageSelect />
    </div>
  );
}
