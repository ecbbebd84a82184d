import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchApi } from './api/api';
import { startLiveUpdates } from './api/live-updates';
import { AppShell } from './app/AppShell';
import { prefetchEntryGrid } from './screens/entry/prefetch-entry-grid';
import './app/app.css';

dayjs.locale('vi');

const queryClient = new QueryClient({
  defaultOptions: {
    // A desktop app with one writer: data changes only through our own mutations, which invalidate it.
    queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: false },
  },
});

// Another window, page or the command line changes the data: what this window shows follows within a second.
startLiveUpdates(queryClient);

// What every screen reads first is asked for while React draws the window: the grid's figures wait on the units.
prefetchApi(queryClient, 'units.list', {});
prefetchApi(queryClient, 'catalog.list', { includeRetired: false });
prefetchApi(queryClient, 'settings.get', {});
// A read that fails here fails again, and is shown, where the screen makes it.
prefetchEntryGrid(queryClient).catch(() => undefined);

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

// Drawn as a transition, the first render yields now and then: the prefetched answers are handled meanwhile and
// the grid's figures are asked for while the window is still being drawn.
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider
        locale={viVN}
        theme={{ token: { fontFamily: '"Segoe UI", "Times New Roman", Arial, sans-serif', borderRadius: 4 } }}
      >
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <AppShell />
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  ),
);
