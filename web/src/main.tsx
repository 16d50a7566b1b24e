import { prefetchOpenedPage } from './prefetch';
import './styles.css';
import './panels.css';
import './views/explorer/systems-list.css';
import './app.css';
import './views/chains/chains.css';

// the page's data first; the app, most of the code, loads meanwhile
prefetchOpenedPage(window.location);
import('./start')
  .then(({ start }) => start())
  .catch((error: unknown) => {
    // the app's code did not load (a new version deployed meanwhile, the network gone): say so
    const root = document.getElementById('root');
    if (root)
      root.textContent = `链图未能加载，请刷新页面 · Chain Atlas did not load, please reload (${String(error)})`;
  });
