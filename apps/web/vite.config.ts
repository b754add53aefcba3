import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The server (apps/server) serves dist/ with an SPA fallback; in dev, Vite proxies the API to it.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      "/api": { target: "http://localhost:3000", changeOrigin: false },
      "/healthz": { target: "http://localhost:3000" },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // scripts/web-weight.mjs reads it to report the bytes each screen loads (docs/web.md).
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Big libraries get their own long-lived chunks; each route is split by React.lazy.
        // React (on every screen) gets one long-lived chunk. antd and ECharts are left to the
        // bundler's own splitting, so each screen loads only the components it imports: the login
        // page loads a few antd components and no chart library (docs/web.md has the figures).
        codeSplitting: {
          groups: [
            {
              // zod and the module that turns its JIT off share one chunk, so the setting runs right
              // after zod itself and before any module that builds or parses a schema (with zod in a
              // shared chunk, the entry's own first import ran too late: a CSP eval violation).
              name: "zod",
              test: /node_modules[\\/]zod[\\/]|contracts[\\/]src[\\/]zod-config\.ts$/,
              priority: 2,
            },
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
});
