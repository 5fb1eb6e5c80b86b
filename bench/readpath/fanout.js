// Load generator of bench/run-fanout-bench.sh: TENANTS tenants, each with one bank account connected to the
// aggregator; SUBSCRIBERS subscribers of `cashPositionChanged` spread round-robin over the server instances and
// the tenants (a share over GraphQL over SSE, the rest over graphql-transport-ws), each with its own token;
// then WEBHOOKS signed bank webhooks at RATE per second, alternating instances and tenants, one transaction
// each whose amount is the webhook's sequence number, so every message names the webhook it comes from.
// Counts per subscriber: lost (a webhook of its tenant it never received), misdelivered (a message of another
// tenant's webhook), duplicated. Latency: webhook acknowledged (HTTP response) -> message read by the client,
// both on this process's clock. Heap per idle subscriber (heap after a full GC, before and after the
// subscribers connect) and CPU per delivered message (user + system time of the server processes during the
// webhook phase) are read from the server processes (jcmd, /proc).
// Usage: node fanout.js <config.json>
const fs = require("fs");
const http = require("http");
const crypto = require("crypto");
const { execFileSync } = require("child_process");
const jwt = require("jsonwebtoken");
const WebSocket = require("ws");

const config = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const { servers, pids, tenants, subscribers, sseShare, webhooks, rate, issuer, webhookSecret, settleSeconds } = config;
const privateKey = fs.readFileSync(config.privateKeyPath);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const today = new Date().toISOString().slice(0, 10);
const log = (message) => console.log(`${new Date().toISOString()} ${message}`);

function token(tenant, subject, roles) {
  return jwt.sign({ tenant, roles, jti: crypto.randomUUID() }, privateKey, { algorithm: "RS256", issuer, subject, expiresIn: "4h" });
}

