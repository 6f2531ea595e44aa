// Types of what Vite adds to the browser build (CSS imports), and of the Cypher editor whose package types miss its exports map.
/// <reference types="vite/client" />

declare module "@neo4j-cypher/codemirror" {
  import type { EditorApi, EditorOptions } from "@neo4j-cypher/codemirror/src/codemirror.d.ts";
  /** Creates the editor; it returns `{ editor }`, not the editor its own type declares. */
  export function createCypherEditor(parent: Element, options: EditorOptions): { editor: EditorApi };
}
