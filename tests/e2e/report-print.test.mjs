// The printed report on A4 (planner review 15, items 3 and 4): it stays within three pages
// with a note on every stream, no row runs under the footer line, the total row is whole and
// beside the last stream, and the comparison's total row is the grand total and the change its
// first page gives.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUTPUT, browser, open, screenshot, serveAndLaunch, server } from './harness.mjs';

serveAndLaunch();

// Scenario A of the review's share link: technology +200万元 (with a note), the training base
// assumed granted at 40%, the city e-commerce bid granted in full.
const SCENARIO_A = '#v1;t:5pa55qGIQe-8muenkeaKgCsyMDDvvIzlrp7orq3ln7rlnLDojrfmibk0MCU;training-base=p40;'
  + 'ecommerce-city=g;tech-projects=800w,n5oyJ5Y6_56eR5oqA5bGA5oSP6KeB77yM5aKe5Yqg56eR5oqA6aG555uu5om25oyB77yb5b6F5bi45Yqh5Lya56CU56m244CC';

const NOTES = {
  'zh-Hans': '根据县政府常务会议纪要第十二期精神，结合县人社局、县财政局联合调研意见，拟调整本项资金安排，待县委常委会审定后执行。',
  'zh-Hant': '根據縣政府常務會議紀要第十二期精神，結合縣人社局、縣財政局聯合調研意見，擬調整本項資金安排，待縣委常委會審定後執行。',
  en: 'Per the minutes of the county standing meeting no. 12 and the joint survey by the HR and finance bureaus; to go to the county committee.',
};

// The figures scenario A's first page gives, and its total row (source, this scenario, change).
const FIGURES = {
  'zh-Hans': { total: /合计\s+3,788万元\s+2,788万元\s+-1,000万元/, grand: '2,788万元', delta: '-1,000万元', training: /800万元部分获批（40%），计划 2,000万元/ },
  'zh-Hant': { total: /合計\s+3,788萬元\s+2,788萬元\s+-1,000萬元/, grand: '2,788萬元', delta: '-1,000萬元', training: /800萬元部分獲批（40%），計劃 2,000萬元/ },
  en: { total: /Total\s+CNY 37\.88 million\s+CNY 27\.88 million\s+-CNY 10 million/, grand: 'CNY 27.88 million', delta: '-CNY 10 million', training: /CNY 8 million.*planned CNY 20 million/ },
};

