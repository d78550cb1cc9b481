/**
 * A real Redis Cluster for a test: three (or more) `redis-server --cluster-enabled yes` masters
 * on spare ports, with replicas where asked, joined by `redis-cli --cluster create`, in a
 * temporary directory of their own.
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
  /** The masters' ports as created; each node's cluster bus listens on port + 10000. */
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
  /**
   * A planned failover, as an operator does it: `CLUSTER FAILOVER` on a replica of the master
   * at `port`, which waits for the replica to catch up, then takes over the master's slots.
   * Resolves with the new master's port once every node agrees and the cluster is ok.
   */
  failover(port: number): Promise<number>;
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

function createCluster(ports: readonly number[], replicas: number): void {
  const result = spawnSync(
    'redis-cli',
    ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`)].concat(
      '--cluster-replicas',
      String(replicas),
      '--cluster-yes',
    ),
    { encoding: 'utf8', timeout: 30_000 },
  );
  if (result.status !== 0) {
    throw new Error(`redis-cli --cluster create failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/** A node's own word on its role (`INFO replication`), not the cluster's gossip about it. */
interface Role {
  port: number;
  master: boolean;
  /** For a replica: its master's port, and whether it is in sync with it. */
  of?: number;
  synced?: boolean;
}

async function roleOf(client: IORedis, port: number): Promise<Role> {
  const info = await client.info('replication');
  if (info.includes('role:master')) return { port, master: true };
  return {
    port,
    master: false,
    of: Number(/master_port:(\d+)/.exec(info)?.[1]),
    synced: info.includes('master_link_status:up'),
  };
}

/**
 * Starts `masters` cluster nodes and `replicas` replicas of each, joins them and waits for
 * `cluster_state:ok` on each.
 */
export async function startTestRedisCluster(masters = 3, replicas = 0): Promise<TestRedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-test-cluster-'));
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  const allPorts: number[] = [];
  const clients = new Map<number, IORedis>();
  // One client per node for the cluster's life; ioredis reconnects it across a restart.
  const node = (port: number) => {
    let client = clients.get(port);
    if (!client) {
      client = new IORedis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1 });
      client.on('error', () => undefined);
      clients.set(port, client);
    }
    return client;
  };
  const roles = () => Promise.all(allPorts.map((port) => roleOf(node(port), port)));
  const waitOk = async (probes: IORedis[]) => {
    await until('cluster_state:ok on every node', async () => {
      const infos = await Promise.all(probes.map((probe) => probe.cluster('INFO')));
      return infos.every((info) => String(info).includes('cluster_state:ok'));
    });
  };
  const stop = async () => {
    for (const client of clients.values()) client.disconnect();
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await Promise.all(children.map(ended));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < masters * (1 + replicas); i++) {
      allPorts.push(await freeClusterPort(allPorts));
    }
    for (const port of allPorts) children.push(launch(port, dir));
    const probes = allPorts.map(node);
    await until('every node answers', async () => {
      const replies = await Promise.all(probes.map((probe) => probe.ping()));
      return replies.every((reply) => reply === 'PONG');
    });
    createCluster(allPorts, replicas);
    await waitOk(probes);
    await until('every replica in sync with its master', async () =>
      (await roles()).every((role) => role.master || role.synced === true),
    );
    ports.push(...(await roles()).filter((role) => role.master).map((role) => role.port));
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
      for (const port of allPorts) children.push(launch(port, dir));
      await waitOk(allPorts.map(node));
    },
    async failover(port) {
      const replica = (await roles()).find((role) => role.of === port && role.synced === true);
      if (!replica) throw new Error(`redis cluster: no replica in sync with a master at ${port}`);
      await node(replica.port).cluster('FAILOVER');
      await until(`${replica.port} the master, ${port} its replica`, async () => {
        const [promoted, demoted] = await Promise.all([
          roleOf(node(replica.port), replica.port),
          roleOf(node(port), port),
        ]);
        return promoted.master && demoted.of === replica.port;
      });
      await waitOk(allPorts.map(node));
      return replica.port;
    },
    stop,
  };
}
