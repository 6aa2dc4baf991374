import { launch, newPage, serveSite } from './serve.js';
const server = await serveSite();
const browser = await launch();
const { page } = await newPage(browser);
page.on('response', (r) => { if (r.status() >= 400) console.log(r.status(), r.url()); });
for (const p of ['index.html', 'lesson.html', 'exercises.html#1', 'worksheet.html', 'playground/index.html', 'docs/index.html', 'docs/documents/docs_naming.html', 'docs/documents/docs_teaching.html']) {
  await page.goto(server.url + p); await page.waitForLoadState('networkidle');
}
await browser.close(); await server.close();
