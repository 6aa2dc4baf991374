#!/usr/bin/env node
/**
 * Renders SVG files to PNG in headless Chromium and checks them the way a
 * reader's browser would show them: the picture has its stated size, is not
 * blank, no text is cut off at the edge or drawn over other text, and every
 * kink marker (the paths in `g.kinks_marks`) is visible inside the picture.
 *
 *   node scripts/render-svg.mjs [file.svg ...] [--out folder]
 *   (default: every docs/*.svg, PNGs into out/png/; exits 1 if a check fails)
 *
 * Needs Debian's chromium (apt-get install -y chromium) and playwright-core (in the oracle package);
 * CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium } from '../test/oracles/playwright.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : join('out', 'png');
const files = args.filter((_, i) => outAt < 0 || (i !== outAt && i !== outAt + 1));
if (files.length === 0)
  files.push(
    ...readdirSync('docs')
      .filter((f) => f.endsWith('.svg'))
      .map((f) => join('docs', f)),
  );
if (files.length === 0) {
  console.error('render-svg: no SVG files given and none in docs/');
  process.exit(1);
}
mkdirSync(out, { recursive: true });

const started = performance.now();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
let failures = 0;
try {
  const page = await browser.newPage({ deviceScaleFactor: 2 });
  for (const file of files) {
    const svg = readFileSync(file, 'utf8');
    await page.setContent(`<!doctype html><html><body style="margin:0;background:white">${svg}</body></html>`);
    const report = await page.evaluate(inspect);
    const png = join(out, basename(file).replace(/\.svg$/, '.png'));
    await page.locator('svg').first().screenshot({ path: png });
    const problems = report.problems;
    failures += problems.length;
    console.log(
      `${problems.length === 0 ? 'ok  ' : 'FAIL'} ${file} → ${png}: ${report.width}×${report.height} px, ${report.texts} texts, ${report.kinks} kink markers, ${report.inked}% of pixels inked`,
    );
    for (const p of problems) console.log(`       ${p}`);
  }
} finally {
  await browser.close();
}
console.log(
  `render-svg: ${files.length} files, ${failures} problems, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(failures === 0 ? 0 : 1);

/** Runs in the page: measures what the browser actually drew. */
async function inspect() {
  const problems = [];
  const svg = document.querySelector('svg');
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  if (Math.abs(box.width - width) > 0.5 || Math.abs(box.height - height) > 0.5) {
    problems.push(`drawn ${box.width}×${box.height} but the SVG says ${width}×${height}`);
  }
  const inside = (r) =>
    r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;

  // Text: every label inside the picture, and no two labels drawn over each other.
  const texts = [...svg.querySelectorAll('text')]
    .filter(
      (t) =>
        t.textContent.trim() !== '' &&
        getComputedStyle(t).display !== 'none' &&
        Number(t.getAttribute('opacity') ?? 1) > 0,
    )
    .map((t) => ({ text: t.textContent.trim(), r: t.getBoundingClientRect() }))
    .filter(({ r }) => r.width > 0 && r.height > 0);
  for (const { text, r } of texts) if (!inside(r)) problems.push(`text "${text}" is cut off at the edge`);
  for (let a = 0; a < texts.length; a++) {
    for (let b = a + 1; b < texts.length; b++) {
      const p = texts[a].r;
      const q = texts[b].r;
      const overlapX = Math.min(p.right, q.right) - Math.max(p.left, q.left);
      const overlapY = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
      if (overlapX > 1 && overlapY > 1) problems.push(`text "${texts[a].text}" overlaps "${texts[b].text}"`);
    }
  }

  // Kink markers: each one drawn, with a size, inside the picture.
  const kinks = [...svg.querySelectorAll('g.kinks_marks > path')];
  kinks.forEach((k, i) => {
    const r = k.getBoundingClientRect();
    if (r.width < 3 || r.height < 3 || !inside(r))
      problems.push(`kink marker ${i + 1} is not visible (${r.width}×${r.height} at ${r.left},${r.top})`);
  });

  // Not blank: draw the SVG onto a canvas and count pixels that are not white.
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, width, height).data;
  let inked = 0;
  for (let n = 0; n < pixels.length; n += 4) if (pixels[n] < 245 || pixels[n + 1] < 245 || pixels[n + 2] < 245) inked++;
  const share = (100 * inked) / (width * height);
  if (share < 1) problems.push(`only ${share.toFixed(2)}% of the pixels are drawn: the picture is (nearly) blank`);
  return { width, height, texts: texts.length, kinks: kinks.length, inked: share.toFixed(1), problems };
}