function post(url, body, headers) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent, headers: { "Content-Type": "application/json", ...headers } }, (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode, text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

async function graphql(server, bearer, query, variables) {
  const answer = await post(`${server}/graphql`, JSON.stringify({ query, variables }), { Authorization: `Bearer ${bearer}` });
  const parsed = JSON.parse(answer.text);
  if (parsed.errors) throw new Error(`${server}: ${JSON.stringify(parsed.errors)}`);
  return parsed.data;
}

/** A valid French IBAN for account number n (ISO 13616 check digits). */
function iban(n) {
  const bban = `30006000${String(n).padStart(11, "0")}89`;
  const digits = (bban + "FR00").replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return `FR${String(98 - remainder).padStart(2, "0")}${bban}`;
}

async function setUpTenants() {
  const names = Array.from({ length: tenants }, (_, index) => `fan${index}`);
  for (let start = 0; start < names.length; start += 8) {
    await Promise.all(names.slice(start, start + 8).map(async (tenant, offset) => {
      const admin = token(tenant, "setup", ["ADMIN"]);
      const server = servers[0];
      const ledger = await graphql(server, admin, `mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }`,
        { input: { idempotencyKey: "fan-bank", code: "512000", name: "Bank", type: "ASSET", currency: "EUR" } });
      const created = await graphql(server, admin, `mutation($input: CreateBankAccountInput!) { createBankAccount(input: $input)
        { bankAccount { id } userErrors { code message } } }`, { input: { idempotencyKey: "fan-bank", name: "Current account",
          bankName: "Bench Bank", entity: "HQ", currency: "EUR", iban: iban(start + offset + 1), ledgerAccountId: ledger.createAccount.account.id,
          openingBalance: "0", openingDate: "2026-01-01", externalId: `agg-${tenant}` } });
      if (created.createBankAccount.userErrors.length) throw new Error(JSON.stringify(created.createBankAccount.userErrors));
    }));
  }
  return names;
}

const SUBSCRIPTION = "subscription { cashPositionChanged { eventId transactionCount netChange { amount currency } bankAccount { id } } }";

/** Per subscriber: its tenant, and the sequence numbers received with their arrival times. */
function subscriber(index, tenant, server, transport, onMessage) {
  const state = { index, tenant, transport, received: new Map(), duplicates: 0, errors: 0, ready: false, closed: false };
  const bearer = token(tenant, `subscriber-${index}`, ["FINANCE"]);
  const deliver = (payload) => {
    const at = performance.now();
    const data = payload && payload.data && payload.data.cashPositionChanged;
    if (!data) { state.errors++; if (state.errors === 1 && payload) state.firstError = JSON.stringify(payload).slice(0, 300); return; }
    const sequence = Math.round(Number(data.netChange.amount)) - 1;
    if (state.received.has(sequence)) state.duplicates++; else state.received.set(sequence, at);
    onMessage(state, sequence, at);
  };
  const started = new Promise((resolve) => {
    if (transport === "ws") {
      const socket = new WebSocket(`${server.replace("http", "ws")}/graphql-ws`, "graphql-transport-ws");
      socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: { Authorization: `Bearer ${bearer}` } })));
      socket.on("message", (raw) => {
        const message = JSON.parse(raw);
        if (message.type === "connection_ack") {
          socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: SUBSCRIPTION } }));
          state.ready = true;
          resolve();
        } else if (message.type === "next") deliver(message.payload);
        else if (message.type === "ping") socket.send(JSON.stringify({ type: "pong" }));
        else if (message.type === "error") { state.errors++; state.firstError = JSON.stringify(message).slice(0, 300); }
      });
      socket.on("close", (code) => { state.closed = true; state.closeCode = code; resolve(); });
      socket.on("error", () => { state.errors++; resolve(); });
    } else {
      const request = http.request(`${server}/graphql`, { method: "POST", agent: false, headers: { "Content-Type": "application/json",
        Accept: "text/event-stream", Authorization: `Bearer ${bearer}` } }, (response) => {
        state.ready = response.statusCode === 200;
        let buffer = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = event.split("\n").filter((line) => line.startsWith("data:")).map((line) => line.slice(5)).join("\n");
            if (event.includes("event:next") || event.includes("event: next")) deliver(JSON.parse(data));
          }
        });
        response.on("end", () => (state.closed = true));
      });
      request.on("error", () => { state.errors++; state.closed = true; resolve(); });
      // The stream's headers may wait for its first event or keep-alive: the subscription is made once sent.
      request.end(JSON.stringify({ query: SUBSCRIPTION }), resolve);
    }
  });
  return { state, started };
}

function heapAfterGcKiB(pid) {
  execFileSync("jcmd", [String(pid), "GC.run"], { stdio: "ignore" });
  const info = execFileSync("jcmd", [String(pid), "GC.heap_info"], { encoding: "utf8" });
  return Number(/used (\d+)K/.exec(info)[1]);
}

function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
}

