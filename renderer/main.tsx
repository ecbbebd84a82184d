import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './app/AppShell';
import './app/app.css';

dayjs.locale('vi');

const queryClient = new QueryClient({
  defaultOptions: {
    // A desktop app with one writer: data changes only through our own mutations, which invalidate it.
    queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: false },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

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
);
