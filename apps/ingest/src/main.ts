import { runRoleProcess } from '@bulletin/roles';
import { runMain } from '@bulletin/runtime';

void runMain(() => runRoleProcess(['ingest', 'sources'], process.env));
