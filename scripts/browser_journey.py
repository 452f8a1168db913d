#!/usr/bin/env python3
"""Browser journey against a running Vetted server, in headless Chromium.

    python3 scripts/browser_journey.py BASE_URL ADMIN_EMAIL ADMIN_PASSWORD

Logs in, creates a role and a candidate through the HTML forms, assesses,
imports and shortlists; then a hiring manager moves the candidate through every
stage, two interviewers score independently, a paid trial ends in an offer a
second member approves, and the candidate accepts through the link. Needs Debian's chromium + chromium-driver and Selenium 4
(scripts/setup.sh --ci). Exits non-zero on the first failure, after saving a
screenshot to $TMPDIR/journey-fail.png.
"""
import os
import sys
import tempfile
import traceback

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

TIMEOUT = 10  # seconds for any one page to reach the expected state


class JourneyFailure(Exception):
    pass


def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    # --no-sandbox: CI runs as root; --disable-dev-shm-usage: /dev/shm may be tiny.
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=1280,900"):
        options.add_argument(arg)
    # An explicit Service path keeps Selenium Manager from trying to download a driver.
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def page_replaced(old_page):
    """Like EC.staleness_of, but Chrome can also answer "Node ... does not belong to the
    document" while the old page is being torn down: that too means the page is gone."""
    def check(_driver):
        try:
            old_page.is_enabled()
            return False
        except WebDriverException:
            return True
    return check


