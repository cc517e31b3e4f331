import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

const pkg = fileURLToPath(new URL("../pkg/citizen_segments.js", import.meta.url));

// The page imports the built npm package from pkg/ by its package name, as an
// embedding app would.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  resolve: { alias: { "citizen-segments": pkg } },
  server: { fs: { allow: [fileURLToPath(new URL("..", import.meta.url))] } },
  worker: { format: "es" },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
  preview: { port: 5173 },
});
