// Builds the console into web/dist, served by the API server under /console/.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(root, 'dist');
const api = 'http://localhost:3000';

/**
 * The service worker is hand-written in public/sw.js, but only the build knows
 * the hashed asset names. After the bundle is written, rewrite the one BUILD
 * line of the copied sw.js with the asset list and a version derived from it,
 * so that every release changes sw.js and browsers pick up the new shell.
 */
function serviceWorkerPrecache(): Plugin {
  let assets: string[] = [];
  return {
    name: 'pucha-sw-precache',
    apply: 'build',
    generateBundle(_options, bundle) {
      assets = Object.keys(bundle).filter((f) => f.startsWith('assets/') && !f.endsWith('.map')).sort();
    },
    closeBundle() {
      const file = path.join(outDir, 'sw.js');
      if (!fs.existsSync(file)) return;
      const version = createHash('sha256').update(assets.join('\n')).digest('hex').slice(0, 12);
      const line = `const BUILD = ${JSON.stringify({ version, assets })};`;
      const src = fs.readFileSync(file, 'utf8');
      const out = src.replace(/^const BUILD = .*;$/m, line);
      if (out === src) this.error('web/public/sw.js lost its "const BUILD = …;" line');
      fs.writeFileSync(file, out);
    },
  };
}

export default defineConfig({
  root,
  base: '/console/',
  plugins: [react(), serviceWorkerPrecache()],
  build: {
    outDir,
    emptyOutDir: true,
    // antd alone is ~1 MB before gzip; it is one cacheable vendor chunk.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 30 },
            // ECharts (through echarts/core, only the parts imported) loads with the emission pages alone.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 25 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@emotion|dayjs|stylis|classnames|clsx)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
            // App code used by several lazy pages (pickers, hooks): one chunk instead of a dozen tiny ones.
            { name: 'shared', test: /[\\/]web[\\/]src[\\/]/, minShareCount: 2, priority: 5 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
      '/docs': api,
    },
  },
});
