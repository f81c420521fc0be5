/** Entry for running the command line from source (`bin.cjs` when dist/cli is missing or older than src). */
import { runFromProcess } from "./main";

void runFromProcess();
