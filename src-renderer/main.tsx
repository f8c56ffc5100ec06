import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { captureToken } from './api.ts';
import { App } from './app/App.tsx';
import './i18n/index.ts';
import './styles/base.css';
import './styles/app.css';
import './styles/contact.css';
import './styles/checkout.css';
import './styles/topup.css';
import './styles/bills.css';
import './styles/settings.css';
import './styles/regulars.css';

// Before anything reads the address: take the bridge token out of it.
captureToken();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
