// Worker-thread entry of the screen pool: screens one target per task.
import { screenTarget } from "./screen-target.js";

export default screenTarget;
