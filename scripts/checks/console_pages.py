"""The staff console's pages in the page checks (called by public_pages.py after a site's public pages).

Signed in as a clerk added for the check (`paypage staff add … --role clerk --language fr`, with the
binary named by PAYPAGE_BIN, else .build/debug/paypage), in French, then in English through the
console's own language button. Pages: the sign-in form (and with its refusal), the one-time link's
Continue page, the requests list (plain, filtered, searched, empty, with a notice), a request's page
in each status the demo has, each action's form (remind, refund, void, mark paid), the refund
form with its error, the refund confirmation, a refused action, the 403 of a form without its
token, the import page (its form, a dry run's report in French, a real import's report with its
Send links in English, the form refused without a file (422) and an upload over 5 MB (413)), the
virtual terminal (its card form, with errors, a declined card, the 3-D Secure step, and refused for
a paid request), the notifications page, one's own account, and the clerk's plain 403 on the
settings and the staff page. Then signed in as an owner added the same way: the settings (plain,
another business, with a notice, with errors, the test message with its error). Then as an owner
with a second factor (`paypage staff totp … --confirm CODE`): the sign-in code step, the staff page
(and its add form refused), one account's page and its removal confirmation. Raw HTML (as sent,
with the session cookie) goes to the Nu checker; in the browser: axe-core
(every impact) at 1280 and 390 px, target sizes at 1280 and 390 px, no page-wide horizontal scroll
at 1280, 390 and 320 px (a wide table scrolls inside its own region), no word of the other language,
keyboard reachability with visible focus on the list, a request page and each form; then the
new-request form and the customers' pages (console_compose_pages.py).
Nothing here changes the ledger except the two accounts and their language, the idempotent answer
kept for the declined test card, and the import of the garage sample with the prefix CHECK- (its
three ROs become requests; a second run finds them unchanged); no settings file is written and no
text is queued.
"""
import base64
import hashlib
import hmac
import html
import json
import os
import re
import struct
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PASSWORD = "page-checks-2048"
WIDTHS = [(1280, 800), (390, 844)]
# The reminder's editable text and its fixed parts are in the customer's language, which the page does
# not mark (no lang attribute: the console's view does not carry the customer's language yet).
CUSTOMER_TEXT = "textarea#body, .console-fixed"
CUSTOMER_TEXT_HTML = r'<textarea id="body".*?</textarea>|<p class="console-fixed">.*?</p>'
IMPORT_SAMPLE = os.path.join(REPO, "Records/samples/garage-ro-export.csv")
BOUNDARY = "----paypage-page-checks"


def multipart(fields, files=()):
    """A `multipart/form-data` body as a browser sends it, fields first (the console wants `csrf` first)."""
    out = b""
    for name, value in fields:
        out += f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    for name, filename, data in files:
        out += (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f'Content-Type: text/csv\r\n\r\n').encode() + data + b"\r\n"
    return out + f"--{BOUNDARY}--\r\n".encode()

JS_OVERFLOW = r"""
const out = [];
const vw = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth > vw) out.push('page scrollWidth ' + document.documentElement.scrollWidth + ' > ' + vw);
for (const el of document.querySelectorAll('body *')) {
  if (el.closest('.table-scroll')) continue;
  const r = el.getBoundingClientRect();
  if (r.width > 0 && (r.right > vw + 1 || r.left < -1) && getComputedStyle(el).position !== 'absolute')
    out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + String(el.className).split(' ').join('.') : '')
             + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right));
}
return out.slice(0, 5);
"""


