import { prefetchOpenedPage } from './prefetch';
import './styles.css';
import './panels.css';
import './app.css';
import './chains.css';

// the page's data first; the app, most of the code, loads meanwhile
prefetchOpenedPage(window.location);
void import('./start').then(({ start }) => start());
