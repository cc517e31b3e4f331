// Loads the built package from pkg/ exactly as a Node user would.
import { readFileSync } from "node:fs";

const pkgDir = new URL("../../pkg/", import.meta.url);
const lib = await import(new URL("citizen_segments.js", pkgDir));
lib.initSync({ module: readFileSync(new URL("citizen_segments_bg.wasm", pkgDir)) });

export default lib;
export const sample = readFileSync(new URL("../../www/public/sample-survey.csv", import.meta.url));
