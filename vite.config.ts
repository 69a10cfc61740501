import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Writes dist/asset-list.json: every built asset, for the service worker to keep for offline use. */
function assetList(): Plugin {
  return {
    name: 'newsdesk-asset-list',
    apply: 'build',
    generateBundle(_options, bundle) {
      const assets = Object.keys(bundle)
        .filter((name) => name.startsWith('assets/'))
        .sort()
        .map((name) => `/${name}`);
      this.emitFile({ type: 'asset', fileName: 'asset-list.json', source: JSON.stringify(assets) });
    },
  };
}

export default defineConfig({
  plugins: [react(), assetList()],
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
