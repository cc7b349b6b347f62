// Builds the web app (services/web/src/app) into dist/web, which the all-in-one host serves at /.
// `npm run dev:web` serves it with hot reload and passes /api to a host on :3000 (GONGZHI_API to change).
// An .mts file: Vite loads it as ES module natively, and the root tsconfig (Node, CommonJS, *.ts) leaves it alone.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = dirname(fileURLToPath(import.meta.url));
const api = process.env['GONGZHI_API'] ?? 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: process.env['GONGZHI_WEB_OUT_DIR'] ?? resolve(webRoot, '../../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    // xfwd: the API checks a session request's Origin against the browser's host, which arrives as X-Forwarded-Host.
    proxy: { '/api': { target: api, changeOrigin: true, xfwd: true } },
  },
});
