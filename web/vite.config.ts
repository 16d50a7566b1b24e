import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `vite dev` forwards /graphql: the API server (`pnpm dev` at the root listens on 4000). */
const api = process.env.CHAIN_API ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/graphql': { target: api, changeOrigin: true } } },
  preview: { proxy: { '/graphql': { target: api, changeOrigin: true } } },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Cytoscape alone is about 400 kB minified.
    chunkSizeWarningLimit: 1200,
  },
});
