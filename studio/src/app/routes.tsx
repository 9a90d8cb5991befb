import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { RouteObject } from 'react-router';
import { RedirectIfSignedIn } from '../features/auth/components/RedirectIfSignedIn';
import { RequireSession } from '../features/auth/components/RequireSession';
import { AppLayout } from './AppLayout';
import { CrashPage } from './CrashPage';
import { NotFoundPage } from './NotFoundPage';
import { PageLoading } from './PageLoading';

// Each page is its own chunk, so the login page does not download the flows page (and the
// editor, with React Flow, only loads when a flow is opened).
const LoginPage = lazy(() => import('../features/auth/components/LoginPage').then((m) => ({ default: m.LoginPage })));
const SignupPage = lazy(() => import('../features/auth/components/SignupPage').then((m) => ({ default: m.SignupPage })));
const FlowsPage = lazy(() => import('../features/flows/components/FlowsPage').then((m) => ({ default: m.FlowsPage })));
const FlowEditorPage = lazy(() => import('../features/flow-editor/components/FlowEditorPage').then((m) => ({ default: m.FlowEditorPage })));
const ChannelsPage = lazy(() => import('../features/channels/components/ChannelsPage').then((m) => ({ default: m.ChannelsPage })));
const ConversationsPage = lazy(() => import('../features/conversations/components/ConversationsPage').then((m) => ({ default: m.ConversationsPage })));
const ConversationDetailPage = lazy(() =>
  import('../features/conversations/components/ConversationDetailPage').then((m) => ({ default: m.ConversationDetailPage })),
);

const standalone = (page: ReactNode) => <Suspense fallback={<PageLoading />}>{page}</Suspense>;

/** The studio's routes; tests mount them in a memory router. */
export const routes: RouteObject[] = [
  {
    // A failed lazy import (a deploy replaced the chunks) or a render error lands here.
    errorElement: <CrashPage />,
    children: [
      {
        element: <RedirectIfSignedIn />,
        children: [
          { path: '/login', element: standalone(<LoginPage />) },
          { path: '/signup', element: standalone(<SignupPage />) },
        ],
      },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { path: '/', element: <Navigate to="/flows" replace /> },
              { path: '/flows', element: <FlowsPage /> },
              { path: '/flows/:id', element: <FlowEditorPage /> },
              { path: '/conversations', element: <ConversationsPage /> },
              { path: '/conversations/:id', element: <ConversationDetailPage /> },
              { path: '/channels', element: <ChannelsPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];