/** Runs poppler's `tool` on the PDF with `args`; its output. */
function poppler(pdf, tool, args) {
  const dir = mkdtempSync(join(tmpdir(), 'mfe-print-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each page's words with their boxes (points, y down), as pdftotext -bbox reads them. */
function pageWords(pdf) {
  const xml = poppler(pdf, 'pdftotext', ['-bbox']);
  return xml.split('<page ').slice(1).map((page) => [...page.matchAll(
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )].map(([, x0, y0, x1, y1, text]) => ({ y0: Number(y0), y1: Number(y1), x0: Number(x0), x1: Number(x1), text })));
}

/**
 * Asserts that on every page the footer line is alone at the foot: the lowest words, as many as
 * the footer's text needs, are its text and nothing else (a row printed under it would add
 * words there, hidden by its paper), and every other word ends above its top.
 */
function assertFooterClear(pdf, footer) {
  const want = footer.replace(/\s+/g, '');
  const chars = (text) => [...text].sort().join('');
  pageWords(pdf).forEach((words, n) => {
    const lowest = [...words].sort((a, b) => b.y0 - a.y0);
    const foot = [];
    for (const word of lowest) {
      if (foot.join('').length >= want.length) break;
      foot.push(word.text.replace(/\s+/g, ''));
    }
    assert.equal(chars(foot.join('')), chars(want), `page ${n + 1}: only the footer at the foot`);
    const top = Math.min(...lowest.slice(0, foot.length).map((w) => w.y0));
    const above = lowest.slice(foot.length).sort((a, b) => b.y1 - a.y1)[0];
    assert.ok(!above || above.y1 <= top - 1, `page ${n + 1}: “${above?.text}” runs into the footer line`);
  });
}

/** The number of pages of a PDF. */
function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** Opens the explorer in `lang` at `fragment`; prints to A4; the PDF and the footer's text. */
async function printed(lang, fragment, notes = null) {
  const { page, errors } = await open(browser, `${server.url}/?lang=${lang}${fragment}`);
  if (notes) {
    const streams = await page.locator('[id$="-note-open"]').count();
    for (let i = 0; i < streams; i += 1) {
      const open = page.locator(`#stream-${i}-note-open`);
      if (!(await open.count())) continue;
      await open.click();
      await page.fill(`#stream-${i}-note`, notes);
      await page.press(`#stream-${i}-note`, 'Enter');
    }
    // The report follows the notes once typing pauses: wait until it prints each of them.
    await page.waitForFunction(([note, count]) => document.querySelector('.print-report .report-table')
      .textContent.split(note).length - 1 === count, [notes, streams]);
  }
  const grand = await page.locator('#total-grand').innerText();
  await page.locator('.print-report').filter({ hasText: grand }).waitFor({ state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  const footer = await page.locator('.report-footer').textContent();
  return { page, errors, pdf, footer };
}

/** Saves each page of `pdf` as tests/e2e/output/NAME-N.png. */
function pagesAsPng(pdf, name) {
  const dir = mkdtempSync(join(tmpdir(), 'mfe-print-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-r', '60', '-png', file, join(OUTPUT, name)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the printed report on A4', () => {
  for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
    test(`${lang}: scenario A in at most 3 pages, clear of the footer, its total row the grand total`, async () => {
      const { page, errors, pdf, footer } = await printed(lang, SCENARIO_A);
      pagesAsPng(pdf, `report-a-${lang}`);
      const pages = pageCount(pdf);
      assert.ok(pages <= 3, `${pages} pages`);
      assertFooterClear(pdf, footer);
      const texts = Array.from({ length: pages }, (_, n) => poppler(pdf, 'pdftotext', ['-f', `${n + 1}`, '-l', `${n + 1}`, '-layout']));
      const first = texts[0].replace(/[ \t]+/g, ' ');
      const { total, grand, delta, training } = FIGURES[lang];
      // The total row whole, once, on page 1, beside the last stream (SYE), and it is the
      // grand total and the change the page gives above it.
      assert.match(first, total, first);
      assert.equal(texts.filter((t) => total.test(t.replace(/[ \t]+/g, ' '))).length, 1, 'one total row');
      const totalLine = first.split('\n').findIndex((l) => total.test(l));
      assert.ok(first.split('\n').slice(0, totalLine).some((l) => /SYE/.test(l)), 'the last stream above the total');
      const headline = (await page.locator('.report-totals').textContent()).replace(/\s+/g, ' ');
      assert.ok(headline.includes(grand) && headline.includes(delta), headline);
      // The training base counts 800万元 of a 2,000万元 plan: said under its figure.
      const row = (await page.locator('.report-stream').nth(3).textContent()).replace(/\s+/g, ' ');
      assert.match(row, training);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test(`${lang}: a note on every stream still gives at most 3 pages, rows clear of the footer`, async () => {
      const { page, errors, pdf, footer } = await printed(lang, '', NOTES[lang]);
      pagesAsPng(pdf, `report-notes-${lang}`);
      const pages = pageCount(pdf);
      assert.ok(pages >= 2 && pages <= 3, `${pages} pages`);
      assertFooterClear(pdf, footer);
      // Every note is printed, under its stream's figures, on page 1 with the total.
      const first = poppler(pdf, 'pdftotext', ['-f', '1', '-l', '1']).replace(/\s+/g, '');
      const streams = await page.locator('.report-stream').count();
      assert.equal(first.split(NOTES[lang].replace(/\s+/g, '').slice(0, 12)).length - 1, streams, 'every note on page 1');
      assert.match(first, lang === 'en' ? /Total/ : /合计|合計/);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
