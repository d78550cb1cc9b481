/**
 * A real Redis Cluster for a test: three (or more) `redis-server --cluster-enabled yes` masters
 * on spare ports, joined by `redis-cli --cluster create`, in a temporary directory of their own.
 * Stopped, and its directory removed, by the test that started it; a start that fails midway
 * stops what it had started before rethrowing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis as IORedis } from 'ioredis';
import { freePort } from './app-process.js';

export interface TestRedisCluster {
  /** The masters' ports; each node's cluster bus listens on port + 10000. */
  ports: number[];
  /** `host:port` of every master, as `REDIS_CLUSTER_NODES` takes them. */
  nodes: string;
  /** What `createRedisConnection` and `pingRedis` take to reach the cluster. */
  target: { url: string; clusterNodes: string[] };
  /** A plain connection to one master, for CLUSTER and SCAN commands that address a node. */
  node(port: number): IORedis;
  /**
   * Stops every node (SIGTERM), runs `whileDown`, then starts them again on the same ports and
   * cluster config files and waits for `cluster_state:ok`. Without persistence, data is lost.
   */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/** A port the OS says is free, low enough that its cluster bus port (+10000) is free too. */
async function freeClusterPort(taken: readonly number[]): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const port = await freePort();
    if (port > 55_535 || taken.includes(port) || taken.includes(port + 10_000)) continue;
    if (await canListen(port + 10_000)) return port;
  }
  throw new Error('no spare port pair (P, P+10000) for a cluster node');
}

function launch(port: number, dir: string): ChildProcess {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir];
  args.push('--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${port}.conf`));
  args.push('--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction');
  return spawn('redis-server', args, { stdio: 'ignore', detached: true });
}

function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`redis cluster: ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function createCluster(ports: readonly number[]): void {
  const result = spawnSync(
    'redis-cli',
    ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`)].concat(
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ),
    { encoding: 'utf8', timeout: 30_000 },
  );
  if (result.status !== 0) {
    throw new Error(`redis-cli --cluster create failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/** Starts `masters` cluster nodes, joins them and waits for `cluster_state:ok` on each. */
export async function startTestRedisCluster(masters = 3): Promise<TestRedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-test-cluster-'));
  const children: ChildProcess[] = [];
  const clients: IORedis[] = [];
  const ports: number[] = [];
  const node = (port: number) => {
    const client = new IORedis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1 });
    client.on('error', () => undefined);
    clients.push(client);
    return client;
  };
  const waitOk = async (probes: IORedis[]) => {
    await until('cluster_state:ok on every node', async () => {
      const infos = await Promise.all(probes.map((probe) => probe.cluster('INFO')));
      return infos.every((info) => String(info).includes('cluster_state:ok'));
    });
  };
  const stop = async () => {
    clients.forEach((client) => client.disconnect());
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await Promise.all(children.map(ended));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < masters; i++) ports.push(await freeClusterPort(ports));
    for (const port of ports) children.push(launch(port, dir));
    const probes = ports.map(node);
    await until('every node answers', async () => {
      const replies = await Promise.all(probes.map((probe) => probe.ping()));
      return replies.every((reply) => reply === 'PONG');
    });
    createCluster(ports);
    await waitOk(probes);
  } catch (error) {
    await stop();
    throw error;
  }
  const hosts = ports.map((port) => `127.0.0.1:${port}`);
  return {
    ports,
    nodes: hosts.join(','),
    target: {
      url: `redis://${hosts[0] ?? ''}`,
      clusterNodes: hosts.map((host) => `redis://${host}`),
    },
    node,
    async restart(whileDown) {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(children.map(ended));
      await whileDown?.();
      children.length = 0;
      for (const port of ports) children.push(launch(port, dir));
      await waitOk(ports.map(node));
    },
    stop,
  };
}
