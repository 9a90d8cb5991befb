import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import Redis from 'ioredis';

const ROOT = join(__dirname, '..', '..');

export type BenchMode = { name: string; env: Record<string, string> };
export type BenchServer = { baseUrl: string; stop(): Promise<void> };

/** A fresh Fluxo all-in-one process for one mode of the benchmark, on its own database. */
export async function startBenchServer(mode: 'embedded' | 'postgres+redis', port: number): Promise<BenchServer> {
  const cleanups: Array<() => Promise<void>> = [];
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'info', FLUXO_SECRET_KEY: randomBytes(32).toString('hex') };
  if (mode === 'embedded') {
    const dir = mkdtempSync(join(tmpdir(), 'fluxo-bench-'));
    env.DATA_DIR = dir;
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  } else {
    const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `fluxo_bench_${randomBytes(4).toString('hex')}`;
    await adminQuery(admin, `CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    env.REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
    env.QUEUE_PREFIX = name;
    cleanups.push(async () => {
      await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      const redis = new Redis(env.REDIS_URL!);
      const keys = await redis.keys(`${name}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    });
  }
  const child = spawn(process.execPath, ['-r', join(ROOT, 'tools', 'ts-register.cjs'), join(ROOT, 'server', 'src', 'main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  await waitForStart(child);
  // Requests are logged at info on stdout, as in production; the bench reads none of it.
  child.stdout?.resume();
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      for (const cleanup of cleanups) await cleanup();
    },
  };
}

function waitForStart(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('process started')) {
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Fluxo exited with ${code} before it started:\n${output.slice(-2000)}`)));
  });
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
