// Entry of the bundled Action (dist/action/index.js): runs it, and turns an unexpected error
// into a failed step with one line instead of a stack trace.
import * as core from "@actions/core";
import { runAction } from "./run-action.js";

try {
  await runAction();
} catch (error) {
  core.setFailed(`dpg-screener: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
}
