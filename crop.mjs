import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
await page.goto('file://' + process.argv[2]);
const el = await page.$$('figure');
await el[Number(process.argv[3])].screenshot({ path: process.argv[4] });
await browser.close();
