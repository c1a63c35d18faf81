#!/usr/bin/env python3
"""Pays a demo request end to end in headless Chromium, as a new user would.

1. Copies Records/ and Themes/ into a temporary workspace and runs `paypage demo` there.
2. Starts `paypage serve --port 0` on loopback and reads the real port from its
   "Serving http://127.0.0.1:PORT/" line.
3. Opens an open request's page, clicks "Pay by card", pays with 4242 4242 4242 4242,
   sees "Payment approved", follows "View receipt" and checks the amount and "•••• 4242";
   the request's page now shows it paid.
4. A declined card (4000 0000 0000 0002) on another open request shows the decline message
   and records nothing (`paypage request show REF --json`).
5. A voided request's page, and its checkout URL, offer no way to pay.

Needs Debian's `chromium` and `chromium-driver` and PyPI's `selenium` (Selenium is pointed at
/usr/bin/chromedriver: it cannot download drivers offline). Loopback only; no other network.

Usage: python3 scripts/e2e/pay_demo.py [--paypage .build/debug/paypage] [--keep] [--reload]
Exit codes: 0 passed, 1 failed, 77 skipped (a tool is missing).
"""

import argparse
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SKIP = 77


def log(message):
    print(f"[pay_demo] {message}", flush=True)


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def tools(args):
    """The paths of chromium and chromedriver, or a skip with the reason."""
    chromium = args.chromium or shutil.which("chromium") or shutil.which("chromium-browser")
    driver = args.chromedriver or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else shutil.which("chromedriver"))
    missing = []
    if not chromium:
        missing.append("chromium (apt-get install chromium)")
    if not driver:
        missing.append("chromedriver (apt-get install chromium-driver)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip install selenium)")
    if missing:
        print("SKIP: missing " + ", ".join(missing), flush=True)
        sys.exit(SKIP)
    return chromium, driver


