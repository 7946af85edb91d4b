/*
 * The posts feature's public face: what other features and the server, scripts and benchmarks may use.
 * Import from here, never from the files behind it (npm run lint checks; docs/ARCHITECTURE.md, "Feature boundaries").
 */
export { postImagesRoutes } from './post-images.routes.js';
export { postsRoutes } from './posts.routes.js';
export { type PostView, postView } from './posts.schema.js';
export { createReflectionPost, getPost, type ReflectionPostInput, readFeed } from './posts.service.js';
