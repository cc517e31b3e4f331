// Writes pkg/package.json from the crate's Cargo metadata, so the npm
// package's name, version and licence never drift from Cargo.toml.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";

const metadata = JSON.parse(
  execFileSync("cargo", ["metadata", "--no-deps", "--format-version", "1"], { encoding: "utf8" }),
);
const crate = metadata.packages.find((p) => p.name === "citizen-segments");
const pkg = {
  name: crate.name,
  version: crate.version,
  description: crate.description,
  license: crate.license,
  keywords: crate.keywords,
  type: "module",
  main: "citizen_segments.js",
  module: "citizen_segments.js",
  types: "citizen_segments.d.ts",
  exports: {
    ".": {
      types: "./citizen_segments.d.ts",
      default: "./citizen_segments.js",
    },
    "./citizen_segments_bg.wasm": "./citizen_segments_bg.wasm",
    "./package.json": "./package.json",
  },
  files: [
    "citizen_segments_bg.wasm",
    "citizen_segments_bg.wasm.d.ts",
    "citizen_segments.js",
    "citizen_segments.d.ts",
    "snippets/",
    "README.md",
    "LICENSE",
  ],
  sideEffects: ["./snippets/*"],
  engines: { node: ">=20" },
};
writeFileSync(new URL("../pkg/package.json", import.meta.url), JSON.stringify(pkg, null, 2) + "\n");
