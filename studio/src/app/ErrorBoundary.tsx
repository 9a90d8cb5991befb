import { Component } from 'react';
import type { ReactNode } from 'react';
import { CrashPage } from './CrashPage';

type State = { failed: boolean };

/**
 * The last line: a render error outside the router (whose routes have their own error page)
 * shows a way out instead of a blank page. React already logs the error; there is no error
 * reporting service to send it to yet.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <CrashPage /> : this.props.children;
  }
}
