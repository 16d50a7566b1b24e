import { Explorer } from './views/Explorer';

export function App() {
  return (
    <div className="app">
      <header className="topbar">
        <h1>
          链图 <span className="brand-en">Chain Atlas</span>
        </h1>
        <p className="tagline">产业链企业关系图谱</p>
      </header>
      <Explorer />
    </div>
  );
}
