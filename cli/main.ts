// The plangraph command line: one subcommand per verb, each defined in its own file under cli/.
import { Command } from "commander";
import { registerCompare } from "./compare.ts";
import { registerSchema } from "./schema.ts";
import { registerEval } from "./eval.ts";
import { registerExport } from "./export.ts";
import { registerIngest } from "./ingest.ts";
import { registerLoad } from "./load.ts";
import { registerCypher } from "./cypher.ts";
import { registerStart } from "./start.ts";
import { registerServe } from "./serve.ts";

const program = new Command()
  .name("plangraph")
  .description(
    "Turn Chinese development plans (五年规划建议, 纲要, 政府工作报告) into a knowledge graph of regions, industries, " +
      "projects and goals, each traceable to the sentence it came from.",
  )
  .version("0.1.0")
  .showHelpAfterError()
  .showSuggestionAfterError();

registerIngest(program);
registerLoad(program);
registerCypher(program);
registerEval(program);
registerCompare(program);
registerSchema(program);
registerExport(program);
registerStart(program);
registerServe(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const e = err as Error & { code?: string };
  console.error(e.code && !e.code.startsWith("ERR_") ? `plangraph: ${e.message}` : (e.stack ?? String(e)));
  process.exitCode = 1;
}
