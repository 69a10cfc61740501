import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: false,
    // dist/.vite/manifest.json: which chunks each screen loads (bench/bundle-budget.ts reads it).
    manifest: true,
  },
  server: {
    // `npm run dev:web` serves the SPA with hot reload; the API runs separately (`npm run dev`).
    proxy: { '/api': 'http://localhost:3000' },
  },
});