function signedWebhook(server, tenant, sequence) {
  const body = JSON.stringify({ accountId: `agg-${tenant}`, transactions: [{ id: `tx-${sequence}`, bookingDate: today,
    valueDate: today, amount: `${sequence + 1}.00`, currency: "EUR", counterparty: "Bench customer", label: `Bench ${sequence}` }] });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = "sha256=" + crypto.createHmac("sha256", webhookSecret).update(`${timestamp}.${body}`).digest("hex");
  return post(`${server}/webhooks/bank-aggregator/${tenant}`, body, { "X-Timestamp": timestamp, "X-Signature": signature });
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

async function main() {
  const names = await setUpTenants();
  log(`${tenants} tenants set up`);
  const heapBefore = pids.map(heapAfterGcKiB);
  const all = [];
  const byTenant = new Map(names.map((name) => [name, []]));
  const onMessage = () => {};
  for (let start = 0; start < subscribers; start += 200) {
    const batch = [];
    for (let index = start; index < Math.min(subscribers, start + 200); index++) {
      const tenant = names[index % tenants];
      const transport = (index % 100) < sseShare * 100 ? "sse" : "ws";
      const created = subscriber(index, tenant, servers[Math.floor(index / tenants) % servers.length], transport, onMessage);
      all.push(created.state);
      byTenant.get(tenant).push(created.state);
      batch.push(created.started);
    }
    await Promise.all(batch);
  }
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const ready = all.filter((state) => !state.closed && (state.ready || state.transport === "sse")).length;
  log(`${ready} of ${subscribers} subscribers connected (${all.filter((s) => s.transport === "sse").length} over SSE)`);
  const heapIdle = pids.map(heapAfterGcKiB);
  const rssKiB = pids.map((pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))[1]));

  // Warm-up: one webhook per tenant (negative sequence numbers are not used: these take the first numbers).
  const acknowledged = new Map();
  const tenantOf = new Map();
  let sequence = 0;
  const send = async (tenant, server) => {
    const own = sequence++;
    tenantOf.set(own, tenant);
    const answer = await signedWebhook(server, tenant, own);
    if (answer.status !== 200) throw new Error(`webhook ${own}: ${answer.status} ${answer.text}`);
    acknowledged.set(own, performance.now());
  };
  await Promise.all(names.map((tenant, index) => send(tenant, servers[index % servers.length])));
  const warmups = sequence;
  await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
  log(`warm-up: ${warmups} webhooks`);

  const cpuBefore = pids.map(cpuSeconds);
  const phaseStart = performance.now();
  const inFlight = [];
  for (let index = 0; index < webhooks; index++) {
    const due = phaseStart + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(names[index % tenants], servers[index % servers.length]));
  }
  await Promise.all(inFlight);
  const sendSeconds = (performance.now() - phaseStart) / 1000;
  await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
  const cpuAfter = pids.map(cpuSeconds);

  // Every subscriber should hold exactly the measured webhooks of its own tenant.
  const latencies = [];
  let expected = 0, delivered = 0, lost = 0, misdelivered = 0, duplicates = 0, early = 0, errors = 0;
  const firstErrors = new Set();
  for (const state of all) {
    duplicates += state.duplicates;
    errors += state.errors;
    if (state.firstError && firstErrors.size < 3) firstErrors.add(state.firstError);
    for (const [received, at] of state.received) {
      if (tenantOf.get(received) !== state.tenant) { misdelivered++; continue; }
      if (received < warmups) continue;
      delivered++;
      const latency = at - acknowledged.get(received);
      if (latency < 0) early++;
      latencies.push(Math.max(0, latency));
    }
    for (let measured = warmups; measured < sequence; measured++) {
      if (tenantOf.get(measured) !== state.tenant) continue;
      expected++;
      if (!state.received.has(measured)) lost++;
    }
  }
  latencies.sort((a, b) => a - b);
  const cpu = cpuAfter.reduce((sum, value, index) => sum + value - cpuBefore[index], 0);
  const result = {
    subscribers, connected: ready, sse: all.filter((s) => s.transport === "sse").length, tenants, instances: servers.length,
    webhooks, webhooksPerSecond: +(webhooks / sendSeconds).toFixed(1), expected, delivered, lost, misdelivered, duplicates,
    subscriberErrors: errors, firstErrors: [...firstErrors], deliveredBeforeAck: early,
    latencyMs: { p50: +percentile(latencies, 50).toFixed(1), p95: +percentile(latencies, 95).toFixed(1),
      p99: +percentile(latencies, 99).toFixed(1), max: +percentile(latencies, 100).toFixed(1) },
    heapKiBBefore: heapBefore, heapKiBIdle: heapIdle, rssKiBIdle: rssKiB,
    heapPerIdleSubscriberKiB: +((heapIdle.reduce((a, b) => a + b) - heapBefore.reduce((a, b) => a + b)) / Math.max(1, ready)).toFixed(1),
    serverCpuSeconds: +cpu.toFixed(2), cpuMsPerDeliveredMessage: +((cpu * 1000) / Math.max(1, delivered)).toFixed(3),
  };
  console.log("RESULT " + JSON.stringify(result));
  process.exit(0);
}

main().catch((error) => { console.error(error); process.exit(1); });
