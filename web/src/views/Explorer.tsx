import { useRef } from 'react';
import { DetailsPanel } from '../components/DetailsPanel';
import { Legend } from '../components/Legend';
import { SearchBox } from '../components/SearchBox';
import { GraphCanvas, type GraphHandle } from '../graph/GraphCanvas';
import { useExplorer } from '../state/useExplorer';

/** Search on the left, the graph in the middle, details and legend on the right. */
export function Explorer() {
  const graph = useRef<GraphHandle>(null);
  const { load, selected, select, stats, setStats, notice, dismissNotice, open, expand, expandState } =
    useExplorer(graph);

  return (
    <main className="explorer">
      <aside className="sidebar">
        <SearchBox onPick={(hit) => void open(hit.id, hit.shortName)} />
        <DetailsPanel
          enterprise={selected}
          expandState={selected ? expandState(selected.id) : 'idle'}
          onExpand={(id) => void expand(id)}
        />
        <Legend />
      </aside>
      <section className="stage" aria-label="关系图" aria-busy={load.kind === 'loading'}>
        <GraphCanvas ref={graph} onSelect={select} onExpand={(id) => void expand(id)} onStats={setStats} />
        {load.kind !== 'idle' && (
          <p className="stats" data-testid="graph-stats">
            节点 {stats.nodes} · 关系 {stats.edges}
          </p>
        )}
        {load.kind === 'idle' && (
          <div className="overlay empty" data-testid="graph-empty">
            <p>在左侧搜索企业，查看它的控股与供应关系。</p>
            <p className="muted">例如：长江</p>
          </div>
        )}
        {load.kind === 'loading' && (
          <div className="overlay loading" data-testid="graph-loading" role="status">
            加载中…（{load.name}）
          </div>
        )}
        {load.kind === 'error' && (
          <div className="banner error" data-testid="graph-error" role="alert">
            {load.message}
          </div>
        )}
        {notice && (
          <div className="banner notice" data-testid="graph-notice" role="status">
            <span>{notice}</span>
            <button type="button" aria-label="关闭提示" onClick={dismissNotice}>
              ×
            </button>
          </div>
        )}
      </section>
    </main>
  );
}
