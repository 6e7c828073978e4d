/**
 * `sitemap.xml` and `robots.txt`. The sitemap lists every region, category-in-region,
 * place and product-in-region page once per language, each language version as its own
 * `<url>` carrying the full set of alternates (`xhtml:link` hreflang for every language
 * and `x-default`, itself included), as Google documents for multilingual sitemaps;
 * `lastmod` comes from the freshest offer behind the page. Up to `PART_SIZE` URLs it is
 * one file; beyond, `/sitemap.xml` is a sitemap index of parts under `/sitemaps/`. A page's
 * language versions always stay together in one part.
 */
import { LOCALES } from '@lokaal/core';
import type { SitemapEntries } from '../store/pages.js';
import { escapeHtml } from './html.js';
import { categoryPath, placePath, productPath, regionPath, regionsPath, type PagePath } from './paths.js';

/**
 * Pages per sitemap file, each listed once per language (so 2 × 2,500 `<url>` entries);
 * the protocol allows 50,000 URLs, smaller files are kinder to crawlers.
 */
export const PART_SIZE = 2500;

export type SitemapSection = 'regios' | 'plaatsen' | 'producten';

interface SitemapUrl {
  path: PagePath;
  lastModified: string | null;
}

function sectionUrls(entries: SitemapEntries, section: SitemapSection): SitemapUrl[] {
  switch (section) {
    case 'regios': {
      const newest = entries.regions.reduce<string | null>(
        (max, region) =>
          region.lastModified && (!max || region.lastModified > max) ? region.lastModified : max,
        null,
      );
      return [
        { path: regionsPath(), lastModified: newest },
        ...entries.regions.flatMap((region) => [
          { path: regionPath(region.id, null), lastModified: region.lastModified },
          ...region.categories.map((category) => ({
            path: categoryPath(region.id, category, null),
            lastModified: region.lastModified,
          })),
        ]),
      ];
    }
    case 'plaatsen':
      return entries.places.map((place) => ({
        path: placePath(place.id, null),
        lastModified: place.lastModified,
      }));
    case 'producten':
      return entries.products.map((entry) => ({
        path: productPath(entry.gtin, entry.regionId, null),
        lastModified: entry.lastModified,
      }));
  }
}

const SECTIONS: readonly SitemapSection[] = ['regios', 'plaatsen', 'producten'];

function urlSet(origin: string, urls: SitemapUrl[]): string {
  const body = urls
    .map((url) => {
      const lastmod = url.lastModified ? `<lastmod>${escapeHtml(url.lastModified)}</lastmod>` : '';
      const alternates =
        LOCALES.map(
          (locale) =>
            `<xhtml:link rel="alternate" hreflang="${locale}" href="${escapeHtml(origin + url.path[locale])}"/>`,
        ).join('') +
        `<xhtml:link rel="alternate" hreflang="x-default" href="${escapeHtml(origin + url.path.nl)}"/>`;
      return LOCALES.map(
        (locale) => `<url><loc>${escapeHtml(origin + url.path[locale])}</loc>${lastmod}${alternates}</url>`,
      ).join('\n');
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${body}
</urlset>
`;
}

function newestOf(urls: SitemapUrl[]): string | null {
  let newest: string | null = null;
  for (const url of urls)
    if (url.lastModified && (!newest || url.lastModified > newest)) newest = url.lastModified;
  return newest;
}

/** The whole sitemap when it fits one file, else the index of its parts. */
export function sitemapRoot(origin: string, entries: SitemapEntries): string {
  const all = SECTIONS.map((section) => ({ section, urls: sectionUrls(entries, section) }));
  const total = all.reduce((sum, entry) => sum + entry.urls.length, 0);
  if (total <= PART_SIZE)
    return urlSet(
      origin,
      all.flatMap((entry) => entry.urls),
    );
  const parts = all.flatMap(({ section, urls }) =>
    Array.from({ length: Math.ceil(urls.length / PART_SIZE) }, (_, index) => {
      const lastModified = newestOf(urls.slice(index * PART_SIZE, (index + 1) * PART_SIZE));
      return `<sitemap><loc>${escapeHtml(`${origin}/sitemaps/${section}-${index + 1}.xml`)}</loc>${
        lastModified ? `<lastmod>${escapeHtml(lastModified)}</lastmod>` : ''
      }</sitemap>`;
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${parts.join('\n')}
</sitemapindex>
`;
}

/** One part (`regios-1`, `plaatsen-3`, …), or `null` when there is no such part. */
export function sitemapPart(
  origin: string,
  entries: SitemapEntries,
  section: SitemapSection,
  number: number,
): string | null {
  const urls = sectionUrls(entries, section).slice((number - 1) * PART_SIZE, number * PART_SIZE);
  if (number < 1 || urls.length === 0) return null;
  return urlSet(origin, urls);
}

export function parsePartName(name: string): { section: SitemapSection; number: number } | null {
  const match = /^(regios|plaatsen|producten)-([1-9]\d{0,5})\.xml$/.exec(name);
  return match ? { section: match[1] as SitemapSection, number: Number(match[2]) } : null;
}

export function robotsTxt(origin: string): string {
  return `# Lokaal: every local place and offer is a page; crawl them all.
User-agent: *
Allow: /

Sitemap: ${origin}/sitemap.xml
`;
}
