// GoRules ZEN (@gorules/zen-engine, in-process native binding) evaluating one JDM graph over the
// same NDJSON inputs as the JMH benchmark, for a fixed time; prints {"mode", "evalsPerSecond"}.
// Usage: node zen-bench.js GRAPH INPUTS SECONDS [inflight]
//   inflight = 1: await each call; > 1: keep that many calls in flight (ZEN's best rate here).
'use strict';
const fs = require('fs');
const { ZenEngine } = require('@gorules/zen-engine');

async function main() {
  const [graphPath, inputsPath, secondsText, inflightText] = process.argv.slice(2);
  const seconds = Number(secondsText);
  const inflight = Number(inflightText || '1');
  const inputs = fs.readFileSync(inputsPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const engine = new ZenEngine();
  const decision = engine.createDecision(JSON.parse(fs.readFileSync(graphPath, 'utf8')));
  let next = 0;
  let done = 0;
  const deadline = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  const started = process.hrtime.bigint();
  async function worker() {
    while (process.hrtime.bigint() < deadline) {
      const input = inputs[next];
      next = next + 1 === inputs.length ? 0 : next + 1;
      await decision.evaluate(input);
      done++;
    }
  }
  await Promise.all(Array.from({ length: inflight }, worker));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({ mode: inflight === 1 ? 'await' : `inflight-${inflight}`, evalsPerSecond: done / elapsed }) + '\n');
  engine.dispose && engine.dispose();
}

main().catch((error) => { console.error(error); process.exit(1); });
