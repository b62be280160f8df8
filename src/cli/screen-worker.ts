// Worker-thread entry of the screen pool: screens one target per task.
import { screenTarget, type ScreenTask } from "./screen-target.js";

export default (task: ScreenTask) => screenTarget(task);