class Console:
    """One server's console, signed in as the check's clerk: raw fetches share the browser's cookies."""

    def __init__(self, pp, driver, workspace, base, lists, save_for_nu):
        self.pp, self.driver, self.workspace, self.base = pp, driver, workspace, base.rstrip("/")
        self.lists, self.save_for_nu = lists, save_for_nu
        self.name = f"camille{os.getpid()}"
        self.owner = f"dominique{os.getpid()}"
        # Staff names show on the staff pages: data, not words of either language ("demo" is the demo's owner).
        self.people = [self.name, self.owner, "demo"]
        self.theme = "default"

    # ------------------------------------------------------------ plumbing

    def paypage(self, *arguments, stdin=None):
        binary = os.environ.get("PAYPAGE_BIN") or os.path.join(REPO, ".build/debug/paypage")
        return subprocess.run([binary, *arguments], input=stdin, capture_output=True, text=True, timeout=120)

    def cookies(self):
        return "; ".join(f"{c['name']}={c['value']}" for c in self.driver.get_cookies())

    def raw(self, path, data=None, language=None, cookies=True, multipart=False):
        headers = {"Accept-Language": language} if language else {}
        if multipart:
            headers["Content-Type"] = f"multipart/form-data; boundary={BOUNDARY}"
        if cookies:
            headers["Cookie"] = self.cookies()
        request = urllib.request.Request(self.base + path, data=data, headers=headers)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=30) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def fail(self, url, message):
        self.pp.fail(url, message)

    def form_fields(self, path, form_index=0):
        status, body = self.raw(path)
        forms = re.findall(r"<form\b.*?</form>", body.decode("utf-8"), re.S)
        fields = {}
        for tag in re.findall(r"<input\b[^>]*>", forms[form_index] if len(forms) > form_index else ""):
            name = re.search(r'name="([^"]*)"', tag)
            value = re.search(r'value="([^"]*)"', tag)
            if name:
                fields[name.group(1)] = html.unescape(value.group(1)) if value else ""
        return fields

    def csrf(self):
        fields = self.form_fields("/staff/")
        return fields.get("csrf", "")

    # ------------------------------------------------------------ checks

    def check_raw(self, label, path, lang, data=None, expect=200, money=True, cookies=True, language=None, customer_text=False,
                  multipart=False):
        """The page as sent, without JavaScript: status, language, money formats, assets, then the Nu checker.
        `customer_text`: the page holds a text message in the customer's language (the reminder), which the
        language and money checks leave out (see CUSTOMER_TEXT)."""
        url = f"{self.base}{path} [console {self.theme} {lang} {label}]"
        status, body = self.raw(path, data=data, cookies=cookies, language=language, multipart=multipart)
        self.pp.checked["pages"] += 1
        if status != expect:
            self.fail(url, f"answers {status}, expected {expect}")
            return ""
        raw = body.decode("utf-8")
        self.save_for_nu(url, body)
        m = re.search(r"<html\b[^>]*\blang=\"([^\"]+)\"", raw)
        if not m or m.group(1).split("-")[0] != lang:
            self.fail(url, f"<html lang> is {m.group(1) if m else 'missing'}, the page should be {lang}")
        shown = re.sub(CUSTOMER_TEXT_HTML, " ", raw, flags=re.S) if customer_text else raw
        text = re.sub(r"[ \t\r\n]+", " ", self.pp.visible_raw_text(shown))
        good, bad = (self.pp.FR_MONEY, self.pp.BAD_FR_MONEY) if lang == "fr" else (self.pp.EN_MONEY, self.pp.BAD_EN_MONEY)
        if money and not good.search(text):
            self.fail(url, f"no amount in the Canadian {lang} format")
        for wrong in set(bad.findall(self.lists["_records"].sub(" ", text))):
            self.fail(url, f"money not in the {lang}-CA format: {wrong!r}")
        if re.search(r"\bconsole_[a-z_-]+", text):
            self.fail(url, f"a string key shows instead of its text: {re.search(r'console_[a-z_-]+', text).group(0)}")
        self.pp.check_assets_and_weight(url, body, weigh=False)
        return raw

    def check_browser(self, label, keyboard=False, customer_text=False):
        """The page loaded now: axe and targets at 1280 and 390 px, reflow down to 320 px, words, keyboard."""
        pp, driver = self.pp, self.driver
        url = f"{driver.current_url} [console {self.theme} {label}]"
        for width, height in WIDTHS + [(320, 800)]:
            pp.set_width(driver, width, height)
            for problem in driver.execute_script(JS_OVERFLOW):
                self.fail(url, f"at {width} px: {problem} (no page-wide horizontal scroll)")
            if width == 320:
                continue
            pp.checked["axe"] += 1
            axe = pp.Axe(driver)
            axe.inject()
            for v in axe.run().get("violations", []):
                targets = "; ".join(",".join(n.get("target", [])) for n in v.get("nodes", [])[:4])
                self.fail(url, f"at {width} px: axe {v['id']} ({v.get('impact')}): {v.get('help')} — {targets}")
            for t in driver.execute_script(pp.JS_TARGETS):
                self.fail(url, f"at {width} px: target smaller than 24x24 px: {t}")
        pp.set_width(driver, 1280, 800)
        lang = (driver.execute_script("return document.documentElement.lang") or "")[:2]
        other = {"fr": "en", "en": "fr"}.get(lang)
        table = self.lists.get(self.theme) or self.lists.get("default")
        if customer_text:
            self.pp.note(url, "the reminder's text is in the customer's language but has no lang attribute (left out of the words check)")
            driver.execute_script(f"document.querySelectorAll('{CUSTOMER_TEXT}').forEach(e => e.setAttribute('lang', 'zxx'))")
        if other and table:
            text = re.sub(r"[ \t\r\n]+", " ", driver.execute_script(pp.JS_TEXT))
            text = self.lists["_records"].sub(" ", text)
            for person in sorted(self.people, key=len, reverse=True):
                text = text.replace(person, " ")
            leaks = sorted(pp.words(text) & table[other])
            if leaks:
                self.fail(url, f"{'English' if other == 'en' else 'French'} words on a {lang} page: {', '.join(leaks)}")
        if keyboard:
            pp.keyboard_check(driver, url)

    def show(self, path, label, keyboard=False, customer_text=False):
        self.driver.get(self.base + path)
        self.check_browser(label, keyboard, customer_text)

    def submit(self, selector="main form button[type=submit]"):
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.find_element(By.CSS_SELECTOR, selector).click()
        for _ in range(100):
            try:
                old.tag_name
            except Exception:  # noqa: BLE001 - stale: the next page is there
                return
            time.sleep(0.05)

    # ------------------------------------------------------------ the walk

    def sign_in(self, lang, name=None, role="clerk"):
        name = name or self.name
        added = self.paypage("staff", "add", name, "--role", role, "--language", lang, "--password-stdin",
                             "--workspace", self.workspace, stdin=PASSWORD + "\n")
        if added.returncode != 0:
            self.fail(self.base, f"paypage staff add failed ({added.returncode}): {added.stderr.strip()}")
            return False
        # The session cookie's path is /staff: it is deleted from a page there.
        self.driver.get(self.base + "/staff/sign-in")
        self.driver.delete_all_cookies()
        self.driver.get(self.base + "/staff/sign-in")
        self.driver.find_element(By.ID, "name").send_keys(name)
        self.driver.find_element(By.ID, "password").send_keys(PASSWORD)
        self.submit()
        if urllib.parse.urlsplit(self.driver.current_url).path != "/staff/":
            self.fail(self.base + "/staff/sign-in", f"signing in as the clerk led to {self.driver.current_url}")
            return False
        return True

    def references(self):
        """One request of each status (the newest), from the list, by status filter."""
        out = {}
        for status in ["open", "paid", "partially_refunded", "refunded", "voided"]:
            _, body = self.raw(f"/staff/?status={status}")
            m = re.search(r'<td class="console-ref"><a href="/staff/requests/([^"/?]+)"', body.decode("utf-8"))
            if m:
                out[status] = m.group(1)
        return out

    def sign_in_pages(self):
        self.driver.execute_cdp_cmd("Network.enable", {})
        for lang, accept in [("fr", "fr-CA,fr;q=0.9"), ("en", "en-CA,en;q=0.9")]:
            self.check_raw("sign-in", "/staff/sign-in", lang, money=False, cookies=False, language=accept)
            self.check_raw("one-time link", "/staff/sign-in/link?token=not-a-token", lang, money=False, cookies=False, language=accept)
            self.driver.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {"Accept-Language": accept}})
            self.driver.delete_all_cookies()
            self.show("/staff/sign-in", f"{lang} sign-in", keyboard=True)
            self.driver.find_element(By.ID, "name").send_keys("nobody-here")
            self.driver.find_element(By.ID, "password").send_keys("wrong password")
            self.submit()
            if not self.driver.find_elements(By.CSS_SELECTOR, "[role=alert]"):
                self.fail(self.driver.current_url, f"{lang}: a refused sign-in shows no role=alert")
            self.check_browser(f"{lang} sign-in refused")
            self.show("/staff/sign-in/link?token=not-a-token", f"{lang} one-time link")
        self.driver.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {}})

    def signed_in_pages(self, lang, refs):
        open_ref, paid_ref = refs.get("open"), refs.get("paid")
        raw = lambda *a, **k: self.check_raw(*a, lang=lang, **k)  # noqa: E731
        raw("list", "/staff/")
        raw("list, paid", "/staff/?status=paid")
        raw("list, nothing found", "/staff/?q=zzzzzz", money=False)
        if open_ref:
            raw("list with a notice", f"/staff/?done=void&ref={open_ref}")
        for status, ref in refs.items():
            raw(f"request {status}", f"/staff/requests/{ref}")
        if open_ref:
            raw("remind form", f"/staff/requests/{open_ref}/remind", money=False, customer_text=True)
            raw("void confirmation", f"/staff/requests/{open_ref}/void")
            raw("mark-paid form", f"/staff/requests/{open_ref}/mark-paid")
            raw("refund refused", f"/staff/requests/{open_ref}/refund", money=False)
        if paid_ref:
            csrf = self.csrf()
            amount = "12%2C00%C2%A0%24" if lang == "fr" else "%2412.00"
            raw("request with a notice", f"/staff/requests/{paid_ref}?done=refund&amount={amount}")
            raw("refund form", f"/staff/requests/{paid_ref}/refund")
            raw("remind refused", f"/staff/requests/{paid_ref}/remind", money=False)
            body = urllib.parse.urlencode({"csrf": csrf, "kind": "partial", "amount": "", "reason": ""}).encode()
            raw("refund form with an error", f"/staff/requests/{paid_ref}/refund", data=body, expect=422)
            body = urllib.parse.urlencode({"csrf": csrf, "kind": "full", "amount": "", "reason": "Check"}).encode()
            raw("refund confirmation", f"/staff/requests/{paid_ref}/refund", data=body)
            body = urllib.parse.urlencode({"kind": "full"}).encode()
            raw("form without its token (403)", f"/staff/requests/{paid_ref}/refund", data=body, expect=403, money=False)

        self.import_pages(lang)
        self.terminal_raw(lang, open_ref, paid_ref)
        raw("settings, clerk (403)", "/staff/settings", expect=403, money=False)
        raw("notifications", "/staff/notifications", money=False)
        raw("my account", "/staff/account", money=False)
        raw("staff page refused to a clerk (403)", "/staff/staff", expect=403, money=False)

        # In the browser, reached the way a clerk reaches them.
        self.show("/staff/notifications", f"{lang} notifications", keyboard=True)
        self.show("/staff/account", f"{lang} my account", keyboard=True)
        self.show("/staff/staff", f"{lang} staff page refused to a clerk")
        self.show("/staff/", f"{lang} list", keyboard=True)
        self.show("/staff/?q=zzzzzz", f"{lang} list, nothing found")
        for status, ref in refs.items():
            self.show(f"/staff/requests/{ref}", f"{lang} request {status}", keyboard=status in ("open", "paid"))
        if open_ref:
            self.show(f"/staff/requests/{open_ref}/remind", f"{lang} remind form", keyboard=True, customer_text=True)
            self.show(f"/staff/requests/{open_ref}/void", f"{lang} void confirmation", keyboard=True)
            self.show(f"/staff/requests/{open_ref}/mark-paid", f"{lang} mark-paid form", keyboard=True)
            self.show(f"/staff/requests/{open_ref}/refund", f"{lang} refund refused")
        if paid_ref:
            self.show(f"/staff/requests/{paid_ref}/refund", f"{lang} refund form", keyboard=True)
            self.driver.find_element(By.CSS_SELECTOR, "input[name=kind][value=partial]").click()
            self.submit()
            self.check_browser(f"{lang} refund form with an error", keyboard=True)
            self.pp.announce_check(self.driver, self.driver.current_url + " [console refund error]", "errors")
            self.driver.get(f"{self.base}/staff/requests/{paid_ref}/refund")
            self.submit()
            if "confirm" not in self.driver.page_source:
                self.fail(self.driver.current_url, f"{lang}: reviewing a full refund did not show its confirmation")
            self.check_browser(f"{lang} refund confirmation", keyboard=True)
        self.terminal_browser(lang, open_ref, paid_ref)
        self.show("/staff/settings", f"{lang} settings, clerk (403)")
        # The new-request form and the customers' pages (their own module).
        import console_compose_pages
        console_compose_pages.run(self, lang)

    # ------------------------------------------------------------ terminal and settings

    def post(self, path, fields):
        return urllib.parse.urlencode({"csrf": self.csrf(), **fields}).encode()

    def terminal_raw(self, lang, open_ref, paid_ref):
        raw = lambda *a, **k: self.check_raw(*a, lang=lang, **k)  # noqa: E731
        if open_ref:
            path = f"/staff/requests/{open_ref}/terminal"
            raw("terminal", path)
            card = {"name": "Jeanne Roy", "exp": "12/34", "cvc": "123"}
            raw("terminal with errors", path, data=self.post(path, {"attempt": f"check-{lang}-errors-{os.getpid()}", "number": ""}),
                expect=422)
            raw("terminal, declined card", path, expect=402,
                data=self.post(path, {**card, "attempt": f"check-{lang}-declined-{os.getpid()}", "number": "4000000000000002"}))
            raw("terminal, 3-D Secure", path,
                data=self.post(path, {**card, "attempt": f"check-{lang}-3ds-{os.getpid()}", "number": "4000002760003184"}))
        if paid_ref:
            raw("terminal refused", f"/staff/requests/{paid_ref}/terminal", expect=409)

    def fill(self, values):
        for field, value in values.items():
            element = self.driver.find_element(By.ID, field)
            element.clear()
            element.send_keys(value)

    def terminal_browser(self, lang, open_ref, paid_ref):
        if open_ref:
            path = f"/staff/requests/{open_ref}/terminal"
            self.show(path, f"{lang} terminal", keyboard=True)
            self.submit("main form.terminal-form button[type=submit]")
            self.check_browser(f"{lang} terminal with errors", keyboard=True)
            self.pp.announce_check(self.driver, self.driver.current_url + " [console terminal errors]", "errors")
            self.driver.get(self.base + path)
            self.fill({"name": "Jeanne Roy", "number": "4000 0027 6000 3184", "exp": "12/34", "cvc": "123"})
            self.submit("main form.terminal-form button[type=submit]")
            if "/terminal/challenge" not in self.driver.page_source:
                self.fail(self.driver.current_url, f"{lang}: the 3-D Secure card did not ask for the challenge on the page")
            self.check_browser(f"{lang} terminal, 3-D Secure", keyboard=True)
        if paid_ref:
            self.show(f"/staff/requests/{paid_ref}/terminal", f"{lang} terminal refused")

    def settings_pages(self, lang):
        raw = lambda *a, **k: self.check_raw(*a, lang=lang, **k)  # noqa: E731
        raw("settings", "/staff/settings")
        raw("settings, another business", "/staff/settings?business=velo-laurier")
        raw("settings with a notice", "/staff/settings?done=unchanged")
        bad = {"business": "main", "affirm": "on", "affirm_minimum": "abc", "confirmation": "on", "confirmation_reply": "",
               "reminders_max_total": "x", "reminders_max_per_day": "0", "opt_out": "on"}
        raw("settings with errors (nothing written)", "/staff/settings", data=self.post("/staff/settings", bad), expect=422)
        raw("test message with an error", "/staff/settings/test", expect=422,
            data=self.post("/staff/settings/test", {"business": "main", "test_phone": "12", "test_language": lang}))
        self.show("/staff/settings", f"{lang} settings", keyboard=True)
        self.fill({"affirm_minimum": "abc"})
        self.submit("main form.settings-form button[type=submit]")
        self.check_browser(f"{lang} settings with errors", keyboard=True)
        self.driver.get(self.base + "/staff/settings")
        self.fill({"test_phone": "12"})
        self.submit("main form.settings-test button[type=submit]")
        self.check_browser(f"{lang} test message with an error", keyboard=True)

    def import_pages(self, lang):
        """The import page: as sent (form, report, refusals), then in the browser with the sample chosen."""
        raw = lambda *a, **k: self.check_raw(*a, lang=lang, multipart=True, **k)  # noqa: E731
        self.check_raw("import form", "/staff/import", lang, money=False)
        csrf = self.csrf()
        with open(IMPORT_SAMPLE, "rb") as f:
            sample = f.read()
        files = [("file", "garage-ro-export.csv", sample)]
        if lang == "fr":
            raw("import dry run", "/staff/import", data=multipart([("csrf", csrf), ("dryRun", "yes")], files))
        else:
            page = raw("import report", "/staff/import", data=multipart([("csrf", csrf), ("prefix", "CHECK-")], files))
            if page and "/staff/requests/new?invoice=CHECK-" not in page:
                self.pp.note(self.base + "/staff/import", "the garage sample was already imported: the report has no Send links")
        raw("import without a file (422)", "/staff/import", data=multipart([("csrf", csrf), ("prefix", "X-")]), expect=422, money=False)
        big = [("file", "big.csv", b"a" * (5 * 1024 * 1024 + 1))]
        raw("import over 5 MB (413)", "/staff/import", data=multipart([("csrf", csrf)], big), expect=413, money=False)

        self.show("/staff/import", f"{lang} import form", keyboard=True)
        self.driver.find_element(By.ID, "import-file").send_keys(IMPORT_SAMPLE)
        self.driver.find_element(By.CSS_SELECTOR, "input[name=dryRun]").click()
        self.submit()
        if not self.driver.find_elements(By.CSS_SELECTOR, ".import-report"):
            self.fail(self.driver.current_url, f"{lang}: importing the garage sample (dry run) showed no report")
        self.check_browser(f"{lang} import dry run", keyboard=True)

    def switch_language(self, to):
        self.driver.get(self.base + "/staff/")
        buttons = self.driver.find_elements(By.CSS_SELECTOR, f"form[action='/staff/language'] button[lang='{to}']")
        if not buttons:
            self.fail(self.driver.current_url, f"no button to switch the console to {to}")
            return False
        old = self.driver.find_element(By.TAG_NAME, "html")
        buttons[0].click()
        for _ in range(100):
            try:
                old.tag_name
                time.sleep(0.05)
            except Exception:  # noqa: BLE001
                break
        lang = self.driver.execute_script("return document.documentElement.lang")
        if not lang.startswith(to):
            self.fail(self.driver.current_url, f"the language button did not switch the console to {to} (lang={lang})")
            return False
        return True

    # ------------------------------------------------------------ an owner with a second factor

    @staticmethod
    def totp(secret, step):
        key = base64.b32decode(secret + "=" * (-len(secret) % 8))
        mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
        offset = mac[-1] & 0x0F
        return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)

    def owner_sign_in(self, owner):
        """Adds `owner` with a confirmed second factor and signs in through both steps, checking the code step."""
        added = self.paypage("staff", "add", owner, "--role", "owner", "--language", "fr", "--password-stdin",
                             "--workspace", self.workspace, stdin=PASSWORD + "\n")
        enrolled = self.paypage("staff", "totp", owner, "--workspace", self.workspace)
        match = re.search(r"secret: ([A-Z2-7]+)", enrolled.stdout)
        if added.returncode != 0 or not match:
            self.fail(self.base, f"adding the owner with a second factor failed: {added.stderr.strip()} {enrolled.stderr.strip()}")
            return False
        secret, step = match.group(1), int(time.time()) // 30
        confirmed = self.paypage("staff", "totp", owner, "--confirm", self.totp(secret, step), "--workspace", self.workspace)
        if confirmed.returncode != 0:
            self.fail(self.base, f"confirming the second factor failed: {confirmed.stderr.strip()}")
            return False
        self.driver.delete_all_cookies()
        self.driver.get(self.base + "/staff/sign-in")
        self.driver.find_element(By.ID, "name").send_keys(owner)
        self.driver.find_element(By.ID, "password").send_keys(PASSWORD)
        self.submit()
        if urllib.parse.urlsplit(self.driver.current_url).path != "/staff/sign-in/code":
            self.fail(self.driver.current_url, "the owner's password did not lead to the code step")
            return False
        self.check_raw("sign-in code step", "/staff/sign-in/code", "fr", money=False)
        self.check_browser("fr sign-in code step", keyboard=True)
        self.driver.find_element(By.ID, "code").send_keys(self.totp(secret, step + 1))
        self.submit()
        if urllib.parse.urlsplit(self.driver.current_url).path != "/staff/":
            self.fail(self.driver.current_url, "a right code did not sign the owner in")
            return False
        return True

    def owner_pages(self, lang):
        raw = lambda *a, **k: self.check_raw(*a, lang=lang, money=False, **k)  # noqa: E731
        listed = self.paypage("staff", "list", "--json", "--workspace", self.workspace)
        clerk = next((a["member"]["id"] for a in json.loads(listed.stdout or "[]") if a["member"]["name"] == self.name), None)
        raw("staff page", "/staff/staff")
        body = urllib.parse.urlencode({"csrf": self.csrf(), "name": "x", "role": "clerk", "password": "short"}).encode()
        raw("staff add refused", "/staff/staff", data=body, expect=422)
        self.show("/staff/staff", f"{lang} staff page", keyboard=True)
        if clerk is not None:
            raw("one account", f"/staff/staff/{clerk}")
            raw("removal confirmation", f"/staff/staff/{clerk}/remove")
            self.show(f"/staff/staff/{clerk}", f"{lang} one account", keyboard=True)
            self.show(f"/staff/staff/{clerk}/remove", f"{lang} removal confirmation", keyboard=True)
        else:
            self.fail(self.base + "/staff/staff", "the clerk is not in `paypage staff list --json`")

    def run(self):
        self.theme = self.pp.theme_of(self.raw("/staff/sign-in", cookies=False)[1].decode("utf-8"))
        self.sign_in_pages()
        if not self.sign_in("fr"):
            return
        refs = self.references()
        for needed in ("open", "paid"):
            if needed not in refs:
                self.fail(self.base + "/staff/", f"the demo has no {needed} request to check the console's forms with")
        self.signed_in_pages("fr", refs)
        if self.switch_language("en"):
            self.signed_in_pages("en", refs)
        if self.sign_in("fr", self.owner, "owner"):
            self.settings_pages("fr")
            if self.switch_language("en"):
                self.settings_pages("en")
        owner = f"patron{os.getpid()}"
        self.people.append(owner)
        if self.owner_sign_in(owner):
            self.owner_pages("fr")
            if self.switch_language("en"):
                self.owner_pages("en")
        self.driver.delete_all_cookies()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer to check (e.g. to sign-in), not to follow silently."""

    def redirect_request(self, *args, **kwargs):
        return None


def run(pp, driver, workspace, base, lists, save_for_nu):
    Console(pp, driver, workspace, base, lists, save_for_nu).run()
