#!/usr/bin/env python3
"""Screenshots of the staff console, signed in as a clerk, for a reviewer to look at.

Serves a fresh copy of the demo workspace (as console_flow.py does), adds a clerk, signs in through
the form, and saves the requests list, a paid request's page, the refund confirmation, the import
form and an import's report at 1280x800 (English) and 390x844 (French), viewport only, as
console-list-1280.png, console-request-390.png, console-refund-confirm-1280.png,
console-import-390.png, console-import-report-1280.png… Nothing is refunded (the confirmation
is only shown); the copy imports the two sample exports (the garage's at 1280, the bike shop's
with its mapping at 390), so each report has new invoices with their Send links. Then the
new-request form with its preview (a quick payment with a saved reply, filled in but not sent:
console-new-request-…) and a customer's profile (its requests, then its conversation with a reply
and the send box: console-customer-…, console-customer-conversation-…), whole pages; the virtual
terminal of an open request (console-terminal-1280.png) and its 3-D Secure step
(console-terminal-3ds-…), and, signed in as an owner, the settings (console-settings-…) and the
settings with an error (console-settings-error-…), the notifications, the staff list and the
owner's account page (console-notifications-…, console-staff-…, console-account-…); nothing is
paid, sent or saved.

Usage: python3 scripts/checks/console_screenshots.py [OUTDIR] [--all] [--paypage .build/debug/paypage]
       (default OUTDIR: docs/screenshots; --all adds the sign-in page, an unpaid request and every
       action's form: console-sign-in-390.png, console-remind-1280.png…)
Exit codes: 0 done, 1 failed, 77 skipped (a tool is missing).
"""
import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import console_flow as flow  # noqa: E402

SIZES = [(1280, 800, "en"), (390, 844, "fr")]


def size(chrome, width, height):
    chrome.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})


def switch_language(chrome, clerk, base, lang):
    chrome.get(base + "/staff/")
    if chrome.execute_script("return document.documentElement.lang")[:2] != lang:
        clerk.submit(clerk.one(f"form[action='/staff/language'] button[lang='{lang}']", "language button"))


def full_page(chrome, path, width, height):
    """The whole page, not only the viewport (forms and conversations are longer than a screen)."""
    size(chrome, width, max(height, chrome.execute_script("return document.documentElement.scrollHeight")))
    chrome.save_screenshot(str(path))
    size(chrome, width, height)


def customer_id(binary, root, reference):
    """The console's address of a request's customer: its phone's digits."""
    shown = json.loads(flow.paypage(binary, "request", "show", "--workspace", str(root), "--json", reference))
    return shown["customerPhone"].lstrip("+")


