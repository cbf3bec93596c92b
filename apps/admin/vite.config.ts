import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves `dist` at `/` (SPA fallback) and the API at `/api/v1` on the same origin.
export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    // One React for the app and every library: the workspace install may hoist another copy to the root.
    dedupe: ['react', 'react-dom'],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:8080' }, '/healthz': { target: 'http://localhost:8080' } },
  },
});
