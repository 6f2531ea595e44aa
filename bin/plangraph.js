#!/usr/bin/env node
// Entry point of the plangraph CLI: loads the TypeScript sources through tsx, so no build step is needed.
import { register } from "tsx/esm/api";

register();
await import("../cli/main.ts");
