// Entry point of the explorer page: starts the controller and reports a failed start on the page itself.
import { Explorer } from "./explorer.ts";

const explorer = new Explorer();
explorer.start().catch((err: unknown) => {
  const status = document.getElementById("status");
  if (status) {
    status.textContent = `The explorer could not start: ${(err as Error).message}`;
    status.className = "error";
  }
  console.error(err);
});
