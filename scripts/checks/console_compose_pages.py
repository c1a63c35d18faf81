"""The console's new-request form and customer pages in the page checks (called by console_pages.py
for each language, signed in as the check's clerk).

Raw HTML (Nu checker, language, money formats, string keys): the new-request form (empty, with a
customer found, with a customer chosen, Pay with invoice with no invoice waiting), the form refused
with its inline errors, the form with its preview (the no-JavaScript Preview button); the customers
list (all, searched, none found); a customer's requests, their conversation with the send box, that
box refused with its error and with its preview, and an opted-out customer's conversation (no box).
In the browser: axe-core and target sizes at 1280 and 390 px, reflow to 320 px, words of the other
language, keyboard, and the live preview filled by the script as a clerk types.
Texts shown in the customer's language (the preview, the conversation) carry their own lang and are
left out of the money-format check of the raw page. Nothing here changes the ledger: every POST is a
preview or refused.
"""
import re
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

# The demo's customer who replied STOP (RO-1007's phone).
OPTED_OUT = "15145550177"
CUSTOMER_TEXT_HTML = r'<p class="sms-bubble"[^>]*>.*?</p>|<textarea id="text".*?</textarea>'


def run(console, lang):
    import console_pages
    saved = console_pages.CUSTOMER_TEXT_HTML
    console_pages.CUSTOMER_TEXT_HTML = saved + "|" + CUSTOMER_TEXT_HTML
    try:
        pages(console, lang)
    finally:
        console_pages.CUSTOMER_TEXT_HTML = saved


def first_customer(console):
    _, body = console.raw("/staff/customers/")
    ids = [i for i in re.findall(r'href="/staff/customers/(\d+)"', body.decode("utf-8")) if i != OPTED_OUT]
    return ids[0] if ids else None


def pages(console, lang):
    raw = lambda *a, **k: console.check_raw(*a, lang=lang, **k)  # noqa: E731
    customer = first_customer(console)
    if not customer:
        console.fail(console.base + "/staff/customers/", "the demo lists no customer")
        return
    csrf = console.csrf()
    form = {"csrf": csrf, "name": "Hélène Roy", "phone": "514 555-0166", "language": lang, "kind": "quick",
            "reference": "HR-2026-77", "amount": "245.80", "reply": "payment-request", "text": ""}

    raw("new request", "/staff/requests/new", money=False)
    raw("new request, customer search", "/staff/requests/new?find=a", money=False)
    raw("new request, nobody found", "/staff/requests/new?find=zzzzzz", money=False)
    raw("new request for a customer", f"/staff/requests/new?customer={customer}", money=False, customer_text=True)
    raw("new request, pay with invoice", "/staff/requests/new?kind=invoice", money=False)
    body = urllib.parse.urlencode({**form, "reference": "", "amount": "", "step": "copy"}).encode()
    raw("new request with errors", "/staff/requests/new", data=body, expect=422, money=False)
    body = urllib.parse.urlencode({**form, "step": "preview"}).encode()
    raw("new request with its preview", "/staff/requests/new", data=body, money=False, customer_text=True)
    raw("customers", "/staff/customers/", money=False)
    raw("customers, searched", "/staff/customers/?q=a", money=False)
    raw("customers, none found", "/staff/customers/?q=zzzzzz", money=False)
    raw("customer, requests", f"/staff/customers/{customer}")
    raw("customer, conversation", f"/staff/customers/{customer}?tab=conversation", money=False, customer_text=True)
    body = urllib.parse.urlencode({"csrf": csrf, "reply": "", "text": "", "step": "send"}).encode()
    raw("customer, text refused", f"/staff/customers/{customer}/send", data=body, expect=422, money=False, customer_text=True)
    body = urllib.parse.urlencode({"csrf": csrf, "reply": "payment-request", "text": "", "step": "preview"}).encode()
    raw("customer, text preview", f"/staff/customers/{customer}/send", data=body, money=False, customer_text=True)
    raw("customer who opted out", f"/staff/customers/{OPTED_OUT}?tab=conversation", money=False, customer_text=True)

    # In the browser, as a clerk reaches them.
    console.show("/staff/requests/new", f"{lang} new request", keyboard=True)
    live_preview(console, lang, form)
    console.check_browser(f"{lang} new request, live preview", keyboard=True)
    console.driver.find_element(By.ID, "reference").clear()
    console.driver.find_element(By.ID, "amount").clear()
    console.submit("main form.console-new-form button[value=copy]")
    console.check_browser(f"{lang} new request with errors", keyboard=True)
    console.pp.announce_check(console.driver, console.driver.current_url + " [console new request errors]", "errors")
    console.show("/staff/requests/new?kind=invoice", f"{lang} new request, pay with invoice")
    console.show("/staff/customers/", f"{lang} customers", keyboard=True)
    console.show("/staff/customers/?q=zzzzzz", f"{lang} customers, none found")
    console.show(f"/staff/customers/{customer}", f"{lang} customer, requests", keyboard=True)
    console.show(f"/staff/customers/{customer}?tab=conversation", f"{lang} customer, conversation", keyboard=True)
    Select(console.driver.find_element(By.ID, "reply")).select_by_value("payment-request")
    wait_for_preview(console, f"{lang} customer, live preview")
    console.check_browser(f"{lang} customer, live preview", keyboard=True)
    console.show(f"/staff/customers/{OPTED_OUT}?tab=conversation", f"{lang} customer who opted out", keyboard=True)
    if console.driver.find_elements(By.CSS_SELECTOR, "form[action$='/send']"):
        console.fail(console.driver.current_url, "an opted-out customer's page offers a box to text them")


def live_preview(console, lang, form):
    driver = console.driver
    for field in ["name", "phone", "reference", "amount"]:
        driver.find_element(By.ID, field).send_keys(form[field])
    driver.find_element(By.CSS_SELECTOR, f"input[name=language][value={lang}]").click()
    Select(driver.find_element(By.ID, "reply")).select_by_value("payment-request")
    wait_for_preview(console, f"{lang} new request, live preview", expect="Hélène Roy")


def wait_for_preview(console, label, expect=None):
    try:
        WebDriverWait(console.driver, 10).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#message-preview .sms-bubble")
            and (expect is None or expect in d.find_element(By.ID, "message-preview").text))
    except Exception:  # noqa: BLE001 - reported as a failure of the page
        console.fail(console.driver.current_url, f"{label}: the preview did not fill in as the clerk typed")
