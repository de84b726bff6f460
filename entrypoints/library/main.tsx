import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { readFile } from './read-file.ts';
import '../../components/theme.css';
import '../../components/components.css';
import './style.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App locale={navigator.language} read={readFile} />
  </StrictMode>,
);
