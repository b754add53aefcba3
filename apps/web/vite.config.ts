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
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Big libraries get their own long-lived chunks; each route is split by React.lazy.
        codeSplitting: {
          groups: [
            {
              name: "echarts",
              test: /node_modules[\\/](echarts|zrender|echarts-for-react)[\\/]/,
              priority: 3,
            },
            {
              name: "antd",
              test: /node_modules[\\/](antd|@ant-design|rc-[^\\/]+|@rc-component)[\\/]/,
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
