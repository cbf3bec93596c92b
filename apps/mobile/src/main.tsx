import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import './app/antd-mobile-react19.ts';
import { App } from './app/App.tsx';
import { i18n } from './i18n/index.ts';
import { applyStoredElderMode } from './preferences/elder-mode.ts';
import './styles/global.css';

applyStoredElderMode();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
}
