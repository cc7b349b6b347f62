import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api';
import { App } from './app';
import { I18nProvider } from './i18n';
import { RouterProvider } from './router';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <ApiProvider>
        <RouterProvider>
          <App />
        </RouterProvider>
      </ApiProvider>
    </I18nProvider>
  </StrictMode>,
);