class Journey:
    def __init__(self, driver, base):
        self.d = driver
        self.base = base.rstrip("/")
        self.wait = WebDriverWait(driver, TIMEOUT)

    # -- helpers ---------------------------------------------------------
    def step(self, text):
        print(f"journey: {text}", flush=True)

    def until(self, condition, what):
        try:
            return self.wait.until(condition)
        except TimeoutException:
            raise JourneyFailure(f"timed out after {TIMEOUT}s waiting for {what}\n"
                                 f"  at {self.d.current_url!r}, title {self.d.title!r}\n"
                                 f"  page text: {self.page_text()!r}") from None

    def page_text(self, limit=400):
        """The start of the visible text, so a CI log shows e.g. a form's error message."""
        try:
            text = " ".join(self.d.find_element(By.TAG_NAME, "body").text.split())
        except WebDriverException:
            return "(no body)"
        return text[:limit] + ("…" if len(text) > limit else "")

    def find(self, css):
        return self.until(EC.presence_of_element_located((By.CSS_SELECTOR, css)),
                          f"element {css!r}")

    def fill(self, css, value):
        field = self.find(css)
        field.clear()
        field.send_keys(value)

    def submit(self, form_css):
        """Click the form's submit button, then wait for the browser to leave the form page."""
        button = self.find(f"{form_css} button[type=submit]")
        old_page = self.d.find_element(By.TAG_NAME, "html")
        button.click()
        self.until(page_replaced(old_page), f"a new page after submitting {form_css!r}")

    def expect_text(self, text):
        self.until(EC.text_to_be_present_in_element((By.TAG_NAME, "body"), text),
                   f"text {text!r} in the page")

    def expect_h1(self, text):
        self.until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), text),
                   f"an h1 containing {text!r}")

    def go(self, path):
        self.d.get(self.base + path)

    def login(self, email, password):
        self.go("/login")
        self.fill("input[name=email]", email)
        self.fill("input[name=password]", password)
        self.submit("form:has(input[name=password])")
        self.until(lambda d: d.current_url.rstrip("/") == self.base,
                   f"the dashboard at {self.base}/ after login as {email}")
        self.expect_text("Dashboard")

    def logout(self):
        self.submit("form.signout")

    def set_value(self, css, value):
        """For date inputs, whose typed format depends on the browser's locale."""
        self.d.execute_script("document.querySelector(arguments[0]).value = arguments[1];", css, value)

    # -- the journey -----------------------------------------------------
    def run(self, email, password):
        self.step("log in")
        self.login(email, password)

        role = "Journey NLP Engineer"
        self.step("create a role")
        self.go("/roles/new")
        self.fill("input[name=title]", role)
        Select(self.find("select[name=category]")).select_by_value("ai-ml")
        self.fill("input[name=timeZone]", "Europe/Berlin")
        self.fill("input[name=specialties]", "nlp")
        self.fill("input[name=integrations]", "PostgreSQL")
        self.fill("input[name=overlapHours]", "3")
        self.submit("form#role-form")
        self.expect_h1(role)

        role_path = "/" + self.d.current_url.split("/", 3)[3].split("?")[0]

        self.step("read the role's plan: checklist, cost, overlap")
        self.expect_text("Skill checklist")
        self.expect_text("integration: PostgreSQL")
        self.expect_text("What it costs")
        self.expect_text("Time-zone overlap")
        self.until(lambda d: d.execute_script(
            "const i = document.querySelector('img[src$=\"cost-chart.svg\"]'); return i && i.complete && i.naturalWidth > 0;"),
            "the cost chart image to load")

        self.step("find the role in the list")
        self.go("/roles")
        self.expect_text(role)

        person = "Ada Journey"
        self.step("create a candidate")
        self.go("/candidates/new")
        self.fill("input[name=fullName]", person)
        self.fill("input[name=email]", "ada.journey@example.com")
        self.fill("input[name=timeZone]", "America/New_York")
        self.fill("input[name=skills]", "python, pytorch")
        self.submit("form#candidate-form")
        self.expect_h1(person)

        candidate_path = "/" + self.d.current_url.split("/", 3)[3].split("?")[0].split("#")[0]
        self.step("send the candidate an assessment; take it through the link; see it graded")
        Select(self.find("select[name=taskId]")).select_by_value("fund-merge-intervals")
        self.submit("form[action$='/assessments']")
        self.expect_h1("Assessment link")
        link = self.find("#assessment-link").get_attribute("value")
        self.d.get(link)
        self.expect_text("30 minutes")
        self.submit("form[action$='/start']")
        self.expect_text("Time left")
        here = os.path.dirname(os.path.abspath(__file__))
        with open(os.path.join(here, "..", "tasks", "fund-merge-intervals", "reference", "solution.py"), encoding="utf-8") as f:
            reference = f.read()
        self.d.execute_script("document.getElementById('source').value = arguments[0];", reference)
        self.submit("form#answer-form")
        self.expect_text("sample tests passed")
        old_page = self.d.find_element(By.TAG_NAME, "html")
        self.find("#submit-final").click()
        self.until(EC.staleness_of(old_page), "the page after the final submit")
        self.expect_text("was submitted")
        self.go(candidate_path)
        self.find("a[href*='/assessments/']").click()
        # The page refreshes itself while the queue grades; allow the worker a minute.
        try:
            WebDriverWait(self.d, 60).until(EC.text_to_be_present_in_element((By.TAG_NAME, "body"), "Score: 100.0%"))
        except TimeoutException:
            raise JourneyFailure(f"the assessment was not graded within 60 s: {self.page_text()!r}") from None

        self.go(candidate_path)
        self.step("search for the candidate")
        self.go("/candidates?q=Ada")
        self.expect_text(person)

        self.step("import a CSV from another tool, through the column-mapping step")
        csv_path = os.path.join(os.environ.get("TMPDIR") or tempfile.gettempdir(), "journey-import.csv")
        with open(csv_path, "w", encoding="utf-8") as f:
            f.write("First Name,Last Name,E-mail,Timezone,Hourly Rate (USD),Tech Stack\n"
                    "Lena,Journey,lena.journey@example.com,Europe/Kyiv,38,\"Python, PyTorch, FastAPI\"\n"
                    "Bad,Zone,bad.zone@example.com,Mars/Base,40,Python\n")
        self.go("/candidates/import")
        self.find("input[type=file]").send_keys(csv_path)
        self.submit("form[enctype='multipart/form-data']")
        self.expect_h1("Map the columns")
        self.submit("form:has(select[name='mapping[]'])")
        self.expect_h1("Import report")
        self.expect_text("1 created")
        self.expect_text("Mars/Base")

        self.step("save the role's checklist and rank the pool for it")
        self.go(role_path + "/checklist")
        self.submit("form#checklist-form")
        self.go(role_path + "/shortlist")
        self.expect_h1("Shortlist")
        self.submit("form[action='/applications']")
        self.expect_text("Added to the pipeline.")

        self.evaluate(role_path, person, password)

    def evaluate(self, role_path, person, password):
        """Guide steps 6-10: a hiring manager moves the candidate through every stage, two
        interviewers score independently, a paid trial ends in an offer a second member
        approves, and the candidate accepts through the private link."""
        self.step("add a hiring manager and two interviewers")
        for who, member_role in (("manager", "hiring-manager"), ("ivy", "interviewer"), ("ian", "interviewer")):
            self.go("/admin/users")
            self.fill("form#user-form input[name=email]", f"{who}.journey@example.com")
            self.fill("form#user-form input[name=name]", who.capitalize())
            self.fill("form#user-form input[name=password]", password)
            Select(self.find("form#user-form select[name=memberRole]")).select_by_value(member_role)
            self.submit("form#user-form")
            self.expect_text(f"{who}.journey@example.com")
        self.logout()

        self.step("the manager moves the candidate to Screen, then Fundamentals, on the board")
        self.login("manager.journey@example.com", password)
        self.go(role_path + "/board")
        card = self.find("article.card")
        application = card.get_attribute("id").removeprefix("card-")
        for stage in ("screen", "fundamentals"):
            Select(self.find(f"#stage-{application}")).select_by_value(stage)
            self.submit(f"#card-{application} form[action$='/stage']")
            self.expect_text("Stage changed.")
            self.find(f"#column-{stage} #card-{application}")
        self.logout()

        def score(stage, call, note):
            self.go(f"/applications/{application}/scorecards/{stage}")
            for select in self.d.find_elements(By.CSS_SELECTOR, "select[name^='ratings[']"):
                Select(select).select_by_value("3")
            for area in self.d.find_elements(By.CSS_SELECTOR, "textarea[name^='evidence[']"):
                area.send_keys(note)
            self.find(f"input[name=recommendation][value={call}]").click()
            self.submit("form#scorecard")
            self.expect_text("Scorecard submitted")

        self.step("two interviewers score Fundamentals; neither sees the other's scores first")
        self.login("ivy.journey@example.com", password)
        score("fundamentals", "yes", "Ivy saw a clean heap-based solution")
        self.expect_text("Ivy saw a clean heap-based solution")
        self.logout()
        self.login("ian.journey@example.com", password)
        self.go(f"/applications/{application}/scorecards")
        self.expect_text("Hidden until you submit your own scorecard for Fundamentals")
        if "Ivy saw" in self.page_text(limit=100000):
            raise JourneyFailure("Ian saw Ivy's evidence before submitting his own scorecard")
        score("fundamentals", "strong-yes", "Ian: explained trade-offs well")
        self.expect_text("Ivy saw a clean heap-based solution")
        self.expect_text("Panel decision")
        self.logout()

        self.step("the manager moves on to the paid trial and runs it")
        self.login("manager.journey@example.com", password)
        for stage in ("project-test", "communication", "paid-trial"):
            self.go(role_path + "/board")
            Select(self.find(f"#stage-{application}")).select_by_value(stage)
            self.submit(f"#card-{application} form[action$='/stage']")
            self.expect_text("Stage changed.")
        self.go(f"/applications/{application}/trial")
        self.fill("#task", "Build a small tested inference API")
        self.fill("#hourlyCents", "4500")
        self.fill("#hoursPerWeek", "10")
        self.fill("#criteria", "serves predictions\nhas tests")
        self.set_value("#startsOn", "2027-01-04")
        self.submit("form#trial-form")
        self.expect_text("Cost so far")
        self.fill("#hours", "8")
        self.fill("#note", "API done, tests green")
        self.submit("form[action$='/checkins']")
        self.expect_text("API done, tests green")
        score("paid-trial", "strong-yes", "met every acceptance criterion")
        self.go(f"/applications/{application}/trial")
        self.find("input[name=decision][value=convert]").click()
        self.fill("#reason", "met every criterion")
        self.submit("form[action$='/decision']")
        self.expect_text("converted")

        self.step("the manager drafts the offer; a second member approves it")
        self.go(f"/applications/{application}/offers")
        self.fill("#amountCents", "5000")
        self.fill("#reportsTo", "Head of Data")
        self.set_value("#startsOn", "2027-02-01")
        self.submit("form#offer-form")
        self.expect_text("Awaiting approval by a second member")
        self.logout()
        self.login("admin@example.com", password)
        self.go(f"/applications/{application}/offers")
        self.submit("form[action$='/approve']")
        self.expect_h1("Offer approved")
        link = self.find("#offer-link").get_attribute("value")
        self.logout()

        self.step("the candidate accepts through the private link")
        self.d.delete_all_cookies()
        self.d.get(link)
        self.expect_text("Head of Data")
        self.submit("form[action$='/accept']")
        self.expect_text("you accepted the offer")

        self.step("the engagement shows on the board and in the audit log")
        self.login("admin@example.com", password)
        self.go(role_path + "/board")
        self.find(f"#column-engaged #card-{application}")
        self.go("/admin/audit")
        self.expect_text("engagement recorded from the accepted offer")


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    base, email, password = argv[1:]
    driver = None
    try:
        driver = make_driver()
        Journey(driver, base).run(email, password)
    except Exception as error:
        print(f"journey: FAILED: {error}", file=sys.stderr)
        if not isinstance(error, JourneyFailure):
            traceback.print_exc()
        if driver is not None:
            shot = os.path.join(os.environ.get("TMPDIR") or tempfile.gettempdir(),
                                "journey-fail.png")
            try:
                driver.save_screenshot(shot)
                print(f"journey: screenshot saved to {shot}", file=sys.stderr)
            except WebDriverException:
                pass
        print("journey: 0 passed, 1 failed", flush=True)
        return 1
    finally:
        if driver is not None:
            driver.quit()
    print("journey: 1 passed, 0 failed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
