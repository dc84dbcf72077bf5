/**
 * The format pool ends cleanly (src/emit/format-pool.ts): close() with jobs queued and in flight
 * stops every worker (each emits 'exit') and every job still gets an answer; a format() after
 * close() starts nothing and is answered undefined (the caller formats in-thread). And a pool
 * whose workers sit idle, one of them never given a job, does not keep a process alive: that
 * was why `codegen generate` sometimes printed its summary and never exited.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { Worker } from "node:worker_threads";
import { createFormatPool } from "../../../src/emit/format-pool.js";
import { prettierModuleUrl } from "../../../src/emit/prettier-module.js";
import { REPO_ROOT } from "../../helpers/paths.js";

const prettier = prettierModuleUrl(REPO_ROOT)!;
const options = { parser: "typescript" };
const source = (n: number) =>
  `export const a${n}={b:[${Array.from({ length: 40 }, (_, k) => k).join(",")}]}`;

/** Resolves when `worker` has exited (at once if it already has). */
const exited = (worker: Worker) =>
  new Promise<number>((resolve) => worker.once("exit", resolve));

describe("closing the format pool", () => {
  it("stops every worker with jobs in flight and queued, and answers every job", async () => {
    const pool = createFormatPool(prettier, 2);
    const exits = pool.workers.map(exited);
    // Two in flight (one per worker), the rest queued in the main thread.
    const jobs = Array.from({ length: 6 }, (_, n) =>
      pool.format(source(n), options),
    );
    await pool.close();
    await expect(Promise.all(exits)).resolves.toHaveLength(2);
    const answers = await Promise.all(jobs);
    // Each answer is Prettier's text or undefined (formatted in-thread by the caller), never pending.
    for (const [n, answer] of answers.entries())
      if (answer !== undefined)
        expect(answer).toContain(`export const a${n} = {`);
    expect(answers.slice(2)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("answers a format() after close() with undefined and starts no worker", async () => {
    const pool = createFormatPool(prettier, 2);
    expect(await pool.format(source(0), options)).toContain(
      "export const a0 = {",
    );
    const exits = pool.workers.map(exited);
    await pool.close();
    await Promise.all(exits);
    expect(await pool.format(source(1), options)).toBeUndefined();
    expect(pool.workers).toHaveLength(2);
    // A second close() is the first one.
    await expect(pool.close()).resolves.toBeUndefined();
  });

  it("does not keep a process alive with a worker that never got a job, nor after its jobs are done", async () => {
    // A pool of two given one job, never closed: the process must end by itself once the job is
    // answered. The pool's source (Node built-ins only) runs in a plain child process as JavaScript.
    const folder = mkdtempSync(join(tmpdir(), "codegen-pool-exit-"));
    const poolSource = readFileSync(
      join(REPO_ROOT, "src", "emit", "format-pool.ts"),
      "utf8",
    );
    const compiled = ts.transpileModule(poolSource, {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
      },
    }).outputText;
    writeFileSync(join(folder, "format-pool.mjs"), compiled);
    writeFileSync(
      join(folder, "main.mjs"),
      `
      const { createFormatPool } = await import('./format-pool.mjs');
      const pool = createFormatPool(${JSON.stringify(prettier)}, 2);
      const out = await pool.format('const  a=1', { parser: 'typescript' });
      process.stdout.write(JSON.stringify(out));
    `,
    );
    const { code, stdout } = await new Promise<{
      code: number | null;
      stdout: string;
    }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(folder, "main.mjs")], {
        cwd: REPO_ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout
        .setEncoding("utf8")
        .on("data", (chunk: string) => (out += chunk));
      child.stderr
        .setEncoding("utf8")
        .on("data", (chunk: string) => (out += chunk));
      const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
      child.on("error", reject);
      child.on("close", (exitCode) => {
        clearTimeout(timer);
        resolve({ code: exitCode, stdout: out });
      });
    }).finally(() => rmSync(folder, { recursive: true, force: true }));
    expect(stdout).toBe(JSON.stringify("const a = 1;\n"));
    expect(code).toBe(0);
  }, 90_000);
});
