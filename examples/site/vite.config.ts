import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The site's own pages (home, lesson, exercises, worksheet): scripts/build-site.mjs builds them into site/,
// beside the playground's build and the API docs. 'feedforward' points at the library's source, as in the
// playground, so the pages always run the code in src/; base './' keeps every link relative, so the site
// works under any path (GitHub Pages serves a project at /<repository>/).
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  resolve: { alias: { feedforward: here('../../src/index.ts') } },
  build: {
    outDir: here('../../site'),
    emptyOutDir: false, // build-site.mjs empties site/ once, then adds the playground and the docs
    rollupOptions: {
      input: {
        index: here('index.html'),
        lesson: here('lesson.html'),
        exercises: here('exercises.html'),
        worksheet: here('worksheet.html'),
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
