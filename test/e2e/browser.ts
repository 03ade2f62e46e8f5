/**
 * Shared by the browser tests: serve dist/ on localhost, launch headless Chromium (playwright-core,
 * the system's Chromium) and open a page that records page errors, console errors and any request
 * that leaves the local server. Screenshots go to build/screenshots/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serve, type RunningServer } from '../../scripts/serve';

export const ROOT = join(__dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'build', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PreviewSession {
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** page errors and console errors, in order */
  problems: string[];
  /** URLs requested outside the local server */
  foreignRequests: string[];
  /** `http://localhost:<port>/preview.html` plus `search` */
  previewUrl(search?: string): string;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** default 1280×800 */
  viewport?: { width: number; height: number };
}

/** Serves dist/, launches Chromium and opens one watched page (1280×800, zh-CN, reduced motion). */
export async function openPreviewSession({ viewport = { width: 1280, height: 800 } }: SessionOptions = {}): Promise<PreviewSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/install-system-deps.sh or set CHROMIUM_PATH.`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await serve(join(ROOT, 'dist'), 0);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    await server.close();
    throw error;
  }
  // Reduced motion: screenshots show settled tab indicators and message bars, not transitions.
  const context = await browser.newContext({ viewport, locale: 'zh-CN', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems: string[] = [];
  const foreignRequests: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(server.origin)) foreignRequests.push(request.url());
  });
  return {
    server,
    browser,
    page,
    problems,
    foreignRequests,
    previewUrl: (search = '') => `${server.origin}/preview.html${search}`,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