def run(paypage, *arguments, check_status=True):
    result = subprocess.run([str(paypage), *arguments], capture_output=True, text=True, timeout=120)
    if check_status and result.returncode != 0:
        raise Failure(f"paypage {' '.join(arguments)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


def workspace(paypage, base):
    root = Path(base) / "workspace"
    root.mkdir()
    shutil.copytree(REPO / "Records", root / "Records")
    shutil.copytree(REPO / "Themes", root / "Themes")
    log(run(paypage, "demo", "--workspace", str(root)).stdout.strip())
    return root


class Server:
    """`paypage serve --port 0` in its own process group; the real URL comes from its output."""

    def __init__(self, paypage, root, reload):
        arguments = [str(paypage), "serve", "--workspace", str(root), "--port", "0", "--host", "127.0.0.1"]
        if not reload:
            arguments.append("--no-reload")
        self.process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        start_new_session=True)
        self.lines = queue.Queue()
        self.output = []
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self._wait_for_url(timeout=60)

    def _read(self):
        for line in self.process.stdout:
            self.output.append(line)
            self.lines.put(line)
        self.lines.put(None)

    def _wait_for_url(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:
                raise Failure("paypage serve exited before serving:\n" + "".join(self.output))
            match = re.match(r"Serving (http://127\.0\.0\.1:(\d+))/", line.strip())
            if match:
                check(int(match.group(2)) > 0, f"serve reported port 0: {line}")
                return match.group(1)
        raise Failure("paypage serve did not print its URL in time:\n" + "".join(self.output))

    def stop(self):
        """Ctrl+C (SIGINT), as a user would; it must stop cleanly."""
        if self.process.poll() is not None:
            return self.process.returncode
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            raise Failure("paypage serve did not stop within 15 s of SIGINT")


def requests(paypage, root, status):
    rows = json.loads(run(paypage, "request", "list", "--workspace", str(root), "--json", "--status", status).stdout)
    return [row for row in rows if row["status"] == status]


def show(paypage, root, reference):
    return json.loads(run(paypage, "request", "show", "--workspace", str(root), "--json", reference).stdout)


def path_of(link):
    match = re.search(r"(/p/[A-Za-z0-9_-]{22}/)$", link)
    check(match, f"unexpected link {link}")
    return match.group(1)


def dollars(amount):
    """`$1,234.56` (English, Canadian), from the JSON's minor units."""
    units = amount["minorUnits"]
    return f"${units // 100:,}.{units % 100:02d}"


def dollars_fr(amount):
    """`1 234,56 $` (French, Canadian; no-break spaces read as plain ones)."""
    units = amount["minorUnits"]
    return f"{units // 100:,}".replace(",", " ") + f",{units % 100:02d} $"


def plain(text):
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def browser(chromium, driver):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    options.add_argument("--headless=new")
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument("--window-size=390,844")  # a phone
    options.add_argument("--lang=en-CA")
    options.add_argument("--no-first-run")
    options.add_argument("--disable-extensions")
    options.add_argument("--disable-background-networking")
    options.add_argument("--disable-component-update")
    options.add_argument("--disable-sync")
    options.add_experimental_option("prefs", {"intl.accept_languages": "en-CA,en"})
    chrome = webdriver.Chrome(service=Service(executable_path=driver), options=options)
    chrome.set_page_load_timeout(30)
    return chrome


def pay_by_card(chrome, base, page, number, name="Marie Tremblay"):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    chrome.get(base + page + "en/")
    check("Pay by card" in chrome.page_source, f"{page}en/ has no 'Pay by card'")
    chrome.find_element(By.XPATH, "//a[.//span[normalize-space()='Pay by card']]").click()
    WebDriverWait(chrome, 15).until(EC.presence_of_element_located((By.ID, "cc-number")))
    check("Test mode" in chrome.find_element(By.CLASS_NAME, "test-banner").text, "no test-mode banner on the checkout")
    for field, value in [("cc-name", name), ("cc-number", number), ("cc-exp", "12/34"), ("cc-csc", "123")]:
        element = chrome.find_element(By.ID, field)
        label = chrome.find_element(By.CSS_SELECTOR, f"label[for='{field}']").text
        check(label.strip(), f"{field} has no visible label")
        element.clear()
        element.send_keys(value)
    check(chrome.find_element(By.ID, "cc-number").get_attribute("autocomplete") == "cc-number", "cc-number autocomplete")
    check(chrome.find_element(By.ID, "cc-number").get_attribute("inputmode") == "numeric", "cc-number inputmode")
    chrome.find_element(By.CSS_SELECTOR, "form.co-form button[type=submit]").click()


def scenario(chrome, base, paypage, root):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    open_rows = requests(paypage, root, "open")
    check(len(open_rows) >= 2, f"the demo should leave at least two open requests, found {len(open_rows)}")
    paid_row, declined_row = open_rows[0], open_rows[1]

    # 1. Pay an open request by card.
    page = path_of(paid_row["link"])
    amount = dollars(paid_row["amountDue"])
    log(f"paying {paid_row['reference']} ({amount}) at {base}{page}")
    pay_by_card(chrome, base, page, "4242 4242 4242 4242")
    WebDriverWait(chrome, 20).until(EC.presence_of_element_located((By.ID, "done-title")))
    check("/done" in chrome.current_url, f"not on the done page: {chrome.current_url}")
    check(chrome.find_element(By.ID, "done-title").text == "Payment approved", "no 'Payment approved'")
    done_text = plain(chrome.find_element(By.CSS_SELECTOR, ".banner-paid").text)
    check(amount in done_text, f"the done page does not show {amount}: {done_text!r}")
    check("•••• 4242" in done_text, f"the done page does not show •••• 4242: {done_text!r}")
    chrome.find_element(By.LINK_TEXT, "View receipt").click()
    WebDriverWait(chrome, 15).until(lambda c: "/receipt/" in c.current_url)
    # Quebec businesses issue bilingual receipts, which may format money the French way.
    receipt = plain(chrome.find_element(By.TAG_NAME, "body").text)
    french = dollars_fr(paid_row["amountDue"])
    check(amount in receipt or french in receipt, f"the receipt does not show {amount} or {french}")
    check("•••• 4242" in receipt, "the receipt does not show •••• 4242")
    check("4242 4242" not in receipt and "4242424242424242" not in receipt, "the receipt shows the card number")
    details = show(paypage, root, paid_row["reference"])
    check(details["status"] == "paid", f"{paid_row['reference']} is {details['status']}, not paid")
    chrome.get(base + page + "en/")
    check(chrome.find_elements(By.CSS_SELECTOR, ".banner-paid"), "the request page does not show it paid")
    check(not chrome.find_elements(By.CSS_SELECTOR, "a[href*='/checkout/']"), "the paid page still offers to pay")
    log(f"paid {paid_row['reference']}: receipt shows {amount} and •••• 4242")

    # 2. A declined card shows a clear message and records nothing.
    page = path_of(declined_row["link"])
    before = show(paypage, root, declined_row["reference"])
    log(f"declined card on {declined_row['reference']}")
    pay_by_card(chrome, base, page, "4000 0000 0000 0002")
    alert = WebDriverWait(chrome, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[role=alert]")))
    check("Your card was declined" in alert.text, f"unexpected decline message: {alert.text!r}")
    check(chrome.find_elements(By.ID, "cc-number"), "the card form is not shown again after a decline")
    check(chrome.find_element(By.ID, "cc-number").get_attribute("value") == "", "the card number was kept in the form")
    after = show(paypage, root, declined_row["reference"])
    check(after["status"] == "open", f"{declined_row['reference']} is {after['status']} after a decline")
    check(after["amountDue"] == before["amountDue"], "the amount due changed after a decline")
    check(len(after["history"]) == len(before["history"]), f"a decline recorded something: {after['history']}")
    check(not any("paid" in line["text"] for line in after["history"]), "a decline recorded a payment")

    # 3. A voided request offers no way to pay.
    voided = requests(paypage, root, "voided")
    check(voided, "the demo should leave a voided request")
    page = path_of(voided[0]["link"])
    log(f"voided {voided[0]['reference']} at {base}{page}")
    chrome.get(base + page + "en/")
    body = chrome.find_element(By.TAG_NAME, "body").text
    check("cancelled" in body.lower(), "the voided page does not say it was cancelled")
    check(not chrome.find_elements(By.CSS_SELECTOR, "a[href*='/checkout/']"), "the voided page links to the checkout")
    check(not chrome.find_elements(By.TAG_NAME, "form"), "the voided page has a form")
    check(not chrome.find_elements(By.TAG_NAME, "input"), "the voided page has inputs")
    token = page.split("/")[2]
    chrome.get(f"{base}/checkout/{token}/?method=card&lang=en")
    check(not chrome.find_elements(By.TAG_NAME, "form"), "the voided request's checkout URL shows a form")
    check(not chrome.find_elements(By.TAG_NAME, "input"), "the voided request's checkout URL shows inputs")
    check("can no longer be paid" in chrome.find_element(By.TAG_NAME, "body").text, "no 'can no longer be paid'")
    check(show(paypage, root, voided[0]["reference"])["status"] == "voided", "the voided request changed")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--paypage", default=os.environ.get("PAYPAGE_BIN", str(REPO / ".build/debug/paypage")))
    parser.add_argument("--chromium")
    parser.add_argument("--chromedriver")
    parser.add_argument("--keep", action="store_true", help="keep the temporary workspace")
    parser.add_argument("--reload", action="store_true", help="serve with live reload on")
    args = parser.parse_args()

    chromium, driver = tools(args)
    paypage = Path(args.paypage)
    if not paypage.is_file():
        print(f"FAIL: {paypage} not found (run `swift build` first, or pass --paypage)", flush=True)
        return 1

    base = tempfile.mkdtemp(prefix="paypage-e2e-")
    server = chrome = None
    try:
        root = workspace(paypage, base)
        server = Server(paypage, root, args.reload)
        log(f"serving at {server.url}")
        chrome = browser(chromium, driver)
        scenario(chrome, server.url, paypage, root)
        chrome.quit()
        chrome = None
        status = server.stop()
        check(status == 0, f"paypage serve exited {status} after Ctrl+C:\n" + "".join(server.output))
        server = None
        log("PASS")
        return 0
    except Exception as error:  # noqa: BLE001 - report everything, with evidence
        print(f"FAIL: {type(error).__name__}: {error}", flush=True)
        if chrome is not None:
            try:
                shot = Path(base) / "failure.png"
                chrome.save_screenshot(str(shot))
                (Path(base) / "failure.html").write_text(chrome.page_source)
                print(f"  at {chrome.current_url}; screenshot {shot}", flush=True)
                args.keep = True
            except Exception:  # noqa: BLE001
                pass
        if server is not None:
            print("  server output:\n" + "".join(server.output), flush=True)
        return 1
    finally:
        if chrome is not None:
            chrome.quit()
        if server is not None:
            try:
                server.stop()
            except Failure:
                pass
        if args.keep:
            log(f"kept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
