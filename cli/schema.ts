// The `plangraph schema` command: prints the JSON Schema of the graph file, for users who validate or generate graphs elsewhere.
import type { Command } from "commander";

/** Registers `plangraph schema`. */
export function registerSchema(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema (draft 2020-12) of the graph file every command reads and writes")
    .action(async () => {
      const { graphJsonSchema } = await import("../schema/index.ts");
      console.log(JSON.stringify(graphJsonSchema(), null, 2));
    });
}
