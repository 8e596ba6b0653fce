import { buildServer } from './http/server';

const port = Number(process.env.PORT ?? 8787);
const app = buildServer();
await app.listen({ host: '127.0.0.1', port });
console.log(`switchboard backend listening on http://127.0.0.1:${port}`);
