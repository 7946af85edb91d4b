/**
 * The blog feeds bench's feed server, in a process of its own so its work is not counted against Waymark's:
 * `/feed/<n>` answers participant n's blog, ten posts of which four carry the programme's tag (one naming a thing
 * by number), as RSS 2.0 with an ETag. Prints `{"port":…}` once it listens. Started by bench/blog-feeds.ts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { create } from 'xmlbuilder2';

function feedOf(n: number): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele('rss', { version: '2.0' }).ele('channel');
  doc.ele('title').txt(`Blog of participant ${n}`);
  doc.ele('link').txt(`https://blog-${n}.example/`);
  doc.ele('description').txt('Learning out loud');
  for (let i = 0; i < 10; i++) {
    const item = doc.ele('item');
    item.ele('title').txt(i === 0 ? `Thing ${1 + (n % 5)}: what I found` : `Post ${i} of blog ${n}`);
    item.ele('link').txt(`https://blog-${n}.example/posts/${i}`);
    item.ele('guid', { isPermaLink: 'false' }).txt(`blog-${n}-post-${i}`);
    if (i % 3 === 0) item.ele('category').txt('learning-out-loud');
    item.ele('description').txt(`Some words about post ${i}, written for colleagues.`);
    item.ele('pubDate').txt(new Date(Date.UTC(2026, 10, 2 + i)).toUTCString());
  }
  return doc.end({ prettyPrint: false });
}

const server = http.createServer((req, res) => {
  const n = Number(/^\/feed\/(\d+)$/.exec(req.url ?? '')?.[1]);
  if (!Number.isInteger(n)) {
    res.writeHead(404).end();
    return;
  }
  const etag = `"feed-${n}"`;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/rss+xml', etag });
  res.end(feedOf(n));
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
