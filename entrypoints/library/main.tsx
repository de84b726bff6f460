import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { readFile } from './read-file.ts';
import { queryFromLibrarySearch } from '../../lib/shared/reach/library-query.ts';

// `library.html?q=words` opens with that search (the address bar's keyword, the selection menu).
const MAX_QUERY_CHARS = 500;
import '../../components/theme.css';
import '../../components/components.css';
import './editing.css';
import './style.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App locale={navigator.language} read={readFile} initialQuery={queryFromLibrarySearch(location.search, MAX_QUERY_CHARS)} />
  </StrictMode>,
);
