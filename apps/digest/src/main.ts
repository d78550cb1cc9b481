import { runRoleProcess } from '@bulletin/roles';
import { runMain } from '@bulletin/runtime';

void runMain(() => runRoleProcess(['digest'], process.env));
