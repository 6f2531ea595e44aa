// ESLint flat config: recommended JS and TypeScript rules for every source folder.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "web/dist/",
      "tools/neo4j/",
      "data/",
      ".neo4j/",
      "coverage/",
      "out/",
      ".cache/",
      "**/*-tmp.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: "readonly", process: "readonly", URL: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
);
