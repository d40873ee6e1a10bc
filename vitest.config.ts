import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests only. End-to-end tests (tests/e2e) load the built extension into real
// browsers and run through `npm run test:e2e`, not vitest.
export default defineConfig({
  plugins: [WxtVitest()],
  // WxtVitest does not apply the Vite plugins from wxt.config.ts (the Preact preset),
  // so compile TSX for Preact here: automatic runtime, no React in sight.
  esbuild: {
    jsx: 'automatic',
    jsxImportSource: 'preact',
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}', 'lib/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', '.output/**'],
    restoreMocks: true,
    // After WXT's own setup (the fake browser): its i18n answers from the English catalogue.
    setupFiles: ['tests/unit/setup-i18n.ts'],
  },
});
