import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `npm start` serves the API during development; the studio itself always uses relative URLs. */
const server = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    // Same paths as production, where the server serves this build on its own origin.
    proxy: {
      '/api': server,
      '/hooks': server,
      '/health': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
