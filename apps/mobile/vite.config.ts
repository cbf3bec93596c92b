import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server during `vite dev`; in production the server serves `dist/` at `/m/` itself. */
const apiTarget = process.env.LINLI_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/m/',
  plugins: [react()],
  resolve: {
    // npm hoists React 18 to the root for antd-mobile's peers while this app has React 19 in its own node_modules;
    // every library must use this app's copy, or hooks fail with two Reacts on the page.
    dedupe: ['react', 'react-dom'],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5174,
    proxy: {
      // The server refuses writes from a foreign Origin (WEB-2), so the dev proxy presents the API's own origin.
      '/api': { target: apiTarget, changeOrigin: true, headers: { origin: apiTarget } },
    },
  },
});
