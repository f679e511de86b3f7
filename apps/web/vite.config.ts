import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const apiTarget = process.env.TIDEWAY_API_URL ?? "http://localhost:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      "/api": apiTarget,
      "/socket.io": { target: apiTarget, ws: true },
    },
  },
  build: {
    outDir: "dist",
    sourcemap: true,
    rolldownOptions: {
      output: {
        // The dashboard's charts library and React change rarely: separate chunks
        // keep every chunk under Vite's 500 kB warning and stay cached across releases.
        codeSplitting: {
          groups: [
            {
              name: "charts",
              test: /node_modules[\\/](recharts|victory-vendor|d3-[^\\/]+|@reduxjs|redux|react-redux|reselect|immer|es-toolkit|decimal\.js-light)[\\/]/,
              priority: 1,
            },
            // Ahead of "charts", which would otherwise pull React in as a dependency of recharts.
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|react-is|scheduler|react-router|use-sync-external-store)[\\/]/,
              priority: 2,
            },
          ],
        },
      },
    },
  },
});
