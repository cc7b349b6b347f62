import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api';
import { App } from './app';
import { I18nProvider } from './i18n';
import { ApiQueryProvider } from './query';
import { OfflineQueueProvider } from './offline/offline-queue';
import { registerServiceWorker } from './offline/service-worker';
import { RouterProvider } from './router';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <ApiProvider>
        <ApiQueryProvider>
          <OfflineQueueProvider>
            <RouterProvider>
              <App />
            </RouterProvider>
          </OfflineQueueProvider>
        </ApiQueryProvider>
      </ApiProvider>
    </I18nProvider>
  </StrictMode>,
);

registerServiceWorker();
