import { createBrowserRouter } from 'react-router';
import { RequireAuth } from '../features/auth/components/RequireAuth';
import { loadEditorScreen } from '../features/editor/load-editor-screen';
import { AppLayout } from './AppLayout';
import { HomeRedirect } from './routes/HomeRedirect';
import { NotFound } from './routes/NotFound';
import { RouteError } from './routes/RouteError';

/**
 * Every screen is its own chunk, loaded when first visited: the login page and the story list
 * never download the editor before they are shown (the story list prefetches it once idle, see
 * features/editor/load-editor-screen).
 */
export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      { path: '/login', lazy: async () => ({ Component: (await import('../features/auth/components/LoginPage')).LoginPage }) },
      { path: '/logout', lazy: async () => ({ Component: (await import('../features/auth/components/LogoutPage')).LogoutPage }) },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, Component: HomeRedirect },
          { path: 'stories', lazy: async () => ({ Component: (await import('../features/stories/components/StoryListPage')).StoryListPage }) },
          { path: 'stories/new', lazy: async () => ({ Component: (await import('../features/stories/components/NewStoryPage')).NewStoryPage }) },
          { path: 'stories/import', lazy: async () => ({ Component: (await import('../features/import/components/ImportPage')).ImportPage }) },
          { path: 'desk', lazy: async () => ({ Component: (await import('../features/desk/components/DeskPage')).DeskPage }) },
          { path: 'stories/:id', lazy: async () => ({ Component: (await loadEditorScreen()).StoryEditorPage }) },
          { path: 'photos', lazy: async () => ({ Component: (await import('../features/photos/components/PhotoLibraryPage')).PhotoLibraryPage }) },
          { path: 'admin/users', lazy: async () => ({ Component: (await import('../features/admin/components/AccountsPage')).AccountsPage }) },
          { path: '*', Component: NotFound },
        ],
      },
    ],
  },
]);
