import { launch, newPage, serveSite } from './serve.js';
const [file, width, step] = [process.argv[2], Number(process.argv[3] ?? 1280), Number(process.argv[4] ?? 1500)];
const server = await serveSite();
const browser = await launch();
const { page, errors } = await newPage(browser, width, 800);
await page.goto(server.url + file);
await page.waitForTimeout(800);
const height = await page.evaluate(() => document.documentElement.scrollHeight);
for (let y = 0, k = 0; y < height; y += step, k++) {
  await page.screenshot({ path: `/tmp/part-${k}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(step, height - y) } });
}
console.log('height', height, errors);
await browser.close();
await server.close();
