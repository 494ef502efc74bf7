import { readFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin, type ViteDevServer } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The barcode engine the camera ships, read from the decoder's source rather than
 * imported: importing it would type-check the browser-only engines in the Node config.
 * Unknown means the .wasm is precached, the safe side.
 */
function shippedEngine(): string {
  const src = readFileSync(new URL('./src/client/scan/decoder/index.ts', import.meta.url), 'utf8');
  return /SHIPPED_ENGINE\b[^=]*=\s*'([^']+)'/.exec(src)?.[1] ?? 'unknown';
}

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * `npm run dev` serves the API from the same dev server: the server exports a
 * connect-style handler for /api and /demo. Guarded so the client still starts when
 * the server part is missing or broken.
 */
function devApi(): Plugin {
  return {
    name: 'tote-dev-api',
    apply: 'serve',
    async configureServer(server: ViteDevServer) {
      const entry = fileURLToPath(new URL('./src/server/dev.ts', import.meta.url));
      if (!existsSync(entry)) {
        server.config.logger.warn('[tote] src/server/dev.ts not found: dev server runs without the API');
        return;
      }
      try {
        const mod = (await server.ssrLoadModule('/src/server/dev.ts')) as {
          createDevHandler?: () => unknown;
        };
        if (typeof mod.createDevHandler !== 'function') throw new Error('createDevHandler is not exported');
        const handler = (await mod.createDevHandler()) as Connect.NextHandleFunction;
        server.middlewares.use(handler);
      } catch (err) {
        server.config.logger.error(`[tote] could not mount the API: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      }
    },
  };
}

/** Vendor code in a few long-lived chunks: an app update then rarely re-downloads them. */
function manualChunks(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
  if (/node_modules\/(react-router|cookie|set-cookie-parser)\//.test(id)) return 'router';
  if (/node_modules\/(dexie|dexie-react-hooks)\//.test(id)) return 'dexie';
  if (/node_modules\/(i18next|react-i18next|html-parse-stringify|void-elements)\//.test(id)) return 'i18n';
  if (/node_modules\/zod\//.test(id)) return 'zod';
  if (/node_modules\/workbox-/.test(id)) return 'workbox';
  return undefined;
}

export default defineConfig({
  define: {
    'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version),
  },
  plugins: [
    react(),
    devApi(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/client',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      // The icons are already matched by globPatterns; listing them twice would duplicate precache entries.
      includeManifestIcons: false,
      manifest: {
        name: 'Tote',
        short_name: 'Tote',
        description: 'Offline-first warehouse picking',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#0b0d10',
        background_color: '#0b0d10',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      injectManifest: {
        // Every chunk is precached, the camera's lazy ones too (view, decoding worker,
        // barcode engine) and zxing-wasm's .wasm when that engine ships: the camera opens
        // offline from the service worker, never from the network or a CDN.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,json,webmanifest,wasm}'],
        // The .wasm is built either way (the decoder bench can pick any engine), but only
        // worth ~0.95 MB of every device's install when it is the engine that ships.
        globIgnores: ['zxing-wasm', 'unknown'].includes(shippedEngine()) ? [] : ['**/*.wasm'],
        // zxing-wasm's reader is ~0.95 MB; the default 2 MiB cap leaves room, this states it.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ],
  // The camera's decoding worker is an ES module so it can load its engine lazily (an
  // IIFE worker cannot code-split). Module workers: Chrome 80, Safari 15, Firefox 114.
  worker: { format: 'es' },
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      output: { manualChunks },
    },
  },
  server: { port: 5173 },
});