def new_request(chrome, clerk, base, out, width, height, lang):
    """The new-request form filled in as a clerk would, with a saved reply; the live preview shows it."""
    chrome.get(base + "/staff/requests/new")
    for field, value in [("name", "Hélène Roy"), ("phone", "514 555-0166"), ("reference", "RO-2001"),
                         ("amount", "245.80" if lang == "en" else "245,80")]:
        clerk.one(f"#{field}", field).send_keys(value)
    clerk.one(f"input[name=language][value={lang}]", "language").click()
    from selenium.webdriver.support.ui import Select
    Select(clerk.one("select#reply", "saved reply")).select_by_value("payment-request")
    clerk.wait().until(lambda c: "Hélène Roy" in c.find_element(clerk.By.ID, "message-preview").text)
    full_page(chrome, out / f"console-new-request-{width}.png", width, height)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir", nargs="?", default=str(flow.REPO / "docs/screenshots"))
    parser.add_argument("--all", action="store_true", help="every console page, not only the three of the docs")
    parser.add_argument("--paypage", default=os.environ.get("PAYPAGE_BIN", str(flow.REPO / ".build/debug/paypage")))
    args = parser.parse_args()
    chromium, driver = flow.tools()
    binary, out = Path(args.paypage), Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    base = Path(tempfile.mkdtemp(prefix="paypage-console-shots-"))
    server = chrome = None
    try:
        root = base / "workspace"
        root.mkdir()
        shutil.copytree(flow.REPO / "Records", root / "Records")
        shutil.copytree(flow.REPO / "Themes", root / "Themes")
        flow.paypage(binary, "demo", "--workspace", str(root))
        flow.paypage(binary, "staff", "add", flow.CLERK, "--role", "clerk", "--language", "en", "--password-stdin",
                     "--workspace", str(root), stdin=flow.PASSWORD + "\n")
        server = flow.Server(binary, root)
        chrome = flow.browser(chromium, driver)
        clerk = flow.Clerk(chrome, server.url)
        if args.all:
            for width, height, _ in SIZES:
                chrome.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                       {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})
                chrome.get(server.url + "/staff/sign-in")
                chrome.save_screenshot(str(out / f"console-sign-in-{width}.png"))
        clerk.sign_in(flow.CLERK, flow.PASSWORD)
        paid = json.loads(flow.paypage(binary, "request", "list", "--workspace", str(root), "--json", "--status", "paid"))
        reference = next(r["reference"] for r in paid if r["status"] == "paid")
        # A reply from that customer, as an SMS gateway would forward it, for the conversation.
        phone = "+" + customer_id(binary, root, reference)
        flow.paypage(binary, "message", "receive", "--workspace", str(root), "--from", phone,
                     "--text", "Merci! Est-ce que je peux passer chercher l'auto à 17 h?")
        for width, height, lang in SIZES:
            chrome.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})
            chrome.get(server.url + "/staff/")
            if chrome.execute_script("return document.documentElement.lang")[:2] != lang:
                clerk.submit(clerk.one(f"form[action='/staff/language'] button[lang='{lang}']", "language button"))
            shots = {"list": "/staff/", "request": f"/staff/requests/{reference}"}
            if args.all:
                unpaid = json.loads(flow.paypage(binary, "request", "list", "--workspace", str(root), "--json", "--status", "open"))[0]["reference"]
                shots.update({"request-open": f"/staff/requests/{unpaid}", "remind": f"/staff/requests/{unpaid}/remind",
                              "void": f"/staff/requests/{unpaid}/void", "mark-paid": f"/staff/requests/{unpaid}/mark-paid",
                              "refund": f"/staff/requests/{reference}/refund", "refused": f"/staff/requests/{unpaid}/refund",
                              "search": "/staff/?q=Trem&status=open"})
            for name, path in shots.items():
                chrome.get(server.url + path)
                chrome.save_screenshot(str(out / f"console-{name}-{width}.png"))
            chrome.get(server.url + "/staff/import")
            chrome.save_screenshot(str(out / f"console-import-{width}.png"))
            samples = flow.REPO / "Records/samples"
            if width >= 1000:
                clerk.one("#import-file", "export file").send_keys(str(samples / "garage-ro-export.csv"))
            else:
                clerk.one("#import-file", "export file").send_keys(str(samples / "atelier-bons-de-travail.csv"))
                clerk.one("#import-business option[value='velo-laurier']", "business").click()
                clerk.one("#import-prefix", "prefix").send_keys("VL-")
                clerk.one("input[name=format][value=mapping]", "mapping layout").click()
                clerk.one("#import-mapping", "mapping file").send_keys(str(samples / "atelier-bons-de-travail.mapping.json"))
            clerk.submit(clerk.one("main form.import-form button[type=submit]", "Import"))
            chrome.save_screenshot(str(out / f"console-import-report-{width}.png"))
            chrome.get(f"{server.url}/staff/requests/{reference}/refund")
            clerk.one("input[name=kind][value=partial]", "Partial refund").click()
            clerk.one("input#amount", "amount").send_keys("40.00" if lang == "en" else "40,00")
            clerk.one("input#reason", "reason").send_keys("Courtesy" if lang == "en" else "Geste commercial")
            clerk.submit(clerk.one("main form button[type=submit]", "Review the refund"))
            chrome.save_screenshot(str(out / f"console-refund-confirm-{width}.png"))
            new_request(chrome, clerk, server.url, out, width, height, lang)
            customer = customer_id(binary, root, reference)
            for name, path in [("customer", f"/staff/customers/{customer}"),
                               ("customer-conversation", f"/staff/customers/{customer}?tab=conversation")]:
                chrome.get(server.url + path)
                full_page(chrome, out / f"console-{name}-{width}.png", width, height)
            if args.all:
                chrome.get(f"{server.url}/staff/requests/{reference}/refund")
                clerk.one("input[name=kind][value=partial]", "Partial refund").click()
                clerk.submit(clerk.one("main form button[type=submit]", "Review the refund"))
                chrome.save_screenshot(str(out / f"console-refund-error-{width}.png"))
        unpaid = json.loads(flow.paypage(binary, "request", "list", "--workspace", str(root), "--json", "--status", "open"))[0]["reference"]
        for width, height, lang in SIZES:
            size(chrome, width, height)
            switch_language(chrome, clerk, server.url, lang)
            chrome.get(f"{server.url}/staff/requests/{unpaid}/terminal")
            chrome.save_screenshot(str(out / f"console-terminal-{width}.png"))
            for field, value in [("name", "Jeanne Roy"), ("number", "4000 0027 6000 3184"), ("exp", "12/34"), ("cvc", "123")]:
                clerk.one(f"input#{field}", field).send_keys(value)
            clerk.submit(clerk.one("main form.terminal-form button[type=submit]", "Charge"))
            chrome.save_screenshot(str(out / f"console-terminal-3ds-{width}.png"))
        flow.paypage(binary, "staff", "add", flow.OWNER, "--role", "owner", "--language", "en", "--password-stdin",
                     "--workspace", str(root), stdin=flow.PASSWORD + "\n")
        size(chrome, 1280, 800)
        clerk.sign_in(flow.OWNER, flow.PASSWORD, role="owner")
        for width, height, lang in SIZES:
            size(chrome, width, height)
            switch_language(chrome, clerk, server.url, lang)
            chrome.get(server.url + "/staff/settings")
            chrome.save_screenshot(str(out / f"console-settings-{width}.png"))
            minimum = clerk.one("input#affirm_minimum", "minimum")
            minimum.clear()
            minimum.send_keys("abc")
            clerk.submit(clerk.one("main form.settings-form button[type=submit]", "Save"))
            chrome.save_screenshot(str(out / f"console-settings-error-{width}.png"))
            for name, path in [("notifications", "/staff/notifications"), ("staff", "/staff/staff"), ("account", "/staff/account")]:
                chrome.get(server.url + path)
                full_page(chrome, out / f"console-{name}-{width}.png", width, height)
        print(f"screenshots of {reference} and {unpaid} in {out}")
        return 0
    except (Exception, KeyboardInterrupt) as error:  # noqa: BLE001
        print(f"FAIL: {type(error).__name__}: {error}", flush=True)
        return 1
    finally:
        if chrome is not None:
            chrome.quit()
        if server is not None:
            server.stop()
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
