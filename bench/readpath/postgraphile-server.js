// The PostGraphile 4.14 side of bench/run-readpath-bench.sh: the server's own PostgreSQL, the same
// application role (row-level security applies to it), the same RS256 token verified with the
// embedded issuer's public key, and the tenant claim set as `app.tenant_id` for the transaction, as
// TenantDatabase does. Relations the schema keeps without foreign keys (V9) are declared in
// postgraphile.tags.json5 (smart tags: the file form of smart comments, so the server's schema is not
// altered). Usage: node postgraphile-server.js <port> <database url> <public key pem> <issuer> <pool size>
const fs = require("fs");
const http = require("http");
const jwt = require("jsonwebtoken");
const { postgraphile } = require("postgraphile");
const { TagsFilePlugin } = require("postgraphile/plugins");

const [port, databaseUrl, publicKeyPath, issuer, poolSize] = process.argv.slice(2);
const publicKey = fs.readFileSync(publicKeyPath);
const { Pool } = require("pg");
const pool = new Pool({ connectionString: databaseUrl, max: Number(poolSize) });

const middleware = postgraphile(pool, ["public", "postgraphile_bench"], {
  appendPlugins: [TagsFilePlugin],
  disableQueryLog: true,
  graphiql: false,
  watchPg: false,
  retryOnInitFail: false,
  setofFunctionsContainNulls: false,
  // Same checks as the server's decoder: signature (RS256 only), issuer, expiry. A bad token fails the request.
  pgSettings: async (req) => {
    const header = req.headers.authorization || "";
    if (!header.startsWith("Bearer ")) throw new Error("no bearer token");
    const claims = jwt.verify(header.slice(7), publicKey, { algorithms: ["RS256"], issuer });
    return { "app.tenant_id": String(claims.tenant) };
  },
});

http.createServer(middleware).listen(Number(port), "127.0.0.1", () => console.log(`postgraphile listening on ${port}`));
