import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { Router, type Request, type RequestHandler } from 'express';
import { projectRoot } from '../../shared/project-root';

// The browser code is plain ES modules served as written: no build step to forget. Found from the
// project root, so a compiled service (dist/) serves the same files.
const PUBLIC_DIR = path.join(projectRoot(), 'src', 'modules', 'web-app', 'public');

/** Third-party browser files, served from node_modules under fixed names (nothing else is). */
const VENDOR: Record<string, [pkg: string, file: string]> = {
  'lit-html.js': ['lit-html', 'lit-html.js'],
  'd3.min.js': ['d3', 'dist/d3.min.js'],
  'plot.umd.min.js': ['@observablehq/plot', 'dist/plot.umd.min.js'],
};

// Every asset comes from this origin (intranet users are offline); scripts only from files.
// Plot writes <style> elements into its SVGs, hence inline styles.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'same-origin');
  next();
};

/** A package's file, found where Node would find the package (packages may hide it from `exports`). */
export function packageFile(pkg: string, file: string): string {
  for (const dir of require.resolve.paths(pkg) ?? []) {
    const candidate = path.join(dir, pkg, file);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${pkg}/${file} is not installed: run npm ci`);
}

/** The page languages, as the browser code names them. */
const LANGUAGES = ['en', 'zh-CN'] as const;

/**
 * The page's language: `?lang=` when it names one, else the best of the request's
 * Accept-Language (any Chinese is zh-CN), else English.
 */
export function pageLanguage(req: Request): (typeof LANGUAGES)[number] {
  const asked = req.query.lang;
  const listed = LANGUAGES.find((language) => language === asked);
  if (listed) return listed;
  const accepted = req.acceptsLanguages('en', 'zh-CN', 'zh');
  return typeof accepted === 'string' && accepted.startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * The scorecard web app under `/app`: assets, vendor files and, for every other `/app` path, the
 * app shell, so deep links (`/app/ranking/2026-Q1`) open the view after sign-in. Revalidated on
 * every load (ETag), so an upgrade never mixes old and new files.
 */
export function webAppRouter(): Router {
  const router = Router();
  const vendor = Object.fromEntries(
    Object.entries(VENDOR).map(([name, [pkg, file]]) => [name, packageFile(pkg, file)]),
  );
  const noCache: RequestHandler = (_req, res, next) => {
    res.setHeader('cache-control', 'no-cache');
    next();
  };
  router.use('/app', compression(), securityHeaders, noCache);
  router.use(
    '/app/assets',
    express.static(PUBLIC_DIR, { index: false, fallthrough: false, cacheControl: false }),
  );
  router.get('/app/vendor/:file', (req, res, next) => {
    const file = vendor[req.params.file];
    if (!file) return next();
    res.sendFile(file, { cacheControl: false });
  });
  const shell = readFileSync(path.join(PUBLIC_DIR, 'index.html'), 'utf8');
  router.get(['/app', '/app/{*view}'], (req, res, next) => {
    if (/^\/app\/(assets|vendor)\//.test(req.path)) return next();
    // The shell names the language chosen here; the browser code starts in it (see i18n.js).
    const language = pageLanguage(req);
    res.vary('Accept-Language');
    res
      .type('html')
      .send(
        shell.replace(
          '<html lang="en">',
          `<html lang="${language}" data-accept-language="${language}">`,
        ),
      );
  });
  return router;
}
